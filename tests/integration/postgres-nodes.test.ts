// Two real nodes (two server processes) on one PostgreSQL database (decision 0010): overlapping merges sent to
// node A and node B at the same moment give exactly one 2xx and one 409 with nothing half-applied, and one command
// id sent to both at once applies once with the same answer for both callers. Each race runs 20 times so a lost
// update or a double application has room to show. PostgreSQL only: skipped (with the variable to set) without it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invariantViolations, operationsFrom, type LineageGraph } from "../../app/domain/proposals/lineage";
import { spawnServer, type ChildServer } from "../support/child-server";
import { migrateToLatest, openDatabase } from "../../db/connection.server";
import { createSchema, dropSchema, freshSchemaName, POSTGRES_HINT, testPostgresUrl } from "../support/postgres";
import { createDelegate, mergePayload, proposalPayload, registerProposals, setupRoundtable, type Table } from "../support/roundtables";
import { ApiClient, startServer, type CommandResponse, type TestServer } from "../support/server";

const ROUNDS = 20;
const postgres = testPostgresUrl();
if (!postgres) console.log(`postgres-nodes: skipped on SQLite; set ${POSTGRES_HINT} (npm run test:postgres) to run the two-node races.`);

describe.skipIf(!postgres)("two nodes on one PostgreSQL database", () => {
  let setup: TestServer;
  let nodeA: ChildServer;
  let nodeB: ChildServer;
  let table: Table;
  let second: Awaited<ReturnType<typeof createDelegate>>;
  const limits = { API_RATE_LIMIT_PER_MINUTE: "100000", PUBLIC_RATE_LIMIT_PER_MINUTE: "100000" };

  beforeAll(async () => {
    // The data is set up through the commands of an in-process server on the same schema; the races go to the nodes.
    setup = await startServer(limits);
    table = await setupRoundtable(setup);
    second = await createDelegate(setup, table.admin.client, table.consultationId, "roundtable_member", table.orgs.ciidh);
    [nodeA, nodeB] = await Promise.all([
      spawnServer({ dbFile: "node-a", databaseUrl: setup.databaseUrl, env: limits }),
      spawnServer({ dbFile: "node-b", databaseUrl: setup.databaseUrl, env: limits }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await setup?.stop();
  });

  const on = (node: ChildServer, client: ApiClient) => new ApiClient(node.url, client.auth);
  const db = () => setup.cocrea.db;
  const stateOf = async (id: string) => (await db().selectFrom("proposals").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state;
  const count = async (table: "proposals" | "proposal_operations" | "proposal_lineage" | "audit_events") =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function graphOf(consultationId: string): Promise<LineageGraph> {
    const proposals = await db().selectFrom("proposals").select(["id", "state"]).where("consultation_id", "=", consultationId).execute();
    const ops = await db().selectFrom("proposal_operations").select(["id", "kind", "undone_at"]).where("consultation_id", "=", consultationId).execute();
    const edges = await db()
      .selectFrom("proposal_lineage as l")
      .innerJoin("proposal_operations as o", "o.id", "l.operation_id")
      .select(["l.operation_id", "l.source_id", "l.result_id"])
      .where("o.consultation_id", "=", consultationId)
      .execute();
    return { states: Object.fromEntries(proposals.map((p) => [p.id, p.state])), operations: operationsFrom(ops, edges) };
  }

  it(`overlapping merges on node A and node B at once: one 200, one 409, nothing half-applied (${ROUNDS} times)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [a, b, c] = await registerProposals(on(nodeA, table.icefi.client), table.roundtableId, 3);
      const before = { proposals: await count("proposals"), operations: await count("proposal_operations"), edges: await count("proposal_lineage") };
      const [r1, r2] = await Promise.all([
        on(nodeA, table.member.client).command("proposal.merge", mergePayload(table, [a, b], `Unión A ${round}`)),
        on(nodeB, second.client).command("proposal.merge", mergePayload(table, [b, c], `Unión B ${round}`)),
      ]);
      expect([r1.status, r2.status].sort(), `round ${round}`).toEqual([200, 409]);
      const [winner, loser, sources, untouched] = r1.status === 200 ? [r1, r2, [a, b], c] : [r2, r1, [b, c], a];
      expect(!loser.body.ok && loser.body.error.message, `round ${round}`).toMatch(/ya fue unificada en/);
      const result = winner.body.ok ? (winner.body.result as { proposalId: string; operationId: string }) : null;
      // One result, one operation, two lineage edges: the loser wrote nothing.
      expect(await count("proposals")).toBe(before.proposals + 1);
      expect(await count("proposal_operations")).toBe(before.operations + 1);
      expect(await count("proposal_lineage")).toBe(before.edges + 2);
      for (const id of sources) expect(await stateOf(id)).toBe("merged");
      expect(await stateOf(untouched)).toBe("active");
      expect(await stateOf(result!.proposalId)).toBe("active");
      const merges = await db()
        .selectFrom("audit_events")
        .select("command_id")
        .where("command_type", "=", "proposal.merge")
        .where("result", "like", `%${result!.operationId}%`)
        .execute();
      expect(merges).toHaveLength(1);
    }
    expect(invariantViolations(await graphOf(table.consultationId))).toEqual([]);
  }, 120_000);

  it(`one command id sent to node A and node B at once applies once, and both get the same answer (${ROUNDS} times)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = randomUUID();
      const payload = proposalPayload(table.roundtableId, { title: `Propuesta enviada a los dos nodos ${round} ${id.slice(0, 8)}` });
      const send = (node: ChildServer): Promise<CommandResponse> => on(node, table.icefi.client).command("proposal.create", payload, id);
      const [ra, rb] = await Promise.all([send(nodeA), send(nodeB)]);
      expect([ra.status, rb.status], `round ${round}`).toEqual([200, 200]);
      expect(ra.body.ok && rb.body.ok).toBe(true);
      if (!ra.body.ok || !rb.body.ok) continue;
      expect(ra.body.result).toEqual(rb.body.result);
      // One of the two is the first run, the other its replay.
      expect([Boolean(ra.body.replayed), Boolean(rb.body.replayed)].sort()).toEqual([false, true]);
      const rows = await db()
        .selectFrom("proposals")
        .select("id")
        .where("title", "=", payload.title as string)
        .execute();
      expect(rows.map((r) => r.id)).toEqual([(ra.body.result as { proposalId: string }).proposalId]);
      expect(await db().selectFrom("audit_events").select("seq").where("command_id", "=", id).execute()).toHaveLength(1);
      expect(await db().selectFrom("command_log").select(["status"]).where("id", "=", id).execute()).toEqual([{ status: 200 }]);
    }
  }, 120_000);
});

describe.skipIf(!postgres)("two nodes starting together on an empty PostgreSQL database with SEED_DEMO=1", () => {
  const schema = freshSchemaName();
  afterAll(() => dropSchema(postgres!, schema));

  it("seed the demo once: one node seeds, the other waits and finds it", async () => {
    const databaseUrl = await createSchema(postgres!, schema);
    const nodes = await Promise.all(
      ["seed-a", "seed-b"].map((name) => spawnServer({ dbFile: name, databaseUrl, env: { SEED_DEMO: "1" }, startTimeoutMs: 120_000 })),
    );
    try {
      expect(nodes.filter((n) => n.output().includes("Seeded the demo:"))).toHaveLength(1);
      const { db } = openDatabase(databaseUrl);
      await migrateToLatest(db);
      // The 2016 archive and the consultation in progress, each once.
      expect((await db.selectFrom("consultations").select("slug").orderBy("slug").execute()).map((c) => c.slug)).toEqual([
        "plan-gobierno-abierto-2016-2018",
        "plan-gobierno-abierto-2027-2029",
      ]);
      await db.destroy();
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
    }
  }, 180_000);
});
