// The roundtable pages as a browser without JavaScript sees them: forms post dotted fields (the nested OGP
// template), pages are for the consultation's staff, and what they show comes from the records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginCookie, startServer, type TestServer } from "../support/server";
import { mergePayload, registerProposals, setupRoundtable, type Table } from "../support/roundtables";

let server: TestServer;
let table: Table;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  table = await setupRoundtable(server);
});
afterAll(() => server.stop());

/** GET a page as a signed-in person; answer the cookies, CSRF token and page nonce a browser would post back. */
async function page(path: string, cookie: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  // React 18.3's streaming renderer can leak NUL bytes where a 2 KB chunk splits a multi-byte character;
  // app/entry.server.tsx drops them, and every page read here checks it.
  expect(html).not.toContain("\0");
  return {
    status: res.status,
    html,
    token: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "",
    nonce: /name="_nonce" value="([^"]+)"/.exec(html)?.[1] ?? "",
  };
}

async function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams(fields),
  });
}

const milestone = (i: number, description: string) => ({
  [`milestones.${i}.description`]: description,
  [`milestones.${i}.responsibleInstitution`]: "MINFIN",
  [`milestones.${i}.isNew`]: "ongoing",
  [`milestones.${i}.startsOn`]: "2016-09-01",
  [`milestones.${i}.endsOn`]: "2017-06-30",
});

describe("registering a proposal with the plain form", () => {
  it("posts the nested template as dotted fields; a blank spare milestone row is ignored", async () => {
    const cookie = await loginCookie(server.url, table.icefi.email, table.icefi.password);
    const path = `/admin/c/${table.consultationId}/roundtables/${table.roundtableId}/new`;
    const form = await page(path, cookie);
    expect(form.status).toBe(200);
    expect(form.html).toContain("Nueva propuesta de compromiso");
    const res = await post(path, cookie, {
      _csrf: form.token,
      _nonce: form.nonce,
      intent: "create",
      draft: "0",
      title: "Presupuesto ciudadano sin JavaScript",
      leadAgency: "Ministerio de Finanzas Públicas",
      "responsiblePerson.name": "Lic. Ana Pérez",
      "responsiblePerson.email": "ana@minfin.gob.gt",
      problem: "Nadie entiende el presupuesto.",
      objective: "Publicar el presupuesto en lenguaje ciudadano.",
      description: "Guías anuales del presupuesto.",
      "ogpChallenges.2": "public_resources",
      "relevance.transparency": "on",
      "relevance.text": "Abre el presupuesto.",
      ...milestone(0, "Publicar la primera guía ciudadana"),
      "milestones.1.description": "",
      "milestones.1.responsibleInstitution": "",
      "milestones.1.isNew": "new",
      "milestones.1.startsOn": "",
      "milestones.1.endsOn": "",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`);
    const row = await server.cocrea.db
      .selectFrom("proposals")
      .selectAll()
      .where("title", "=", "Presupuesto ciudadano sin JavaScript")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "active", proponent_organization_id: table.orgs.icefi, ogp_challenge: '["public_resources"]' });
    expect(JSON.parse(row.relevance)).toMatchObject({ transparency: true, accountability: false, text: "Abre el presupuesto." });
    expect(JSON.parse(row.responsible_person)).toMatchObject({ name: "Lic. Ana Pérez", email: "ana@minfin.gob.gt" });
    const ms = await server.cocrea.db.selectFrom("milestones").selectAll().where("proposal_id", "=", row.id).execute();
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ is_new: 0, starts_on: "2016-09-01" });

    const session = await page(`/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`, cookie);
    expect(session.html).toContain("Presupuesto ciudadano sin JavaScript");
  });

  it("a sixth milestone comes back as a 400 page naming the limit, with the form filled in", async () => {
    const cookie = await loginCookie(server.url, table.icefi.email, table.icefi.password);
    const path = `/admin/c/${table.consultationId}/roundtables/${table.roundtableId}/new`;
    const form = await page(path, cookie);
    const six = Object.assign({}, ...Array.from({ length: 6 }, (_, i) => milestone(i, `Meta número ${i + 1}`)));
    const res = await post(path, cookie, { _csrf: form.token, _nonce: form.nonce, intent: "create", draft: "1", title: "Demasiadas metas", ...six });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Máximo 5 metas por compromiso en esta consulta.");
  });

  it("only proponents get the form", async () => {
    const cookie = await loginCookie(server.url, table.member.email, table.member.password);
    expect((await page(`/admin/c/${table.consultationId}/roundtables/${table.roundtableId}/new`, cookie)).status).toBe(403);
  });
});

describe("the live session page", () => {
  it("merges with the plain form: sources, unified template and the agreement as dotted fields", async () => {
    const ids = await registerProposals(table.ciidh.client, table.roundtableId, 2);
    const cookie = await loginCookie(server.url, table.member.email, table.member.password);
    const path = `/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`;
    const view = await page(path, cookie);
    expect(view.status).toBe(200);
    const res = await post(path, cookie, {
      _csrf: view.token,
      _nonce: view.nonce,
      intent: "merge",
      "sourceIds.0": ids[0],
      "sourceIds.1": ids[1],
      [`expectedVersions.${ids[0]}`]: "1",
      [`expectedVersions.${ids[1]}`]: "1",
      "result.title": "Unificada por formulario",
      "result.leadAgency": "MINFIN",
      "result.problem": "Problema común.",
      "result.objective": "Objetivo común.",
      "result.description": "Descripción común.",
      "result.milestones.0.description": "Meta común",
      "result.milestones.0.responsibleInstitution": "MINFIN",
      "result.milestones.0.isNew": "new",
      "present.0": table.orgs.ciidh,
      "present.4": table.orgs.minfin,
      agreed: "on",
      agreedNote: "Consenso",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('role="alert"');
    const op = await server.cocrea.db.selectFrom("proposal_operations").select("present").orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(op.present)).toEqual([table.orgs.ciidh, table.orgs.minfin]);
    const html = (await page(path, cookie)).html;
    expect(html).toContain("Unificada por formulario");
    expect(html).toMatch(/data-testid="count-now">\d+</);
  });

  it("the point of contact edits a round's date, venue and host from the session", async () => {
    const cookie = await loginCookie(server.url, table.admin.email, table.admin.password);
    const path = `/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`;
    const view = await page(path, cookie);
    const res = await post(path, cookie, {
      _csrf: view.token,
      _nonce: view.nonce,
      intent: "round_update",
      roundId: table.roundId,
      heldOn: "2016-06-28",
      venue: "Palacio Nacional de la Cultura",
      hostOrganizationId: "",
    });
    expect(res.status).toBe(200);
    const round = await server.cocrea.db
      .selectFrom("rounds")
      .select(["held_on", "venue", "host_organization_id"])
      .where("id", "=", table.roundId)
      .executeTakeFirstOrThrow();
    expect(round).toEqual({ held_on: "2016-06-28", venue: "Palacio Nacional de la Cultura", host_organization_id: null });
  });

  it("is for the consultation's staff: a stranger gets 403, a mismatched address 404, nobody signed in goes to login", async () => {
    const other = await setupRoundtable(server);
    const stranger = await loginCookie(server.url, other.icefi.email, other.icefi.password);
    expect((await page(`/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`, stranger)).status).toBe(403);
    const own = await loginCookie(server.url, table.icefi.email, table.icefi.password);
    expect((await page(`/admin/c/${table.consultationId}/roundtables/${other.roundtableId}`, own)).status).toBe(404);
    expect((await page(`/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`, "")).status).toBe(302);
  });

  it("a proposal's page shows its lineage; the dashboard shows the counts per stage and theme", async () => {
    const [a, b] = await registerProposals(table.icefi.client, table.roundtableId, 2, { title: "Fuente de trazabilidad" });
    const { proposalId } = await table.member.client.ok("proposal.merge", mergePayload(table, [a, b], "Resultado trazable"));
    const cookie = await loginCookie(server.url, table.admin.email, table.admin.password);
    const html = (await page(`/admin/c/${table.consultationId}/proposals/${proposalId}`, cookie)).html;
    expect(html).toContain("Resultado trazable");
    expect(html).toContain("2 propuestas, 0 resúmenes y 0 aportes ciudadanos");
    expect(html.match(/Fuente de trazabilidad/g)?.length).toBeGreaterThanOrEqual(2);
    const source = (await page(`/admin/c/${table.consultationId}/proposals/${a}`, cookie)).html;
    expect(source).toMatch(/data-testid="fate">Hoy la representan: «Resultado trazable»/);

    const dashboard = (await page(`/admin/c/${table.consultationId}`, cookie)).html;
    const proposed = Number(
      (
        await server.cocrea.db
          .selectFrom("proposal_stage_history as h")
          .innerJoin("proposals as p", "p.id", "h.proposal_id")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("p.consultation_id", "=", table.consultationId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(dashboard).toContain(`data-testid="funnel-total-proposed">${proposed}<`);
  });
});
