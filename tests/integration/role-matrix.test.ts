// Every command refuses an actor without the role it needs: a table of role × command, 403 and nothing written.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../app/domain/roles";
import { commands } from "../../server/commands/registry";
import { forumMatrixFixture } from "../support/forum-fixture";
import { roundtableMatrixFixture } from "../support/roundtable-fixture";
import { ApiClient, createAdmin, createConsultation, createMember, startServer, type TestServer } from "../support/server";
import { samplePayloads, type Fixture } from "./role-matrix.samples";

let server: TestServer;
let fixture: Fixture;
const members = new Map<string, ApiClient>();

beforeAll(async () => {
  server = await startServer();
  const admin = await createAdmin(server);
  const { consultationId, themeIds, stage } = await createConsultation(admin.client);
  await admin.client.ok("stage.open", { stageId: stage("public_call") });
  const { forumId } = await admin.client.ok("forum.create", { consultationId, department: "Guatemala", municipality: "Guatemala", venue: "Salón", heldOn: "2016-05-01" });
  const { invitationId } = await admin.client.ok("invitation.create", { consultationId, email: "invitada@example.org", name: "Invitada", role: "observer" });
  const { organizationId } = await admin.client.ok("organization.create", { consultationId, name: "Acción Ciudadana", acronym: "AC", sector: "civil_society" });
  for (const role of ROLES) members.set(role, (await createMember(server, admin.client, consultationId, role)).client);
  const forumRefs = await forumMatrixFixture(server, admin.client, { consultationId, themeId: themeIds[0], forumId });
  const roundtableRefs = await roundtableMatrixFixture(server, admin.client, { consultationId, themeId: themeIds[1], organizationId, thematicStageId: stage("thematic_roundtables") });
  fixture = { consultationId, themeId: themeIds[0], stageId: stage("forums"), forumId, invitationId, organizationId, userId: admin.userId, ...forumRefs, ...roundtableRefs };
});
afterAll(() => server.stop());

async function auditCount(): Promise<number> {
  const row = await server.cocrea.db.selectFrom("audit_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("role × command", () => {
  it("has a sample payload for every registered command", () => {
    const missing = commands.map((c) => c.type).filter((type) => !(type in samplePayloads));
    expect(missing).toEqual([]);
  });

  const restricted = commands.filter((c) => c.access !== "public" && c.access !== "authenticated");
  for (const command of restricted) {
    const allowed = typeof command.access === "object" ? (command.access.roles as readonly string[]) : [];
    const refused = ROLES.filter((role) => !allowed.includes(role));
    for (const role of refused) {
      it(`${command.type} refuses ${role} with 403 and writes nothing`, async () => {
        const before = await auditCount();
        const client = members.get(role)!;
        const res = await client.command(command.type, samplePayloads[command.type](fixture), randomUUID());
        expect(res.status).toBe(403);
        expect(await auditCount()).toBe(before);
      });
    }
  }

  it("a sample payload is valid: the allowed role gets past validation and authorization", async () => {
    // The ethics declaration is the one command a non-admin role may run; it succeeds for its role.
    const res = await members.get("technical_member")!.command("ethics.sign", samplePayloads["ethics.sign"](fixture));
    expect(res.status).toBe(200);
  });
});
