import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import type * as DMMF from "@prisma/dmmf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDriver, type Driver } from "@/lib/db/driver";
import { migrate, MIGRATIONS_DIR_FOR_TESTS } from "./support-migrations";
import { createTestDatabase } from "../support/postgres";

const schemaText = readFileSync(join(process.cwd(), "prisma", "schema.prisma"), "utf8");

function loadDmmf(): DMMF.Document {
  const result = getDMMF({ datamodel: schemaText });
  if ("type" in result) throw result.error;
  return result;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  datetime_precision: number | null;
}

/** What PostgreSQL should report for a Prisma field (information_schema's data_type / udt_name). */
function expectedType(field: DMMF.Field): { dataType: string; udt: string; precision?: number } {
  const native = field.nativeType;
  if (field.isList) {
    const element = expectedType({ ...field, isList: false });
    return { dataType: "ARRAY", udt: `_${element.udt}` };
  }
  if (native) {
    const [name, args] = native;
    switch (name) {
      case "Uuid":
        return { dataType: "uuid", udt: "uuid" };
      case "Timestamptz":
        return { dataType: "timestamp with time zone", udt: "timestamptz", precision: Number(args[0] ?? 6) };
      case "Timestamp":
        return { dataType: "timestamp without time zone", udt: "timestamp", precision: Number(args[0] ?? 6) };
      case "Text":
        return { dataType: "text", udt: "text" };
      default:
        throw new Error(`Add a mapping for native type @db.${name} to this test`);
    }
  }
  switch (field.type) {
    case "String":
      return { dataType: "text", udt: "text" };
    case "Int":
      return { dataType: "integer", udt: "int4" };
    case "BigInt":
      return { dataType: "bigint", udt: "int8" };
    case "Boolean":
      return { dataType: "boolean", udt: "bool" };
    case "DateTime":
      return { dataType: "timestamp without time zone", udt: "timestamp", precision: 3 };
    case "Json":
      return { dataType: "jsonb", udt: "jsonb" };
    case "Float":
      return { dataType: "double precision", udt: "float8" };
    default:
      throw new Error(`Add a mapping for ${field.type} to this test`);
  }
}

/** Database defaults Prisma puts in migrations; client-side defaults (uuid(), cuid()) have none. */
function expectedDefault(field: DMMF.Field): RegExp | null {
  const value = field.default;
  if (value === undefined) return null;
  if (typeof value === "object" && value !== null && "name" in value) {
    if (value.name === "now") return /CURRENT_TIMESTAMP|now\(\)/i;
    if (value.name === "autoincrement") return /^nextval\(/;
    if (value.name === "uuid" || value.name === "cuid") return null;
    if (value.name === "dbgenerated") return /.+/;
    throw new Error(`Add a mapping for default ${value.name}() to this test`);
  }
  return new RegExp(`^'?${String(value)}'?`);
}

function describeIndexes(rows: { tablename: string; indexdef: string }[]) {
  return rows
    .map((r) => {
      const unique = /CREATE UNIQUE INDEX/.test(r.indexdef);
      const cols = /\((.*)\)\s*$/.exec(r.indexdef)?.[1] ?? "";
      return `${r.tablename} ${unique ? "unique" : "index"} (${cols.replace(/"/g, "")})`;
    })
    .sort();
}

function expectedIndexes(dmmf: DMMF.Document): string[] {
  const tableOf = new Map(dmmf.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = new Map(
    dmmf.datamodel.models.flatMap((m) => m.fields.map((f) => [`${m.name}.${f.name}`, f.dbName ?? f.name])),
  );
  return dmmf.datamodel.indexes
    .map((index) => {
      const cols = index.fields
        .map((f) => `${columnOf.get(`${index.model}.${f.name}`)}${f.sortOrder === "desc" ? " DESC" : ""}`)
        .join(", ");
      const kind = index.type === "normal" ? "index" : "unique";
      return `${tableOf.get(index.model)} ${kind} (${cols})`;
    })
    .sort();
}

async function assertMatchesSchema(driver: Driver) {
  const dmmf = loadDmmf();
  const columns = await driver.query<ColumnRow>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const tables = new Set(columns.map((c) => c.table_name));
  const modelTables = dmmf.datamodel.models.map((m) => m.dbName ?? m.name);
  expect([...tables].sort()).toEqual([...modelTables].sort());

  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    const scalarFields = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    const actual = columns.filter((c) => c.table_name === table);
    expect(actual.map((c) => c.column_name).sort(), `columns of ${table}`).toEqual(
      scalarFields.map((f) => f.dbName ?? f.name).sort(),
    );
    for (const field of scalarFields) {
      const column = actual.find((c) => c.column_name === (field.dbName ?? field.name));
      const where = `${model.name}.${field.name}`;
      expect(column, where).toBeDefined();
      if (!column) continue;
      const type = expectedType(field);
      expect(column.data_type, `${where} type`).toBe(type.dataType);
      expect(column.udt_name, `${where} udt`).toBe(type.udt);
      if (type.precision !== undefined)
        expect(column.datetime_precision, `${where} precision`).toBe(type.precision);
      // Prisma's scalar lists are NOT NULL in the client but nullable columns in its migrations.
      const nullable = !field.isRequired || field.isList;
      expect(column.is_nullable, `${where} nullability`).toBe(nullable ? "YES" : "NO");
      const def = expectedDefault(field);
      if (def) expect(column.column_default ?? "", `${where} default`).toMatch(def);
      else expect(column.column_default, `${where} has no database default`).toBeNull();
    }
  }

  const indexRows = await driver.query<{ tablename: string; indexdef: string }>(
    `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const primaryKeys = dmmf.datamodel.models.map((m) => {
    const id = m.fields.find((f) => f.isId);
    return `${m.dbName ?? m.name} unique (${id?.dbName ?? id?.name})`;
  });
  expect(describeIndexes(indexRows)).toEqual(
    [...expectedIndexes(dmmf).filter((i) => !primaryKeys.includes(i)), ...primaryKeys].sort(),
  );
}

async function assertAuditIsAppendOnly(driver: Driver) {
  await driver.query(
    `INSERT INTO audit_events (actor, actor_roles, action, target_type, target_id, outcome)
     VALUES ('quinn-qa', ARRAY['viewer','qa'], 'test.append', 'test', 't1', 'succeeded')`,
  );
  await expect(driver.query(`UPDATE audit_events SET outcome = 'tampered'`)).rejects.toThrow(/append-only/);
  await expect(driver.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  await expect(driver.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  const rows = await driver.query<{ outcome: string }>(`SELECT outcome FROM audit_events`);
  expect(rows).toEqual([{ outcome: "succeeded" }]);
}

async function assertIdempotent(driver: Driver) {
  const before = await driver.query(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY 1`);
  const second = await migrate(driver, MIGRATIONS_DIR_FOR_TESTS);
  expect(second.applied).toEqual([]);
  const after = await driver.query(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY 1`);
  expect(after).toEqual(before);
}

describe("embedded database (PGlite)", () => {
  let driver: Driver;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rd-pglite-"));
    driver = await openDriver({ kind: "pglite", dataDir: dir });
    const first = await migrate(driver, MIGRATIONS_DIR_FOR_TESTS);
    expect(first.applied.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("matches schema.prisma: every model, column, type, nullability, default and index", async () => {
    await assertMatchesSchema(driver);
  });
  it("applies migrations idempotently", async () => {
    await assertIdempotent(driver);
  });
  it("refuses UPDATE, DELETE and TRUNCATE on the audit log", async () => {
    await assertAuditIsAppendOnly(driver);
  });
});

describe("PostgreSQL server", () => {
  let driver: Driver;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    driver = await openDriver({ kind: "postgres", url: db.url });
    await migrate(driver, MIGRATIONS_DIR_FOR_TESTS);
  });
  afterAll(async () => {
    await driver.close();
    await drop();
  });

  it("matches schema.prisma: every model, column, type, nullability, default and index", async () => {
    await assertMatchesSchema(driver);
  });
  it("applies migrations idempotently", async () => {
    await assertIdempotent(driver);
  });
  it("refuses UPDATE, DELETE and TRUNCATE on the audit log", async () => {
    await assertAuditIsAppendOnly(driver);
  });
  it("records migrations in Prisma's _prisma_migrations layout", async () => {
    const cols = await driver.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(cols.map((c) => c.column_name)).toEqual([
      "id",
      "checksum",
      "finished_at",
      "migration_name",
      "logs",
      "rolled_back_at",
      "started_at",
      "applied_steps_count",
    ]);
  });
});
