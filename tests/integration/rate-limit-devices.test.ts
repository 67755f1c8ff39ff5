// The public rate limit counts per device (a long-lived random cookie), with a much higher ceiling per address:
// a school, an internet café or a carrier NAT is many citizens, not one. Clients without the cookie count by address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, type TestServer, startServer } from "../support/server";
import { clientAt, openIntake, opinion } from "../support/intake";

let server: TestServer;
let intake: Awaited<ReturnType<typeof openIntake>>;
const SCHOOL = "198.51.100.7";

beforeAll(async () => {
  server = await startServer({ TRUST_PROXY: "1", PUBLIC_RATE_LIMIT_PER_MINUTE: "10", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "25" });
  intake = await openIntake(server);
});
afterAll(() => server.stop());

/** A browser behind `ip`: its first page view gets the device cookie, which it sends from then on. */
async function browserAt(ip: string): Promise<{ client: ApiClient; device: string }> {
  const first = await fetch(`${server.url}/`, { headers: { "x-forwarded-for": ip } });
  const set = first.headers.getSetCookie().find((c) => c.startsWith("cocrea_device="));
  expect(set).toMatch(/^cocrea_device=[A-Za-z0-9_-]{24}; Max-Age=63072000; Path=\/; HttpOnly; SameSite=Lax$/);
  const device = set!.split(";")[0];
  const client = clientAt(server, ip);
  const headers = client.headers.bind(client);
  client.headers = (extra = {}) => ({ ...headers(extra), cookie: device });
  return { client, device };
}

async function submit(client: ApiClient): Promise<number> {
  return (await client.command("opinion.submit", opinion(intake.consultationId))).status;
}

describe("public rate limit per device", () => {
  it("gives two browsers on one address ten opinions a minute each, then 429 to each", async () => {
    const ana = await browserAt(SCHOOL);
    const beto = await browserAt(SCHOOL);
    expect(ana.device).not.toBe(beto.device);
    const anaStatuses: number[] = [];
    for (let i = 0; i < 11; i++) anaStatuses.push(await submit(ana.client));
    expect(anaStatuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429]);
    const betoStatuses: number[] = [];
    for (let i = 0; i < 11; i++) betoStatuses.push(await submit(beto.client));
    expect(betoStatuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429]);
  });

  it("stops the address at its ceiling whatever device cookies it sends", async () => {
    // 20 opinions and 2 refusals (attempts count) left the school above; the ceiling is 25 per address.
    const carla = await browserAt(SCHOOL);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await submit(carla.client));
    expect(statuses).toEqual([200, 200, 200, 429]);
    const other = await browserAt("198.51.100.8");
    expect(await submit(other.client)).toBe(200);
  });

  it("counts an API client without cookies by its address", async () => {
    const script = clientAt(server, "198.51.100.9");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push(await submit(script));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429]);
  });

  it("never caps an address below one device's limit (raising the device limit alone raises both)", async () => {
    const roomy = await startServer({ TRUST_PROXY: "1", PUBLIC_RATE_LIMIT_PER_MINUTE: "400" });
    try {
      const roomyIntake = await openIntake(roomy);
      const script = clientAt(roomy, "198.51.100.50");
      const statuses = new Set<number>();
      for (let i = 0; i < 301; i++) statuses.add((await script.command("opinion.submit", opinion(roomyIntake.consultationId))).status);
      expect([...statuses]).toEqual([200]);
    } finally {
      await roomy.stop();
    }
  });

  it("stores each device's opinions, and no device id or address", async () => {
    const rows = await server.cocrea.db.selectFrom("citizen_inputs").select("client_hash").where("consultation_id", "=", intake.consultationId).execute();
    expect(rows).toHaveLength(10 + 10 + 3 + 1 + 10);
    expect(new Set(rows.map((r) => r.client_hash)).size).toBe(5);
  });
});
