// The funnel page's participation figures follow the intake live: a visitor subscribed to the consultation gets
// the figures as they are now after opinions arrive or are hidden, coalesced into one message per window (a
// busy intake must not send one message per opinion to every open funnel page).
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opinion, openIntake } from "../support/intake";
import { ApiClient, emitWithAck, startServer, type TestServer } from "../support/server";

let server: TestServer;
let intake: Awaited<ReturnType<typeof openIntake>>;
let visitor: Socket;
const received: Array<{ consultationId: string; participation: Record<string, number> }> = [];

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  intake = await openIntake(server);
  visitor = new ApiClient(server.url).socket();
  visitor.on("consultation:participation", (event) => received.push(event));
  expect(await emitWithAck(visitor, "subscribe", { consultationId: intake.consultationId })).toEqual({ ok: true });
});
afterAll(async () => {
  visitor?.close();
  await server?.stop();
});

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms; received ${JSON.stringify(received)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const latest = () => received[received.length - 1]?.participation;

describe("participation figures, live", () => {
  it("twenty opinions sent at once arrive as the figure 20, in a few messages rather than twenty", async () => {
    const citizen = new ApiClient(server.url);
    await Promise.all(Array.from({ length: 20 }, () => citizen.ok("opinion.submit", opinion(intake.consultationId))));
    await until(() => latest()?.opinionsOnline === 20);
    expect(received.every((event) => event.consultationId === intake.consultationId)).toBe(true);
    expect(latest()).toEqual({ opinionsOnline: 20, forumAttendance: 0, forumCaptures: 0, summaries: 0 });
    // One message per one-second window: twenty opinions posted together take one or two windows.
    expect(received.length).toBeLessThanOrEqual(3);
  });

  it("hiding an opinion brings the figure down by one; restoring it brings it back", async () => {
    const citizen = new ApiClient(server.url);
    const { inputId } = await citizen.ok("opinion.submit", opinion(intake.consultationId));
    await until(() => latest()?.opinionsOnline === 21);
    await intake.admin.client.ok("opinion.hide", { inputId, reason: "Datos personales de un tercero" });
    await until(() => latest()?.opinionsOnline === 20);
    await intake.admin.client.ok("opinion.restore", { inputId });
    await until(() => latest()?.opinionsOnline === 21);
  });

  it("a refused opinion (bad input) changes nothing and sends nothing", async () => {
    const before = received.length;
    const res = await new ApiClient(server.url).command("opinion.submit", { consultationId: intake.consultationId, about: "methodology", text: "" });
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 1_500)); // longer than one window
    expect(received.length).toBe(before);
  });

  it("the funnel page a visitor opens now shows the same figure", async () => {
    const html = await (await fetch(`${server.url}/c/${intake.slug}/propuestas`)).text();
    expect(html).toMatch(/data-testid="participation-opinionsOnline"[^>]*>21</);
  });
});
