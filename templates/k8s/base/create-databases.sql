-- Runs once, when the PostgreSQL volume is first initialised: one database per service.
CREATE DATABASE products;
CREATE DATABASE orders;
CREATE DATABASE customers;
