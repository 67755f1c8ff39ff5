// The dialect interface (db/dialect.ts) on both engines: SQLite always, PostgreSQL when COCREA_TEST_POSTGRES_URL is
// set (a schema of its own). Each piece is asked through real migrated tables, with hand-written expectations.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "../../db/connection.server";
import type { SqlDialect } from "../../db/dialect";
import { createSchema, dropSchema, freshSchemaName, POSTGRES_HINT, testPostgresUrl } from "../support/postgres";

const postgres = testPostgresUrl();
if (!postgres) console.log(`dialect: PostgreSQL half skipped; set ${POSTGRES_HINT} to run it.`);

const engines = [
  {
    name: "sqlite",
    skip: false,
    async open() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-dialect-"));
      return { url: `file:${path.join(dir, "d.sqlite")}`, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: "postgres",
    skip: !postgres,
    async open() {
      const schema = freshSchemaName();
      return { url: await createSchema(postgres!, schema), cleanup: () => dropSchema(postgres!, schema) };
    },
  },
];

const NOW = "2016-03-01T12:00:00.000Z";

for (const engine of engines) {
  describe.skipIf(engine.skip)(`dialect on ${engine.name}`, () => {
    let db: DB;
    let d: SqlDialect;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const opened = await engine.open();
      cleanup = opened.cleanup;
      ({ db, dialect: d } = openDatabase(opened.url));
      await migrateToLatest(db);
      await db
        .insertInto("organizations")
        .values([
          { id: "org-b", name: "Banco de Guatemala", acronym: "BANGUAT", sector: "public", created_at: NOW },
          { id: "org-a", name: "Acción Ciudadana", acronym: "AC", sector: "civil_society", created_at: NOW },
          { id: "org-c", name: "Congreso", acronym: "CONGRESO", sector: "public", created_at: NOW },
        ])
        .execute();
    });
    afterAll(async () => {
      await db?.destroy();
      await cleanup?.();
    });

    it("names itself", () => {
      expect(d.name).toBe(engine.name);
    });

    it("turns a JSON array parameter into rows, in the array's order", async () => {
      const rows = await sql<{ id: string; acronym: string }>`
        SELECT g.id, g.acronym FROM ${d.jsonEach(sql`${JSON.stringify(["org-c", "org-a", "nobody"])}`, "j")}
        JOIN organizations g ON g.id = j.value ORDER BY j.key`.execute(db);
      expect(rows.rows).toEqual([
        { id: "org-c", acronym: "CONGRESO" },
        { id: "org-a", acronym: "AC" },
      ]);
    });

    it("joins each row with the JSON array held in one of its columns", async () => {
      await db
        .insertInto("audit_events")
        .values([
          {
            consultation_id: null,
            actor_user_id: null,
            actor_label: "t",
            command_id: "c1",
            command_type: "x",
            payload: '["org-b","org-a"]',
            result: "{}",
            created_at: NOW,
          },
          {
            consultation_id: null,
            actor_user_id: null,
            actor_label: "t",
            command_id: "c2",
            command_type: "x",
            payload: '["org-c"]',
            result: "{}",
            created_at: NOW,
          },
        ])
        .execute();
      const rows = await sql<{ command_id: string; value: string }>`
        SELECT e.command_id, p.value FROM audit_events e ${d.crossJoin} ${d.jsonEach("e.payload", "p")}
        WHERE e.command_type = 'x' ORDER BY e.command_id, p.key`.execute(db);
      expect(rows.rows).toEqual([
        { command_id: "c1", value: "org-b" },
        { command_id: "c1", value: "org-a" },
        { command_id: "c2", value: "org-c" },
      ]);
    });

    it("reads one field of a JSON object kept as text", async () => {
      await db
        .insertInto("audit_events")
        .values({
          consultation_id: null,
          actor_user_id: null,
          actor_label: "t",
          command_id: "c3",
          command_type: "organization.create",
          payload: "{}",
          result: '{"organizationId":"org-b","other":1}',
          created_at: NOW,
        })
        .execute();
      const rows = await sql<{ command_id: string }>`
        SELECT command_id FROM audit_events WHERE ${d.jsonField("result", "organizationId")} = ${"org-b"}`.execute(db);
      expect(rows.rows).toEqual([{ command_id: "c3" }]);
    });

    it("gives the local calendar day of a UTC timestamp (Guatemala, six hours behind)", async () => {
      // Only the columns this test needs; the rest take their defaults (db/schema.ts types them all as required).
      await (db as unknown as Kysely<any>)
        .insertInto("consultations")
        .values([
          { id: "k1", slug: "k1", title: "Antes de medianoche local", created_at: "2016-03-01T05:59:59.000Z", updated_at: NOW },
          { id: "k2", slug: "k2", title: "Después", created_at: "2016-03-01T06:00:00.000Z", updated_at: NOW },
          { id: "k3", slug: "k3", title: "Fin de febrero bisiesto", created_at: "2016-03-01T00:30:00.000Z", updated_at: NOW },
        ])
        .execute();
      const rows = await db
        .selectFrom("consultations")
        .select(["id", d.localDay("created_at", -6).as("day")])
        .where("id", "in", ["k1", "k2", "k3"])
        .orderBy("id")
        .execute();
      expect(rows).toEqual([
        { id: "k1", day: "2016-02-29" },
        { id: "k2", day: "2016-03-01" },
        { id: "k3", day: "2016-02-29" },
      ]);
    });

    it("keeps the written join order with orderedJoin (a recursive walk)", async () => {
      const rows = await sql<{ id: string }>`
        WITH RECURSIVE walk(id) AS (SELECT CAST(${"org-a"} AS TEXT) UNION SELECT g.id FROM walk w ${d.orderedJoin} organizations g ON g.id > w.id)
        SELECT id FROM walk ORDER BY id`.execute(db);
      expect(rows.rows.map((r) => r.id)).toEqual(["org-a", "org-b", "org-c"]);
    });

    it("counts come back as numbers, flags as 0/1 integers, shares as doubles", async () => {
      const counted = await db
        .selectFrom("organizations")
        .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>(sql`1`).as("s")])
        .executeTakeFirstOrThrow();
      expect(counted).toEqual({ n: 3, s: 3 });
      await db.insertInto("users").values({ id: "u1", email: "a@example.org", name: "A", is_platform_admin: 1, created_at: NOW }).execute();
      expect(await db.selectFrom("users").select("is_platform_admin").where("is_platform_admin", "=", 1).execute()).toEqual([{ is_platform_admin: 1 }]);
      const share = await db.selectFrom("consultations").select("supermajority_share").where("id", "=", "k1").executeTakeFirstOrThrow();
      expect(share.supermajority_share).toBe(2 / 3);
    });

    it("sorts text the same way (byte order of the ids and acronyms; upper before lower case)", async () => {
      await db.insertInto("organizations").values({ id: "org-z", name: "z", acronym: "aa", sector: "public", created_at: NOW }).execute();
      const rows = await db.selectFrom("organizations").select("acronym").orderBy("acronym").execute();
      expect(rows.map((r) => r.acronym)).toEqual(["AC", "BANGUAT", "CONGRESO", "aa"]);
    });

    it("tells a unique violation apart from other errors, and which errors a transaction may be rerun on", async () => {
      const duplicate = await db
        .insertInto("organizations")
        .values({ id: "org-a", name: "Otra", acronym: "OTRA", sector: "public", created_at: NOW })
        .execute()
        .catch((e: unknown) => e);
      expect(d.isUniqueViolation(duplicate)).toBe(true);
      const missing = await sql`SELECT * FROM no_such_table`.execute(db).catch((e: unknown) => e);
      expect(d.isUniqueViolation(missing)).toBe(false);
      expect(d.isRetryable(missing)).toBe(false);
      expect(d.isRetryable({ code: "40001" })).toBe(engine.name === "postgres");
      expect(d.isRetryable({ code: "40P01" })).toBe(engine.name === "postgres");
    });
  });
}
