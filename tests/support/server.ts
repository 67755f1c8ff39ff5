// Starts the real server (Express + Remix + socket.io) on a free port with a temporary SQLite file (or PostgreSQL schema).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import { createCocrea, type Cocrea } from "../../server/app.server";
import { loadEnv } from "../../server/env";
import { factories } from "../../db/factories";
import { createSchema, dropSchema, freshSchemaName, testPostgresUrl } from "./postgres";

export interface TestServer {
  url: string;
  port: number;
  dir: string;
  dbFile: string;
  /** DATABASE_URL of this server: the SQLite file, or its PostgreSQL schema. */
  databaseUrl: string;
  cocrea: Cocrea;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-test-"));
  const dbFile = path.join(dir, "cocrea.sqlite");
  // With COCREA_TEST_POSTGRES_URL: a fresh schema of its own in that database, dropped at stop().
  const postgres = testPostgresUrl();
  const schema = postgres ? freshSchemaName() : undefined;
  const databaseUrl = postgres && schema ? await createSchema(postgres, schema) : `file:${dbFile}`;
  const cocrea = await createCocrea(loadEnv({ DATABASE_URL: databaseUrl, SESSION_SECRET: "test-secret", SEED_DEMO: "0", HOST: "127.0.0.1", ...env }));
  const port = await cocrea.listen(0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    dbFile,
    databaseUrl,
    cocrea,
    async stop() {
      await cocrea.close();
      if (postgres && schema) await dropSchema(postgres, schema);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CommandResponse<R = any> {
  status: number;
  body:
    { ok: true; result: R; replayed?: boolean } | { ok: false; error: { code: string; message: string; issues?: Array<{ path: unknown[]; message: string }> } };
}

/** A client of the JSON API, signed in by API token or session cookie (or anonymous). */
export class ApiClient {
  constructor(
    readonly url: string,
    readonly auth: { token?: string; cookie?: string } = {},
  ) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { "content-type": "application/json", ...extra };
    if (this.auth.token) h.authorization = `Bearer ${this.auth.token}`;
    if (this.auth.cookie) h.cookie = this.auth.cookie;
    return h;
  }

  async command<R = any>(type: string, payload: unknown, id: string = randomUUID()): Promise<CommandResponse<R>> {
    const res = await fetch(`${this.url}/api/v1/commands`, { method: "POST", headers: this.headers(), body: JSON.stringify({ id, type, payload }) });
    return { status: res.status, body: await res.json() };
  }

  /** Runs a command that must succeed and answers its result. */
  async ok<R = any>(type: string, payload: unknown): Promise<R> {
    const r = await this.command<R>(type, payload);
    if (!r.body.ok) throw new Error(`${type} failed (${r.status}): ${JSON.stringify(r.body.error)}`);
    return r.body.result;
  }

  async get(pathname: string): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.url}${pathname}`, { headers: this.headers() });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, body: text };
    }
  }

  socket(): Socket {
    return connect(this.url, {
      transports: ["websocket"],
      extraHeaders: this.auth.cookie ? { cookie: this.auth.cookie } : undefined,
      auth: this.auth.token ? { token: this.auth.token } : undefined,
      forceNew: true,
    });
  }
}

/** Creates a platform admin and an API token through the same commands the CLI uses. */
export async function createAdmin(server: TestServer, over: Record<string, unknown> = {}) {
  const system = { kind: "system" as const, label: "test" };
  const admin = factories.admin(over);
  const created = await server.cocrea.bus.execute({ id: randomUUID(), type: "admin.create", payload: admin }, system);
  if (!created.ok) throw new Error(created.error.messageKey);
  const { userId } = created.result as { userId: string };
  const token = await server.cocrea.bus.execute({ id: randomUUID(), type: "api_token.create", payload: { userId, name: "test" } }, system);
  if (!token.ok) throw new Error(token.error.messageKey);
  return {
    ...admin,
    userId,
    token: (token.result as { token: string }).token,
    client: new ApiClient(server.url, { token: (token.result as { token: string }).token }),
  };
}

/** Invites a person to a role, accepts the invitation, and answers a client signed in with an API token. */
export async function createMember(server: TestServer, admin: ApiClient, consultationId: string, role: string) {
  const invitation = factories.invitation(consultationId, role);
  const { path: invitePath } = await admin.ok<{ path: string }>("invitation.create", invitation);
  const anonymous = new ApiClient(server.url);
  const accepted = await anonymous.ok<{ userId: string }>("invitation.accept", {
    token: invitePath.split("/").pop(),
    name: invitation.name,
    password: "contraseña-segura-123",
  });
  const system = { kind: "system" as const, label: "test" };
  const token = await server.cocrea.bus.execute({ id: randomUUID(), type: "api_token.create", payload: { userId: accepted.userId, name: "test" } }, system);
  if (!token.ok) throw new Error(token.error.messageKey);
  return { userId: accepted.userId, email: invitation.email, client: new ApiClient(server.url, { token: (token.result as { token: string }).token }) };
}

/** A consultation with its ten stages and two themes, created by the admin. */
export async function createConsultation(admin: ApiClient) {
  const { consultationId } = await admin.ok<{ consultationId: string }>("consultation.create", factories.consultation());
  const themeA = await admin.ok<{ themeId: string }>("theme.create", factories.theme(consultationId));
  const themeB = await admin.ok<{ themeId: string }>("theme.create", factories.theme(consultationId));
  const view = await admin.get(`/api/v1/consultations/${consultationId}`);
  const stages = view.body.result.stages as Array<{ id: string; phase: string; status: string }>;
  const stage = (phase: string) => stages.find((s) => s.phase === phase)!.id;
  return { consultationId, themeIds: [themeA.themeId, themeB.themeId], stage };
}

/** Session cookie from the real login form (CSRF cookie and token included). */
export async function loginCookie(url: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${url}/login`);
  const csrfCookie = (page.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("cocrea_csrf="))!;
  const html = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)![1];
  const res = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: token, email, password, redirectTo: "/admin" }),
  });
  const session = (res.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("cocrea_session="));
  if (!session) throw new Error(`login failed: ${res.status}`);
  return `${session}; ${csrfCookie}`;
}

export function waitForEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (data: T) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

export function emitWithAck<T = any>(socket: Socket, event: string, data: unknown): Promise<T> {
  return socket.timeout(5_000).emitWithAck(event, data) as Promise<T>;
}
