// `npm run cocrea -- copy-database`: the demo consultation (as SEED_DEMO makes it) copied from the embedded SQLite
// file to PostgreSQL and back, by the real CLI; each copy prints and checks every table's row count and the funnel.
// Without COCREA_TEST_POSTGRES_URL the middle stop is a second SQLite file (the PostgreSQL run is npm run test:postgres).
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "../../db/connection.server";
import { factories } from "../../db/factories";
import { seedDemo } from "../../db/seed/demo.server";
import { CommandBus } from "../../server/commands/bus.server";
import { commands } from "../../server/commands/registry";
import { createSchema, dropSchema, freshSchemaName, POSTGRES_HINT, testPostgresUrl } from "../support/postgres";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const postgres = testPostgresUrl();
if (!postgres) console.log(`copy-database: SQLite → SQLite only; set ${POSTGRES_HINT} to copy through PostgreSQL.`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-copy-"));
const source = `file:${path.join(dir, "source.sqlite")}`;
const back = `file:${path.join(dir, "back.sqlite")}`;
const schema = freshSchemaName();
let middle: string;

beforeAll(async () => {
  middle = postgres ? await createSchema(postgres, schema) : `file:${path.join(dir, "middle.sqlite")}`;
  const { db } = openDatabase(source);
  await migrateToLatest(db);
  await seedDemo(new CommandBus({ db, commands, publish: () => {} }), db, "contraseña-de-demo-123");
  await db.destroy();
}, 120_000);
afterAll(async () => {
  if (postgres) await dropSchema(postgres, schema);
  fs.rmSync(dir, { recursive: true, force: true });
});

function copy(from: string, to: string) {
  const run = spawnSync(process.execPath, [TSX, "server/cli.ts", "copy-database", "--from", from, "--to", to], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** "  table: 452 → 452" lines and the demo's funnel line, as printed. */
const countsOf = (out: string) => Object.fromEntries([...out.matchAll(/^ {2}[ ≠] (\w+): (\d+) → (\d+)$/gm)].map((m) => [m[1], [Number(m[2]), Number(m[3])]]));
const funnelOf = (out: string) => /plan-gobierno-abierto-2016-2018: (.*)$/m.exec(out)?.[1];

it("copies the demo consultation there and back, with equal row counts and funnel, and the copy keeps working", async () => {
  const there = copy(source, middle);
  expect(there.err).toBe("");
  expect(there.status).toBe(0);
  expect(there.out).toContain("Copy checked: every row count and funnel figure matches.");
  const counts = countsOf(there.out);
  // The demo as seeded: 59 proposals and 55 opinions and captures in 2016, 4 proposals and 3 opinions in the
  // consultation in progress (issue 17) — every command with its audit event.
  expect(counts.proposals).toEqual([63, 63]);
  expect(counts.citizen_inputs).toEqual([58, 58]);
  expect(counts.audit_events[0]).toBe(counts.command_log[0]);
  for (const [from, to] of Object.values(counts)) expect(to).toBe(from);
  // The figures the public page shows: 24 online opinions, 531 attending the forums, 3 summaries (the forums' fiscal
  // one and the two access-to-information ones the story follows), 49 → 5 → 5 → 5 → 4 proposals.
  expect(funnelOf(there.out)).toBe("online 24, attendance 531, captures 30, summaries 3 | proposed 49/20, unified 5/0, technical 5/0, refined 5/0, plan 4/4");

  // The copy takes new commands: numbered rows (audit events) continue after the copied ones.
  const { db } = openDatabase(middle);
  const bus = new CommandBus({ db, commands, publish: () => {} });
  const created = await bus.execute({ id: randomUUID(), type: "consultation.create", payload: factories.consultation() }, { kind: "system", label: "test" });
  expect(created.ok).toBe(true);
  const seqs = await db.selectFrom("audit_events").select("seq").orderBy("seq", "desc").limit(2).execute();
  expect(seqs[0].seq).toBe(seqs[1].seq + 1);
  await db.destroy();

  // And back to a new SQLite file: the same demo funnel, one consultation more than the source's two demos.
  const again = copy(middle, back);
  expect(again.status).toBe(0);
  expect(again.out).toContain("Copy checked");
  expect(funnelOf(again.out)).toBe(funnelOf(there.out));
  expect(countsOf(again.out).consultations).toEqual([3, 3]);
  expect(countsOf(again.out).audit_events).toEqual([counts.audit_events[0] + 1, counts.audit_events[0] + 1]);
}, 120_000);

it("refuses to copy into a database that already holds data, and leaves it as it was", async () => {
  const refused = copy(source, back);
  expect(refused.status).not.toBe(0);
  expect(refused.err).toContain("the target is not empty");
  const { db } = openDatabase(back);
  expect((await db.selectFrom("consultations").select("id").execute()).length).toBe(3);
  await db.destroy();
});
