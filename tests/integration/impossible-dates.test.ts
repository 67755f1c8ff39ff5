// Impossible calendar dates (issue 17, "bad input and leaks" 2): 2027-13-45, 0000-00-00 and 2027-02-30 were accepted
// by follow-up reports, proposal templates and merges, and plan approval, and then the public follow-up page, the
// proposal sheet, the plan page and the plan exports answered 500 for every reader. Now:
// (a) every command refuses them (400, the field named, nothing written);
// (b) a bad value stored before the fix — written straight into the database, the one place a direct write is
//     right: it stands for those rows — no longer fails a page: it reads "fecha no válida (…)";
// (c) migration 0013 reports such rows, and `npm run cocrea -- check-dates [--fix]` lists them and empties them,
//     with an audit event that keeps what it emptied.
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { up as reportImpossibleDates } from "../../db/migrations/0013_impossible_dates";
import { setupFollowup, type FollowupSetup } from "../support/follow-up";
import { mergePayload, proposalPayload, registerProposals } from "../support/roundtables";
import { ApiClient, startServer, type TestServer } from "../support/server";

let server: TestServer;
let s: FollowupSetup;
let planId = "";
let commitment = "";
const admin = () => s.t.admin.client;

beforeAll(async () => {
  server = await startServer();
  s = await setupFollowup(server, { commitments: 1 });
  commitment = s.commitments[0];
  await admin().ok("followup.assign_responsible", { proposalId: commitment, userId: s.responsible.userId });
  await s.responsible.client.ok("followup.update_milestone", {
    proposalId: commitment,
    position: 1,
    status: "limited",
    actualStartOn: "2016-09-05",
    note: "Mesa técnica conformada",
  });
  planId = (await admin().ok<{ planId: string }>("plan.assemble", { consultationId: s.t.consultationId, proposalIds: [commitment] })).planId;
  await admin().ok("plan.publish", { planId });
  await admin().ok("plan.send_review", { planId });
  await admin().ok("plan.approve", { planId, approvedBy: "Mesa de Alto Nivel", approvedOn: "2016-08-11", reference: "Acta 1-2016" });
}, 180_000);
afterAll(() => server.stop());

async function auditCount(): Promise<number> {
  const row = await server.cocrea.db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const IMPOSSIBLE = ["2027-13-45", "0000-00-00", "2027-02-30"];

describe("(a) every command refuses a day that does not exist", () => {
  async function refusedOn(run: () => Promise<{ status: number; body: any }>, field: string) {
    const before = await auditCount();
    const res = await run();
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe("invalid");
    const issue = res.body.error.issues.find((i: { path: unknown[] }) => i.path.join(".") === field);
    expect(issue, `${field} in ${JSON.stringify(res.body.error.issues)}`).toBeDefined();
    expect(issue.message).toBe("Escriba una fecha válida.");
    expect(await auditCount()).toBe(before);
  }

  it("a follow-up report, a proposal's milestone, a merge's result and the plan's approval", async () => {
    for (const bad of IMPOSSIBLE) {
      await refusedOn(
        () =>
          s.responsible.client.command("followup.update_milestone", {
            proposalId: commitment,
            position: 1,
            status: "complete",
            actualStartOn: "2016-09-05",
            actualEndOn: bad,
            note: "",
          }),
        "actualEndOn",
      );
      const template = proposalPayload(s.t.roundtableId);
      const milestones = (template.milestones as Array<Record<string, unknown>>).map((m, i) => (i === 0 ? { ...m, endsOn: bad } : m));
      await refusedOn(() => s.t.icefi.client.command("proposal.create", { ...template, milestones }), "milestones.0.endsOn");
      await refusedOn(
        () => admin().command("plan.approve", { planId, approvedBy: "Mesa de Alto Nivel", approvedOn: bad, reference: "Acta 2-2016" }),
        "approvedOn",
      );
    }
    // A merge at the thematic roundtable, in a round open again.
    const { roundId } = await admin().ok<{ roundId: string }>("round.schedule", { roundtableId: s.t.roundtableId, heldOn: "2016-07-07", venue: "MINFIN" });
    await refusedOn(() => admin().command("round.update", { roundId, heldOn: "2027-02-30", venue: "MINFIN" }), "heldOn");
    await admin().ok("round.open", { roundId });
    const sources = await registerProposals(s.t.icefi.client, s.t.roundtableId, 2);
    const merge = mergePayload(s.t, sources);
    const result = { ...merge.result, milestones: (merge.result.milestones as Array<Record<string, unknown>>).map((m) => ({ ...m, startsOn: "0000-00-00" })) };
    await refusedOn(() => s.t.member.client.command("proposal.merge", { ...merge, result }), "result.milestones.0.startsOn");
  });
});

const EXPORTS = ["plan.html", "plan.md", "plan.json", "plan.csv", "plan.pdf"];

/** The public pages the bad values reach, and every plan export this build serves (plan.pdf where it exists). */
async function publicPages(): Promise<string[]> {
  const exportsServed: string[] = [];
  for (const file of EXPORTS) {
    if ((await fetch(`${server.url}/c/${s.slug}/plan/exportar/${file}`)).status !== 404) exportsServed.push(file);
  }
  expect(exportsServed).toEqual(expect.arrayContaining(["plan.html", "plan.md", "plan.json", "plan.csv"]));
  return [
    `/c/${s.slug}/plan/seguimiento`,
    `/c/${s.slug}/propuestas/${commitment}`,
    `/c/${s.slug}/plan`,
    `/c/${s.slug}/mesa-tecnica`,
    `/c/${s.slug}`,
    `/api/v1/consultations/${s.t.consultationId}/follow-up`,
    ...exportsServed.flatMap((file) => [`/c/${s.slug}/plan/exportar/${file}`, `/c/${s.slug}/plan/exportar/${file}?lang=en`]),
  ];
}

describe("(b) one bad stored value fails no page", () => {
  let milestoneId = "";

  it("values stored before the fix: every public page and export answers 200, and the reader sees the value is not a date", async () => {
    const healthy = await publicPages();
    for (const pathname of healthy) expect((await fetch(`${server.url}${pathname}`)).status, `before: ${pathname}`).toBe(200);

    const db = server.cocrea.db;
    const milestone = await db.selectFrom("milestones").select("id").where("proposal_id", "=", commitment).orderBy("position").executeTakeFirstOrThrow();
    milestoneId = milestone.id;
    // Direct writes on purpose: rows as they were stored before dates were checked.
    await db.updateTable("milestones").set({ ends_on: "2027-13-45" }).where("id", "=", milestoneId).execute();
    await db.updateTable("followup_updates").set({ actual_start_on: "2027-02-30" }).where("proposal_id", "=", commitment).execute();
    await db.updateTable("plans").set({ approved_on: "0000-00-00" }).where("id", "=", planId).execute();

    for (const pathname of await publicPages()) {
      const res = await fetch(`${server.url}${pathname}`);
      expect(res.status, pathname).toBe(200);
    }
    // The approval's day reads as what it is; a milestone's period is shown as stored.
    const plan = await (await fetch(`${server.url}/c/${s.slug}/plan`)).text();
    expect(plan).toContain("Aprobado por Mesa de Alto Nivel el fecha no válida (0000-00-00)");
    expect(plan).toContain("2027-13-45");
    const followup = await (await fetch(`${server.url}/c/${s.slug}/plan/seguimiento`)).text();
    expect(followup).toContain("fecha no válida (2027-02-30)");
    const english = await (await fetch(`${server.url}/c/${s.slug}/plan/exportar/plan.html?lang=en`)).text();
    expect(english).toContain("invalid date (2027-13-45)");
  });

  it("(c) migration 0013 reports each row (table, row, column, value) and changes nothing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await reportImpossibleDates(server.cocrea.db);
      const lines = warn.mock.calls.map((c) => String(c[0]));
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`milestones ${milestoneId} ends_on: "2027-13-45"`)),
          expect.stringMatching(/followup_updates \S+ actual_start_on: "2027-02-30"/),
          expect.stringMatching(new RegExp(`plans ${planId} approved_on: "0000-00-00"`)),
          expect.stringContaining("check-dates"),
        ]),
      );
    } finally {
      warn.mockRestore();
    }
    const plan = await server.cocrea.db.selectFrom("plans").select("approved_on").where("id", "=", planId).executeTakeFirstOrThrow();
    expect(plan.approved_on).toBe("0000-00-00");
  });

  it("(c) check-dates lists them; --fix empties them with one audit event that keeps the old values", async () => {
    const tsx = path.resolve("node_modules/.bin/tsx");
    const env = { ...process.env, DATABASE_URL: server.databaseUrl, SESSION_SECRET: "test-secret", LOG_LEVEL: "silent" };
    // Not spawnSync: the server runs in this process and must keep serving (and closing idle connections) meanwhile.
    const cli = (...args: string[]) =>
      new Promise<{ stdout: string; stderr: string; status: number }>((resolve) => {
        execFile(tsx, ["server/cli.ts", ...args], { env, encoding: "utf8" }, (error, stdout, stderr) =>
          resolve({ stdout, stderr, status: error ? Number(error.code ?? 1) : 0 }),
        );
      });
    const listed = await cli("check-dates");
    expect(listed.stdout).toContain(`milestones ${milestoneId} ends_on: "2027-13-45"`);
    expect(listed.stdout).toContain(`plans ${planId} approved_on: "0000-00-00"`);
    expect(listed.stdout).toMatch(/followup_updates \S+ actual_start_on: "2027-02-30"/);
    expect(listed.stdout).toContain("3 impossible date(s).");
    expect(listed.status).toBe(1);

    const fixed = await cli("check-dates", "--fix");
    expect(fixed.stdout, fixed.stderr).toContain("3 impossible date(s) emptied, 0 left to correct by hand.");
    expect(fixed.status).toBe(0);

    const again = await cli("check-dates");
    expect(again.stdout).toContain("No impossible dates.");
    expect(again.status).toBe(0);
  }, 180_000);

  it("after --fix: the audit log holds what was emptied, and every page still answers", async () => {
    const event = await server.cocrea.db.selectFrom("audit_events").selectAll().where("command_type", "=", "dates.fix_impossible").executeTakeFirstOrThrow();
    const recorded = JSON.stringify(event);
    for (const value of IMPOSSIBLE) expect(recorded).toContain(value);
    const milestone = await server.cocrea.db.selectFrom("milestones").select("ends_on").where("id", "=", milestoneId).executeTakeFirstOrThrow();
    expect(milestone.ends_on).toBeNull();
    for (const pathname of await publicPages()) {
      expect((await fetch(`${server.url}${pathname}`)).status, pathname).toBe(200);
    }
    const plan = await (await fetch(`${server.url}/c/${s.slug}/plan`)).text();
    expect(plan).not.toContain("fecha no válida");
    // The command is the CLI's: nobody may run it over the API.
    const res = await new ApiClient(server.url).command("dates.fix_impossible", {});
    expect(res.status).toBe(401);
  });
});
