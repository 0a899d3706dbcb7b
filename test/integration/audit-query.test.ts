import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAuditFilters, type AuditFilters } from "@/lib/audit/audit-filters";
import { listAuditActions } from "@/lib/audit/list-audit-actions";
import { countAuditEvents, listAuditEvents, type AuditReader } from "@/lib/audit/list-audit-events";
import { streamAuditCsv } from "@/lib/audit/stream-audit-csv";
import { openDatabase, type Database } from "@/lib/db/database";
import { createTestDatabase } from "../support/postgres";

const SHA_A = "aaaa111111111111111111111111111111111111";
const SHA_B = "aaaa222222222222222222222222222222222222";
const SHA_C = "cccc333333333333333333333333333333333333";

/** Events in insertion order; `n` names each in the assertions (it is the reason text). */
const EVENTS = [
  { n: "e1", at: "2026-11-01T09:00:00.000Z", actor: "quinn-qa", action: "auth.sign_in", sha: null },
  { n: "e2", at: "2026-11-02T10:00:00.000Z", actor: "quinn-qa", action: "release.accept", sha: SHA_A },
  { n: "e3", at: "2026-11-02T10:00:00.000Z", actor: "quinn-qa", action: "operation.merge", sha: SHA_A },
  { n: "e4", at: "2026-11-02T23:59:59.999Z", actor: "lee-lead", action: "auth.sign_in", sha: null },
  { n: "e5", at: "2026-11-03T00:00:00.000Z", actor: "quinn-qa", action: "release.reject", sha: SHA_B },
  { n: "e6", at: "2026-11-04T12:00:00.000Z", actor: "dana-dev", action: "release.accept", sha: SHA_C },
  { n: "e7", at: "2026-11-05T08:30:00.000Z", actor: "quinn-qa", action: "operation.teardown", sha: SHA_B },
  { n: "e8", at: "2026-11-05T08:30:00.000Z", actor: "lee-lead", action: "operation.merge", sha: SHA_C },
];

/** Newest first; e2/e3 and e7/e8 share a millisecond, so the later insert (higher id) comes first. */
const NEWEST_FIRST = ["e8", "e7", "e6", "e5", "e4", "e3", "e2", "e1"];

function filtersOf(params: Record<string, string>): AuditFilters {
  const parsed = parseAuditFilters(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.filters;
}

async function names(db: AuditReader, params: Record<string, string>, pageSize = 50) {
  const page = await listAuditEvents(filtersOf(params), { db, pageSize });
  return page.rows.map((r) => r.reason);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const kinds = [
  {
    kind: "embedded database (PGlite)",
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), "rd-audit-"));
      const database = await openDatabase({ kind: "pglite", dataDir: dir });
      return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    kind: "PostgreSQL server",
    open: async () => {
      const db = await createTestDatabase();
      const database = await openDatabase({ kind: "postgres", url: db.url });
      return { database, drop: db.drop };
    },
  },
];

describe.each(kinds)("the audit log query on the $kind", ({ open }) => {
  let database: Database;
  let drop: () => Promise<void>;
  let db: AuditReader;

  beforeAll(async () => {
    ({ database, drop } = await open());
    db = database.prisma;
    for (const e of EVENTS) {
      await database.prisma.auditEvent.create({
        data: {
          occurredAt: new Date(e.at),
          actor: e.actor,
          actorRoles: e.actor === "lee-lead" ? ["viewer", "lead"] : ["viewer", "qa"],
          action: e.action,
          targetType: e.sha ? "release" : "session",
          targetId: e.sha ?? e.actor,
          sha: e.sha,
          outcome: "recorded",
          reason: e.n,
        },
      });
    }
  });

  afterAll(async () => {
    await database?.driver.close();
    await drop?.();
  });

  it("lists every event newest first, events of the same millisecond by insertion", async () => {
    expect(await names(db, {})).toEqual(NEWEST_FIRST);
    expect(await countAuditEvents({}, db)).toBe(8);
  });

  it("filters by actor, by action, and by both", async () => {
    expect(await names(db, { actor: "lee-lead" })).toEqual(["e8", "e4"]);
    expect(await names(db, { action: "operation.merge" })).toEqual(["e8", "e3"]);
    expect(await names(db, { actor: "quinn-qa", action: "operation.merge" })).toEqual(["e3"]);
    expect(await names(db, { actor: "nobody" })).toEqual([]);
  });

  it("filters by a full SHA or by a prefix of one", async () => {
    expect(await names(db, { sha: SHA_A })).toEqual(["e3", "e2"]);
    expect(await names(db, { sha: "aaaa" })).toEqual(["e7", "e5", "e3", "e2"]);
    expect(await names(db, { sha: SHA_C.toUpperCase() })).toEqual(["e8", "e6"]);
    expect(await countAuditEvents(filtersOf({ sha: "aaaa" }), db)).toBe(4);
  });

  it("filters by period, both end days included whole (UTC)", async () => {
    // 2 Nov 00:00 ≤ t < 4 Nov 00:00: e4 (23:59:59.999 on the 2nd) is in, e6 (the 4th) is out.
    expect(await names(db, { from: "2026-11-02", to: "2026-11-03" })).toEqual(["e5", "e4", "e3", "e2"]);
    expect(await names(db, { from: "2026-11-05" })).toEqual(["e8", "e7"]);
    expect(await names(db, { to: "2026-11-01" })).toEqual(["e1"]);
    expect(await names(db, { from: "2026-11-02", to: "2026-11-03", actor: "quinn-qa" })).toEqual([
      "e5",
      "e3",
      "e2",
    ]);
  });

  it("pages older and back newer without repeating or skipping an event, ties included", async () => {
    const seen: string[][] = [];
    let page = await listAuditEvents({}, { db, pageSize: 3 });
    const cursors: (string | null)[] = [];
    expect(page.newer).toBeNull();
    for (;;) {
      seen.push(page.rows.map((r) => r.reason ?? ""));
      cursors.push(page.newer);
      if (!page.older) break;
      page = await listAuditEvents(filtersOf({ before: page.older }), { db, pageSize: 3 });
    }

    expect(seen).toEqual([
      ["e8", "e7", "e6"],
      ["e5", "e4", "e3"],
      ["e2", "e1"],
    ]);
    // And back: from the last page, "newer" gives the page before it.
    const back = await listAuditEvents(filtersOf({ after: cursors[2] ?? "" }), { db, pageSize: 3 });
    expect(back.rows.map((r) => r.reason)).toEqual(["e5", "e4", "e3"]);
    expect(back.older).not.toBeNull();
    const first = await listAuditEvents(filtersOf({ after: back.newer ?? "" }), { db, pageSize: 3 });
    expect(first.rows.map((r) => r.reason)).toEqual(["e8", "e7", "e6"]);
    expect(first.newer).toBeNull();
  });

  it("pages a filtered view, and lists the recorded actions", async () => {
    const page1 = await listAuditEvents(filtersOf({ actor: "quinn-qa" }), { db, pageSize: 2 });
    expect(page1.rows.map((r) => r.reason)).toEqual(["e7", "e5"]);
    const page2 = await listAuditEvents(filtersOf({ actor: "quinn-qa", before: page1.older ?? "" }), {
      db,
      pageSize: 2,
    });
    expect(page2.rows.map((r) => r.reason)).toEqual(["e3", "e2"]);
    expect(await listAuditActions(db)).toEqual([
      "auth.sign_in",
      "operation.merge",
      "operation.teardown",
      "release.accept",
      "release.reject",
    ]);
  });

  it("exports the filtered set as CSV, newest first, header first", async () => {
    const csv = await readAll(streamAuditCsv(filtersOf({ sha: "aaaa" }), { db }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "time_utc,actor,actor_roles,action,target_type,target_id,sha,outcome,reason,request_id,event_id",
    );
    expect(lines.slice(1, -1).map((l) => l.split(",")[8])).toEqual(["e7", "e5", "e3", "e2"]);
    expect(lines[1]).toMatch(
      new RegExp(
        `^2026-11-05T08:30:00.000Z,quinn-qa,viewer qa,operation.teardown,release,${SHA_B},${SHA_B},recorded,e7,,\\d+$`,
      ),
    );
    expect(lines.at(-1)).toBe("");
  });

  it("exports in keyset batches without losing or repeating an event", async () => {
    const csv = await readAll(streamAuditCsv({}, { db, batchSize: 3 }));
    const reasons = csv
      .split("\r\n")
      .slice(1, -1)
      .map((l) => l.split(",")[8]);
    expect(reasons).toEqual(NEWEST_FIRST);
  });
});
