// Two real nodes (two server processes, two ports) over one database and one Redis: what one node does reaches
// the clients of the other, presence counts everyone at a table, and a board that loses node A comes back on
// node B with what it missed. Skips (saying what to set) without COCREA_TEST_REDIS_URL.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupForum } from "../support/forum-fixture";
import { explainSkip, REDIS_TEST_URL, startCluster, type Cluster } from "../support/nodes";
import { setupRoundtable } from "../support/roundtables";
import { ApiClient, createAdmin, emitWithAck, loginCookie, waitForEvent } from "../support/server";

explainSkip("two nodes joined by Redis (tests/integration/nodes.test.ts)");

describe.skipIf(!REDIS_TEST_URL)("two nodes joined by Redis", () => {
  let cluster: Cluster;
  let admin: ApiClient;
  const sockets: Socket[] = [];
  const open = (client: ApiClient) => {
    const s = client.socket();
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2 });
    admin = (await createAdmin(cluster.asTestServer(0))).client;
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster?.stop();
  });

  it("reports the database and Redis on /healthz", async () => {
    for (const node of cluster.nodes) expect(await (await fetch(`${node.url}/healthz`)).json()).toEqual({ ok: true, database: "ok", redis: "ok" });
  });

  it("shows a capture made on node A on a forum board connected to node B", async () => {
    const f = await setupForum(cluster.asTestServer(0), admin, { tables: 1 });
    const board = open(cluster.on(1, admin));
    expect(await emitWithAck(board, "subscribe:forum", { forumId: f.forumId })).toMatchObject({ ok: true });
    const arrived = waitForEvent<{ id: string; text: string }>(board, "capture:new", 10_000);
    const facilitator = cluster.on(0, f.tables[0].facilitators[0].client);
    const { inputId } = await facilitator.ok<{ inputId: string }>("capture.create", { worktableId: f.tables[0].worktableId, text: "Capturado en el nodo A" });
    expect(await arrived).toMatchObject({ id: inputId, text: "Capturado en el nodo A" });
  });

  it("counts everyone at a roundtable, whichever node they are connected to", async () => {
    const t = await setupRoundtable(cluster.asTestServer(0));
    const onA = open(cluster.on(0, t.ciidh.client));
    const first = waitForEvent<{ people: Array<{ name: string }> }>(onA, "roundtable:presence", 10_000);
    expect(await emitWithAck(onA, "roundtable:join", { roundtableId: t.roundtableId })).toEqual({ ok: true });
    expect((await first).people.map((p) => p.name)).toEqual([t.ciidh.name]);

    // Someone joins on node B: the tab on node A sees both; the tab on B sees both too.
    const onB = open(cluster.on(1, t.member.client));
    const bothOnA = waitForEvent<{ people: Array<{ name: string }> }>(onA, "roundtable:presence", 10_000);
    const bothOnB = waitForEvent<{ people: Array<{ name: string }> }>(onB, "roundtable:presence", 10_000);
    expect(await emitWithAck(onB, "roundtable:join", { roundtableId: t.roundtableId })).toEqual({ ok: true });
    const both = [t.ciidh.name, t.member.name].sort();
    expect((await bothOnA).people.map((p) => p.name).sort()).toEqual(both);
    expect((await bothOnB).people.map((p) => p.name).sort()).toEqual(both);

    // A second tab of the same person on the other node is one person with two connections.
    const secondTab = open(cluster.on(0, t.member.client));
    const twoTabs = waitForEvent<{ people: Array<{ name: string; connections: number }> }>(onA, "roundtable:presence", 10_000);
    await emitWithAck(secondTab, "roundtable:join", { roundtableId: t.roundtableId });
    expect((await twoTabs).people.find((p) => p.name === t.member.name)?.connections).toBe(2);

    // Leaving on node B is seen on node A.
    const left = waitForEvent<{ people: Array<{ name: string; connections: number }> }>(onA, "roundtable:presence", 10_000);
    onB.close();
    expect((await left).people.find((p) => p.name === t.member.name)?.connections).toBe(1);
  });

  it("keeps a person at the table when their connection drops from node A and recovers on node B", async () => {
    const t = await setupRoundtable(cluster.asTestServer(0));
    const watcher = open(cluster.on(0, t.member.client));
    const seen: string[][] = [];
    watcher.on("roundtable:presence", (p: { people: Array<{ name: string }> }) => seen.push(p.people.map((x) => x.name).sort()));
    await emitWithAck(watcher, "roundtable:join", { roundtableId: t.roundtableId });
    const mover = open(cluster.on(0, t.ciidh.client));
    await emitWithAck(mover, "roundtable:join", { roundtableId: t.roundtableId });
    const both = [t.ciidh.name, t.member.name].sort();
    await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toEqual(both);

    // The drop shows them gone; the recovered connection on B brings them back without joining again.
    (mover.io as unknown as { uri: string }).uri = cluster.nodes[1].url;
    mover.io.engine.close();
    await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toEqual([t.member.name]);
    await waitForEvent(mover, "connect", 15_000);
    expect(mover.recovered).toBe(true);
    await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toEqual(both);
  });

  it("a board dropped from node A reconnects to node B and gets the captures it missed (connection state recovery)", async () => {
    const f = await setupForum(cluster.asTestServer(0), admin, { tables: 1 });
    const facilitator = cluster.on(0, f.tables[0].facilitators[0].client);
    const board = open(cluster.on(0, admin));
    await emitWithAck(board, "subscribe:forum", { forumId: f.forumId });
    const seen: string[] = [];
    board.on("capture:new", (c: { id: string }) => seen.push(c.id));
    const before = await facilitator.ok<{ inputId: string }>("capture.create", { worktableId: f.tables[0].worktableId, text: "Antes del corte" });
    await expect.poll(() => seen).toEqual([before.inputId]);

    // The connection to A drops (as when the load balancer moves it); the next attempt goes to B.
    const dropped = waitForEvent(board, "disconnect");
    (board.io as unknown as { uri: string }).uri = cluster.nodes[1].url;
    board.io.engine.close();
    await dropped;
    const missed: string[] = [];
    for (const text of ["Durante el corte 1", "Durante el corte 2"])
      missed.push((await facilitator.ok<{ inputId: string }>("capture.create", { worktableId: f.tables[0].worktableId, text })).inputId);
    await waitForEvent(board, "connect", 15_000);
    expect(board.recovered).toBe(true);
    await expect.poll(() => seen.slice(1)).toEqual(missed);

    // And it is a member of the forum's room on B now: the next capture made on A arrives too.
    const after = await facilitator.ok<{ inputId: string }>("capture.create", { worktableId: f.tables[0].worktableId, text: "Después" });
    await expect.poll(() => seen.at(-1)).toBe(after.inputId);
  });

  it("a session made on node A works on node B, and signing out on A disconnects its socket on B", async () => {
    const f = await setupForum(cluster.asTestServer(0), admin, { tables: 1 });
    const facilitator = f.tables[0].facilitators[0];
    const cookie = await loginCookie(cluster.nodes[0].url, facilitator.email, "contraseña-segura-123");
    const onB = open(new ApiClient(cluster.nodes[1].url, { cookie }));
    expect(await emitWithAck(onB, "subscribe:forum", { forumId: f.forumId })).toMatchObject({ ok: true });
    const disconnected = new Promise<string>((resolve) => onB.once("disconnect", resolve));

    const page = await fetch(`${cluster.nodes[0].url}/`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
    const out = await fetch(`${cluster.nodes[0].url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(out.status).toBe(302);
    expect(await disconnected).toBe("io server disconnect");
    // And the cookie no longer signs anything in on B.
    expect(
      (await new ApiClient(cluster.nodes[1].url, { cookie }).command("capture.create", { worktableId: f.tables[0].worktableId, text: "Tarde" })).status,
    ).toBe(401);
  });

  // Last: it kills node B.
  it("stops listing the people who were on a node that died", async () => {
    const t = await setupRoundtable(cluster.asTestServer(0));
    const onA = open(cluster.on(0, t.ciidh.client));
    const onB = open(cluster.on(1, t.member.client));
    onB.io.opts.reconnection = false;
    const seen: string[][] = [];
    onA.on("roundtable:presence", (p: { people: Array<{ name: string }> }) => seen.push(p.people.map((x) => x.name)));
    await emitWithAck(onA, "roundtable:join", { roundtableId: t.roundtableId });
    await emitWithAck(onB, "roundtable:join", { roundtableId: t.roundtableId });
    await expect.poll(() => seen.at(-1)?.length, { timeout: 10_000 }).toBe(2);

    // SIGKILL: B says goodbye to nobody. Node A notices there is one node fewer and counts again.
    await cluster.nodes[1].kill();
    await expect.poll(() => seen.at(-1), { timeout: 15_000 }).toEqual([t.ciidh.name]);
  });
});
