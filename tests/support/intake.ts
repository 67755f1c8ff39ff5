// Helpers for the opinion-intake tests: a consultation with the intake open, opinion payloads, and a
// JavaScript-less "browser" that posts the real forms (CSRF cookie and token, page nonce).
import { ApiClient, createAdmin, createConsultation, type TestServer } from "./server";

export async function openIntake(server: TestServer, options: { open?: boolean } = {}) {
  const admin = await createAdmin(server);
  const { consultationId, themeIds, stage } = await createConsultation(admin.client);
  if (options.open !== false) await admin.client.ok("stage.open", { stageId: stage("opinion_intake") });
  const view = await admin.client.get(`/api/v1/consultations/${consultationId}`);
  const slug = view.body.result.consultation.slug as string;
  return { admin, consultationId, themeIds, stage, slug };
}

let n = 0;
/** A valid opinion; every call has a different text, so the duplicate rule stays out of the way. */
export function opinion(consultationId: string, over: Record<string, unknown> = {}) {
  return { consultationId, about: "methodology", text: `Que las instituciones publiquen sus compras cada mes (${++n}).`, ...over };
}

/** An anonymous client with its own address, for a server started with TRUST_PROXY=1. */
export function clientAt(server: TestServer, ip: string): ApiClient {
  const client = new ApiClient(server.url);
  const headers = client.headers.bind(client);
  client.headers = (extra = {}) => ({ ...headers(extra), "x-forwarded-for": ip });
  return client;
}

/** Posts the site's forms the way a browser without JavaScript does. */
export class FormClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly url: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {}

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie?.() ?? []) {
      const [pair] = c.split(";");
      const [name, ...rest] = pair.split("=");
      this.cookies.set(name, rest.join("="));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(pathname: string): Promise<{ status: number; html: string }> {
    const res = await fetch(`${this.url}${pathname}`, { headers: { cookie: this.cookieHeader(), ...this.extraHeaders }, redirect: "manual" });
    this.remember(res);
    return { status: res.status, html: await res.text() };
  }

  /** Loads the page, then posts `fields` with the page's CSRF token and nonce, as its form would. */
  async post(pathname: string, fields: Record<string, string>): Promise<{ status: number; html: string; headers: Headers }> {
    const page = await this.get(pathname);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? "";
    const nonce = /name="_nonce" value="([^"]+)"/.exec(page.html)?.[1] ?? "";
    const res = await fetch(`${this.url}${pathname}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader(), ...this.extraHeaders },
      body: new URLSearchParams({ _csrf: csrf, _nonce: nonce, ...fields }),
    });
    this.remember(res);
    return { status: res.status, html: await res.text(), headers: res.headers };
  }
}
