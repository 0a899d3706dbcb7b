import { join } from "node:path";
import { PrismaClient } from "./generated/client";
import { openDriver, type Driver, type DriverTarget } from "./driver";
import { migrate } from "./migrate";

export const MIGRATIONS_DIR = join(process.cwd(), "prisma", "migrations");

export interface Database {
  prisma: PrismaClient;
  driver: Driver;
}

/** Opens a database, brings its schema up to date, and returns a Prisma client bound to it. */
export async function openDatabase(target: DriverTarget, migrationsDir = MIGRATIONS_DIR): Promise<Database> {
  const driver = await openDriver(target);
  try {
    await migrate(driver, migrationsDir);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return { driver, prisma: new PrismaClient({ adapter: driver.adapter }) };
}
