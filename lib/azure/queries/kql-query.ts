import type { QueryTimeInterval } from "@azure/monitor-query-logs";

/**
 * A named query ready to send: the text starts with `// query: <name>` and its `let` parameters, so
 * the same text is what the KQL test type-checks, what Azure runs and what the simulator recognises.
 */
export interface KqlQuery {
  name: string;
  text: string;
  /** Sent as the request's `timespan`; Azure intersects it with the query's own time filter. */
  timespan: QueryTimeInterval;
}

/** A `let` statement's value, already written as a KQL literal. */
export type KqlLet = readonly [name: string, literal: string];

export function renderKqlQuery(
  name: string,
  lets: readonly KqlLet[],
  body: string,
  timespan: QueryTimeInterval,
): KqlQuery {
  const header = [`// query: ${name}`, ...lets.map(([letName, literal]) => `let ${letName} = ${literal};`)];
  return { name, text: `${header.join("\n")}\n${body.trim()}\n`, timespan };
}

export function kqlDatetime(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new RangeError("KQL datetime parameter is not a valid date");
  return `datetime(${value.toISOString()})`;
}

/** Whole minutes keep the literal short and exactly representable (`60m`). */
export function kqlMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw new RangeError(`KQL timespan must be a positive whole number of minutes, got ${minutes}`);
  }
  return `${minutes}m`;
}

export function kqlLong(value: number): string {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`KQL long parameter must be an integer, got ${value}`);
  return String(value);
}
