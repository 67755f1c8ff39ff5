// Rate limits with two nodes: every node counts in one Redis store, so a client that spreads its requests over
// the nodes (as a load balancer without stickiness would) meets one limit, not one per node. Skips without
// COCREA_TEST_REDIS_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIntake, opinion } from "../support/intake";
import { explainSkip, REDIS_TEST_URL, startCluster, type Cluster } from "../support/nodes";
import { ApiClient } from "../support/server";

explainSkip("shared rate limits over two nodes (tests/integration/nodes-limits.test.ts)");

/** One login attempt through node `url`'s real form (its CSRF cookie and token); answers the HTTP status. */
async function tryLogin(url: string, email: string, password: string): Promise<number> {
  const page = await fetch(`${url}/login`);
  const csrfCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("cocrea_csrf="))!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
  const res = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: token, email, password, redirectTo: "/admin" }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe.skipIf(!REDIS_TEST_URL)("rate limits shared by two nodes", () => {
  let cluster: Cluster;
  let intake: Awaited<ReturnType<typeof openIntake>>;

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "6", LOGIN_RATE_LIMIT: "3" } });
    intake = await openIntake(cluster.asTestServer(0));
  }, 60_000);
  afterAll(() => cluster?.stop());

  it("counts a device's opinions on node A and node B against one limit", async () => {
    // The browser's first page (on A) gives it its device cookie; it sends it to both nodes from then on.
    const first = await fetch(`${cluster.nodes[0].url}/`);
    const device = first.headers
      .getSetCookie()
      .find((c) => c.startsWith("cocrea_device="))!
      .split(";")[0];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const client = new ApiClient(cluster.nodes[i % 2].url, { cookie: device });
      statuses.push((await client.command("opinion.submit", opinion(intake.consultationId))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);

    // Another device at the same address still has its own six.
    const other = await fetch(`${cluster.nodes[1].url}/`);
    const otherDevice = other.headers
      .getSetCookie()
      .find((c) => c.startsWith("cocrea_device="))!
      .split(";")[0];
    expect((await new ApiClient(cluster.nodes[1].url, { cookie: otherDevice }).command("opinion.submit", opinion(intake.consultationId))).status).toBe(200);
  });

  it("counts failed logins on both nodes together: the fourth is refused even with the right password", async () => {
    const { email, password } = intake.admin;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push(await tryLogin(cluster.nodes[i % 2].url, email, "no-es-la-contraseña"));
    expect(statuses).not.toContain(429);
    expect(await tryLogin(cluster.nodes[1].url, email, password)).toBe(429);
    expect(await tryLogin(cluster.nodes[0].url, email, password)).toBe(429);
  });
});
