// The command path over HTTP: envelope, validation, idempotency, errors and their statuses.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, createAdmin, createConsultation, createMember, startServer, type TestServer } from "../support/server";

let server: TestServer;
let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  server = await startServer();
  admin = await createAdmin(server);
});
afterAll(() => server.stop());

async function count(table: "themes" | "audit_events" | "stages" | "consultations" | "command_log" | "ethics_declarations") {
  const row = await server.cocrea.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("health and listing", () => {
  it("answers /healthz once migrated", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "ok" });
  });

  it("lists command types with a JSON Schema for each payload", async () => {
    const { status, body } = await new ApiClient(server.url).get("/api/v1/commands");
    expect(status).toBe(200);
    const stageOpen = body.result.find((c: { type: string }) => c.type === "stage.open");
    expect(stageOpen.payloadSchema.properties.stageId.format).toBe("uuid");
    expect(body.result.map((c: { type: string }) => c.type)).toContain("consultation.create");
  });

  it("lists consultations with their current stage", async () => {
    const { consultationId, stage } = await createConsultation(admin.client);
    await admin.client.ok("stage.open", { stageId: stage("public_call") });
    const { body } = await new ApiClient(server.url).get("/api/v1/consultations");
    const listed = body.result.find((c: { id: string }) => c.id === consultationId);
    expect(listed.currentStage).toMatchObject({ phase: "public_call", status: "open" });
  });
});

describe("writing through commands", () => {
  it("creates a consultation with the ten default stages and an audit event", async () => {
    const before = await count("audit_events");
    const { consultationId } = await createConsultation(admin.client);
    const view = await admin.client.get(`/api/v1/consultations/${consultationId}`);
    expect(view.body.result.stages.map((s: { phase: string }) => s.phase)).toEqual([
      "public_call",
      "opinion_intake",
      "forums",
      "systematization",
      "thematic_roundtables",
      "technical_roundtable",
      "draft_plan",
      "ogp_review",
      "approval",
      "submission",
    ]);
    expect(await count("audit_events")).toBe(before + 3); // consultation + two themes
    const event = await server.cocrea.db
      .selectFrom("audit_events")
      .selectAll()
      .where("command_type", "=", "consultation.create")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(event.actor_user_id).toBe(admin.userId);
  });

  it("applies a retried command once and answers the first result", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const id = randomUUID();
    const first = await admin.client.command("theme.create", { consultationId, name: "Transparencia fiscal" }, id);
    const themes = await count("themes");
    const second = await admin.client.command("theme.create", { consultationId, name: "Transparencia fiscal" }, id);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ ok: true, replayed: true });
    expect(second.body.ok && first.body.ok && second.body.result).toEqual(first.body.ok && first.body.result);
    expect(await count("themes")).toBe(themes);
  });

  it("refuses a command id reused for another command type with 409", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const id = randomUUID();
    await admin.client.command("theme.create", { consultationId, name: "Uno" }, id);
    const reused = await admin.client.command(
      "forum.create",
      { consultationId, department: "Guatemala", municipality: "Mixco", venue: "Salón", heldOn: "2016-05-01" },
      id,
    );
    expect(reused.status).toBe(409);
  });

  it("runs the same envelope over socket.io with an ack", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const socket = admin.client.socket();
    const ack = await socket.timeout(5000).emitWithAck("command", { id: randomUUID(), type: "theme.create", payload: { consultationId, name: "Por socket" } });
    expect(ack).toMatchObject({ ok: true, result: { themeId: expect.any(String) } });
    const bad = await socket.timeout(5000).emitWithAck("command", { id: randomUUID(), type: "theme.create", payload: { consultationId, name: "" } });
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe("invalid");
    expect(bad.error.issues[0].path).toEqual(["name"]);
    socket.close();
  });
});

describe("bad input writes nothing", () => {
  it("invalid payload → 400 with the zod issues", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const before = await count("themes");
    const audit = await count("audit_events");
    const r = await admin.client.command("theme.create", { consultationId, name: "" });
    expect(r.status).toBe(400);
    expect(r.body.ok).toBe(false);
    if (!r.body.ok) {
      expect(r.body.error.code).toBe("invalid");
      expect(r.body.error.issues?.[0].path).toEqual(["name"]);
      expect(r.body.error.message).toMatch(/inválid/i);
    }
    expect(await count("themes")).toBe(before);
    expect(await count("audit_events")).toBe(audit);
  });

  it("speaks English when asked", async () => {
    const res = await fetch(`${server.url}/api/v1/commands`, {
      method: "POST",
      headers: { ...admin.client.headers(), "accept-language": "en" },
      body: JSON.stringify({ id: randomUUID(), type: "theme.create", payload: {} }),
    });
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.error.message).toMatch(/invalid/i);
  });

  it("unknown command type → 400", async () => {
    const r = await admin.client.command("consultation.destroy", {});
    expect(r.status).toBe(400);
    expect(!r.body.ok && r.body.error.code).toBe("unknown_command");
  });

  it("envelope without a uuid id → 400", async () => {
    const res = await fetch(`${server.url}/api/v1/commands`, {
      method: "POST",
      headers: admin.client.headers(),
      body: JSON.stringify({ id: "1", type: "theme.create", payload: {} }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toEqual(["id"]);
  });

  it("malformed JSON → 400", async () => {
    const res = await fetch(`${server.url}/api/v1/commands`, { method: "POST", headers: admin.client.headers(), body: "{ not json" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid");
  });

  it("body over 1 MB → 413", async () => {
    const before = await count("consultations");
    const big = JSON.stringify({ id: randomUUID(), type: "consultation.create", payload: { title: "x", description: "a".repeat(1_100_000) } });
    const res = await fetch(`${server.url}/api/v1/commands`, { method: "POST", headers: admin.client.headers(), body: big });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("too_large");
    expect(await count("consultations")).toBe(before);
  });

  it("no credentials → 401; a wrong token → 401", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const before = await count("themes");
    const anon = await new ApiClient(server.url).command("theme.create", { consultationId, name: "Anónimo" });
    expect(anon.status).toBe(401);
    const wrong = await new ApiClient(server.url, { token: "cocrea_not-a-real-token" }).command("theme.create", { consultationId, name: "Falso" });
    expect(wrong.status).toBe(401);
    expect(await count("themes")).toBe(before);
  });

  it("wrong role → 403", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const observer = await createMember(server, admin.client, consultationId, "observer");
    const before = await count("themes");
    const r = await observer.client.command("theme.create", { consultationId, name: "No autorizado" });
    expect(r.status).toBe(403);
    expect(await count("themes")).toBe(before);
  });

  it("unknown reference → 404", async () => {
    const r = await admin.client.command("stage.open", { stageId: randomUUID() });
    expect(r.status).toBe(404);
  });

  it("a command on a closed stage → 409 naming the stage", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const member = await createMember(server, admin.client, consultationId, "technical_member");
    const before = await count("ethics_declarations");
    const r = await member.client.command("ethics.sign", { consultationId, conflicts: "", accept: true });
    expect(r.status).toBe(409);
    expect(!r.body.ok && r.body.error.code).toBe("stage_closed");
    expect(!r.body.ok && r.body.error.message).toContain("Convocatoria pública");
    expect(await count("ethics_declarations")).toBe(before);
  });

  it("opening an open stage → 409", async () => {
    const { stage } = await createConsultation(admin.client);
    await admin.client.ok("stage.open", { stageId: stage("forums") });
    const again = await admin.client.command("stage.open", { stageId: stage("forums") });
    expect(again.status).toBe(409);
    expect(!again.body.ok && again.body.error.message).toContain("Foros departamentales");
  });
});

describe("ethics declaration", () => {
  it("a technical-roundtable member signs while the public call is open; the signature is public", async () => {
    const { consultationId, stage } = await createConsultation(admin.client);
    await admin.client.ok("stage.open", { stageId: stage("public_call") });
    const member = await createMember(server, admin.client, consultationId, "technical_member");
    await member.client.ok("ethics.sign", { consultationId, conflicts: "Asesoro a una municipalidad.", accept: true });
    const again = await member.client.command("ethics.sign", { consultationId, conflicts: "", accept: true });
    expect(again.status).toBe(409);
    const view = await new ApiClient(server.url).get(`/api/v1/consultations/${consultationId}`);
    expect(view.body.result.declarations).toHaveLength(1);
    expect(view.body.result.declarations[0].conflicts).toBe("Asesoro a una municipalidad.");
    expect(JSON.stringify(view.body)).not.toContain(member.email);
  });
});
