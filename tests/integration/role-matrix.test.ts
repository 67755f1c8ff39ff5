// Checks the hand-written specification of who may run which command (access-spec.ts) against the real server:
// every command × every role, a platform admin and an anonymous citizen. Where the specification says no, the
// server answers 403 (401 without an account) and writes nothing; where it says yes, the request gets past
// authorization, and the sample's `ok` person gets a 200. Bracketed roles are checked on both sides (`cases`).
// Refusals run first, on the fixture as built; the allowed requests then change it, in the specification's order.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../app/domain/roles";
import { startServer, type CommandResponse, type TestServer } from "../support/server";
import { ACCESS_SPEC, type CommandType, type Who } from "./access-spec";
import { ACTORS, buildFixture, cases, samples, type Actor, type Case, type Fixture } from "./role-matrix.samples";

let server: TestServer;
let f: Fixture;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "100000", API_RATE_LIMIT_PER_MINUTE: "100000" });
  f = await buildFixture(server);
}, 60_000);
afterAll(() => server.stop());

// ── Reading the specification ──

const COMMANDS = Object.keys(ACCESS_SPEC) as CommandType[];

/** "technical_member (the chair only)" → role and bracket. */
function parse(who: Who): { who: string; bracket: string | null } {
  const m = /^(\S+) \((.+)\)$/.exec(who);
  return m ? { who: m[1], bracket: m[2] } : { who, bracket: null };
}

/**
 * What the specification says for one of the one-role people (who owns nothing, chairs nothing, is assigned to
 * nothing) sending the command's sample: a bracketed role is a no for them unless the sample `meets` the bracket;
 * `cases` holds the people the brackets allow.
 */
function verdict(command: CommandType, actor: Actor): "yes" | "no" {
  const entries = (ACCESS_SPEC[command] as readonly Who[]).map(parse);
  const meets = samples[command].meets ?? [];
  const yes = (who: string) => entries.some((e) => e.who === who && (e.bracket === null || (meets as readonly string[]).includes(who)));
  if (yes("anyone")) return "yes";
  if (actor === "anonymous") return "no";
  if (actor === "platform_admin") return yes("platform_admin") || yes("point_of_contact") ? "yes" : "no";
  return yes(actor) ? "yes" : "no";
}

/** For a test's name: a bracketed role refused with the sample is outside its bracket. */
function outside(command: CommandType, actor: Actor): string {
  const bracket = (ACCESS_SPEC[command] as readonly Who[]).map(parse).find((e) => e.who === actor)?.bracket;
  return bracket ? `, not "${bracket}"` : "";
}

const isSystemOnly = (command: CommandType) => (ACCESS_SPEC[command] as readonly Who[]).includes("system");

function okActors(command: CommandType): Actor[] {
  const ok = samples[command].ok;
  return ok === undefined ? [] : typeof ok === "string" ? [ok] : [...ok];
}

/** Allowed actors, the sample's `ok` people first (they need the fixture as built). */
function allowedActors(command: CommandType): Actor[] {
  const ok = okActors(command);
  return [...ok, ...ACTORS.filter((a) => !ok.includes(a) && verdict(command, a) === "yes")];
}

// ── Asking the server ──

async function auditCount(): Promise<number> {
  const row = await server.cocrea.db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function explain(res: CommandResponse): string {
  return res.body.ok ? "ok" : `${res.status} ${res.body.error.code}: ${res.body.error.message}`;
}

async function expectRefused(run: () => Promise<CommandResponse>, status: 401 | 403) {
  const before = await auditCount();
  const res = await run();
  expect(res.status, explain(res)).toBe(status);
  expect(await auditCount()).toBe(before);
}

async function expectAllowed(run: () => Promise<CommandResponse>, ok: boolean) {
  const before = await auditCount();
  const res = await run();
  expect([401, 403], explain(res)).not.toContain(res.status);
  if (ok) {
    expect(res.status, explain(res)).toBe(200);
    expect(await auditCount()).toBe(before + 1);
  }
}

const send = (c: Case) => () => c.actor(f).command(c.command, (c.payload ?? samples[c.command].payload)(f), randomUUID());
const sendAs = (command: CommandType, actor: Actor) => () => f.actors[actor].command(command, samples[command].payload(f), randomUUID());

// ── The tests ──

describe("the specification covers the server", () => {
  it("names every command the server knows, and none it does not", async () => {
    const listed = await f.actors.anonymous.get("/api/v1/commands");
    const known = (listed.body.result as Array<{ type: string }>).map((c) => c.type).sort();
    expect([...COMMANDS].sort()).toEqual(known);
  });

  it("has a sample payload for every command, and its `ok` people are allowed by the specification", () => {
    for (const command of COMMANDS) {
      expect(samples[command], command).toBeDefined();
      for (const actor of okActors(command)) expect(verdict(command, actor), `${command}: ${actor}`).toBe("yes");
    }
  });

  it("checks both sides of every bracket: someone it allows, and someone of the same role it refuses", () => {
    const missing: string[] = [];
    for (const command of COMMANDS) {
      for (const entry of (ACCESS_SPEC[command] as readonly Who[]).map(parse)) {
        if (entry.bracket === null) continue;
        const role = entry.who as Role;
        const meets = (samples[command].meets ?? []).includes(role);
        const allowed = meets || cases.some((c) => c.command === command && c.role === role && c.expect !== "refused");
        const refused = !meets || cases.some((c) => c.command === command && c.role === role && c.expect === "refused");
        if (!allowed) missing.push(`${command}: nobody the bracket of ${role} allows`);
        if (!refused) missing.push(`${command}: no ${role} the bracket refuses`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names only roles that exist", () => {
    for (const command of COMMANDS) {
      for (const { who } of (ACCESS_SPEC[command] as readonly Who[]).map(parse)) {
        expect(["anyone", "platform_admin", "system", ...ROLES], `${command}: ${who}`).toContain(who);
      }
    }
  });
});

describe("who may not: 403 (401 without an account), nothing written", () => {
  for (const command of COMMANDS) {
    for (const actor of ACTORS) {
      if (verdict(command, actor) === "yes") continue;
      it(`${command} — ${actor}${outside(command, actor)}`, () => expectRefused(sendAs(command, actor), actor === "anonymous" ? 401 : 403));
    }
    for (const c of cases.filter((c) => c.command === command && c.expect === "refused")) {
      it(`${command} — ${c.role}: ${c.who}`, () => expectRefused(send(c), 403));
    }
  }
});

describe("who may: past authorization (200 for the sample's `ok` people)", () => {
  for (const command of COMMANDS) {
    if (isSystemOnly(command)) {
      it(`${command} — the command line (system actor)`, async () => {
        const outcome = await server.cocrea.bus.execute(
          { id: randomUUID(), type: command, payload: samples[command].payload(f) },
          { kind: "system", label: "cli" },
        );
        expect(outcome.ok, outcome.ok ? "" : outcome.error.messageKey).toBe(true);
      });
      continue;
    }
    for (const actor of allowedActors(command)) {
      it(`${command} — ${actor}`, async () => {
        const ok = okActors(command).includes(actor);
        if (ok && actor === okActors(command)[0]) await samples[command].before?.(f, server);
        return expectAllowed(sendAs(command, actor), ok);
      });
    }
    for (const c of cases.filter((c) => c.command === command && c.expect !== "refused")) {
      it(`${command} — ${c.role}: ${c.who}`, () => expectAllowed(send(c), c.expect === "ok"));
    }
  }
});
