import { LogsQueryResultStatus, type LogsQueryResult, type LogsTable } from "@azure/monitor-query-logs";
import { unknown, type Outcome } from "./outcome";

/** Column types as Log Analytics names them in `columns[].type`. */
export type KqlColumnType = "string" | "long" | "int" | "real" | "datetime" | "bool";

/** The columns (and their types) a query promises; the KQL test checks each query against its spec. */
export type ColumnSpec = Readonly<Record<string, KqlColumnType>>;

type CellOf<T extends KqlColumnType> = T extends "string"
  ? string
  : T extends "datetime"
    ? Date
    : T extends "bool"
      ? boolean
      : number | null;

export type RowOf<S extends ColumnSpec> = { [K in keyof S]: CellOf<S[K]> };

type Cell = LogsTable["rows"][number][number] | null | undefined;

/**
 * Reads the primary table of a query result into typed rows, by column name rather than position.
 * A partial result is refused outright: the missing part could be exactly the failing service.
 */
export function mapResultRows<S extends ColumnSpec>(
  queryName: string,
  result: LogsQueryResult,
  spec: S,
): Outcome<RowOf<S>[]> {
  if (result.status !== LogsQueryResultStatus.Success) {
    const { code, message } = result.partialError;
    return unknown(`${queryName} returned a partial result (${code}: ${message})`);
  }
  const table = result.tables[0];
  if (!table) return unknown(`${queryName} returned no table`);

  const indexes = new Map<string, number>();
  for (const name of Object.keys(spec)) {
    const index = table.columnDescriptors.findIndex((column) => column.name === name);
    if (index < 0) return unknown(`${queryName} answered without the column ${name}`);
    indexes.set(name, index);
  }

  const rows: RowOf<S>[] = [];
  for (const raw of table.rows) {
    const row: Record<string, unknown> = {};
    for (const [name, type] of Object.entries(spec)) {
      const value = readCell(raw[indexes.get(name)!], type);
      if (value === INVALID) {
        return unknown(
          `${queryName} answered a ${type} column ${name} with ${JSON.stringify(raw[indexes.get(name)!])}`,
        );
      }
      row[name] = value;
    }
    rows.push(row as RowOf<S>);
  }
  return { kind: "ok", value: rows };
}

const INVALID = Symbol("invalid cell");

function readCell(cell: Cell, type: KqlColumnType): unknown {
  switch (type) {
    case "string":
      return cell === null || cell === undefined ? "" : typeof cell === "string" ? cell : INVALID;
    case "bool":
      return typeof cell === "boolean" ? cell : INVALID;
    case "datetime":
      return cell instanceof Date && !Number.isNaN(cell.getTime()) ? cell : INVALID;
    default:
      return readNumber(cell);
  }
}

function readNumber(cell: Cell): number | null | typeof INVALID {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  // Log Analytics writes non-finite reals as the strings "NaN", "Infinity" and "-Infinity".
  if (typeof cell === "string") {
    const parsed = Number(cell);
    return Number.isFinite(parsed) ? parsed : cell === "NaN" || cell.endsWith("Infinity") ? null : INVALID;
  }
  return INVALID;
}
