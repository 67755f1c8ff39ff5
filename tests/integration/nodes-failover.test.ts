// A node SIGKILLed under intake load: citizens' phones post opinions with ids they chose, half through node A and
// half through node B; A dies mid-way, and every phone whose request failed sends the same envelope again to B
// (as the offline outbox does behind a load balancer). Afterwards every acknowledged opinion is stored exactly
// once, and the live pages that were on A are on B and get the news again. Skips without COCREA_TEST_REDIS_URL.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPINION_EVENTS } from "../../app/live/opinion-events";
import { openIntake, opinion } from "../support/intake";
import { explainSkip, REDIS_TEST_URL, startCluster, type Cluster } from "../support/nodes";
import { ApiClient, emitWithAck, waitForEvent } from "../support/server";

explainSkip("a node SIGKILLed under intake load (tests/integration/nodes-failover.test.ts)");

const PHONES = 12;
const OPINIONS_PER_PHONE = 15;
const KILL_AFTER = 60; // acknowledged opinions before node A dies

type Answer = { ok?: boolean; result?: { inputId: string } } | null;

interface Envelope {
  id: string;
  type: "opinion.submit";
  payload: ReturnType<typeof opinion>;
}

describe.skipIf(!REDIS_TEST_URL)("a node dies under intake load", () => {
  let cluster: Cluster;
  let intake: Awaited<ReturnType<typeof openIntake>>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "5000", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "5000" } });
    intake = await openIntake(cluster.asTestServer(1));
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster?.stop();
  });

  it("stores every acknowledged opinion exactly once, and A's clients carry on on B", async () => {
    const [a, b] = cluster.nodes;
    // Live opinion pages open on node A; when A is gone the load balancer sends their reconnection to B, where
    // (a new node has no record of their session) they subscribe again, as the page does on a fresh connection.
    const pages = Array.from({ length: 4 }, () => {
      const s = new ApiClient(a.url).socket();
      sockets.push(s);
      s.on("disconnect", () => ((s.io as unknown as { uri: string }).uri = b.url));
      s.on("connect", () => void s.emit("subscribe", { consultationId: intake.consultationId }));
      return s;
    });
    // A socket may connect before its turn here: wait only for the ones that have not (a missed "connect" would hang).
    for (const s of pages) if (!s.connected) await waitForEvent(s, "connect", 10_000);

    const acknowledged = new Map<string, string>(); // command id → input id
    let killed: Promise<void> | null = null;
    let deadNodeErrors = 0;
    const phone = async (index: number) => {
      let node = index % 2 === 0 ? a : b;
      for (let i = 0; i < OPINIONS_PER_PHONE; i++) {
        const envelope: Envelope = {
          id: randomUUID(),
          type: "opinion.submit",
          payload: opinion(intake.consultationId, { text: `Opinión ${i + 1} del teléfono ${index + 1}: que se publiquen las compras públicas.` }),
        };
        for (let attempt = 0; ; attempt++) {
          if (attempt > 20) throw new Error(`opinion ${envelope.id} never acknowledged`);
          let status: number | null = null;
          let body: Answer = null;
          try {
            const res = await fetch(`${node.url}/api/v1/commands`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(envelope),
              signal: AbortSignal.timeout(5_000),
            });
            status = res.status;
            body = (await res.json()) as Answer;
          } catch {
            // no answer: the node is gone (or the answer was lost); the phone keeps the envelope
          }
          if (status === 200 && body?.ok) {
            acknowledged.set(envelope.id, body.result!.inputId);
            if (!killed && acknowledged.size >= KILL_AFTER) killed = a.kill();
            break;
          }
          if (status !== null && status < 500 && status !== 429) throw new Error(`opinion refused with ${status}: ${JSON.stringify(body)}`);
          // Same envelope, the other node (the load balancer takes the dead one out).
          if (node === a) deadNodeErrors++;
          node = node === a ? b : a;
          if (killed) node = b;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    await Promise.all(Array.from({ length: PHONES }, (_, i) => phone(i)));
    await killed;
    expect(killed).not.toBeNull();
    expect(deadNodeErrors).toBeGreaterThan(0);

    // Every envelope was acknowledged in the end, and each is stored once under the input id its answer named.
    const total = PHONES * OPINIONS_PER_PHONE;
    expect(acknowledged.size).toBe(total);
    const stored = await cluster.db.selectFrom("citizen_inputs").select(["id", "text"]).where("consultation_id", "=", intake.consultationId).execute();
    expect(stored).toHaveLength(total);
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(acknowledged.values()));
    expect(new Set(stored.map((r) => r.text)).size).toBe(total);
    const audited = await cluster.db
      .selectFrom("audit_events")
      .select(["command_id"])
      .where("command_type", "=", "opinion.submit")
      .where("consultation_id", "=", intake.consultationId)
      .execute();
    expect(audited.map((r) => r.command_id).sort()).toEqual([...acknowledged.keys()].sort());

    // The live pages that were on A are connected to B and hear of the next opinion.
    await expect.poll(() => pages.every((s) => s.connected), { timeout: 20_000 }).toBe(true);
    for (const s of pages) expect((s.io as unknown as { uri: string }).uri).toBe(b.url);
    await Promise.all(pages.map((s) => emitWithAck(s, "subscribe", { consultationId: intake.consultationId })));
    const heard = pages.map((s) => waitForEvent<{ inputId: string }>(s, OPINION_EVENTS.changed, 10_000));
    const last = await new ApiClient(b.url).ok<{ inputId: string }>("opinion.submit", opinion(intake.consultationId));
    for (const event of await Promise.all(heard)) expect(event.inputId).toBe(last.inputId);
  }, 120_000);
});
