// What every Remix loader and action receives from the Express server (see server/http/remix.ts).
import type { Lang } from "../app/i18n";
import type { SessionUser } from "./auth/sessions.server";
import type { Outcome } from "./commands/bus.server";
import type { Actor } from "./commands/types";
import type { DB } from "../db/connection.server";

export type CocreaContext = {
  lang: Lang;
  user: SessionUser | null;
  actor: Actor;
  /** This response's Content-Security-Policy nonce, for the page's inline scripts. */
  cspNonce: string;
  /** The built islands' URLs by name (see app/island-script.tsx and server/islands.server.ts). */
  islands: Readonly<Record<string, string>>;
  /** Token every form posts back as `_csrf`. */
  csrfToken: string;
  db: DB;
  publicUrl: string;
  /** Runs a command as this request's actor. Forms pass their page nonce so a double submit applies once. */
  run(type: string, payload: unknown, options?: { commandId?: string; nonce?: string }): Promise<Outcome>;
  /** Whether the form's CSRF token matches this browser's CSRF cookie. */
  checkCsrfOk(form: FormData): boolean;
  login(email: string, password: string): Promise<{ user: SessionUser; setCookie: string } | { error: "rate_limited"; seconds: number } | null>;
  logout(): Promise<string>;
  langCookie(lang: Lang): string;
};

declare module "@remix-run/server-runtime" {
  // Remix reads the load context through this interface: it is ours, declared by extension.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends CocreaContext {}
}
