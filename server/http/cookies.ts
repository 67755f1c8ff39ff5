// Cookie names and serialization: httpOnly, SameSite=Lax, Secure when configured.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import * as cookie from "cookie";
import { LANG_COOKIE, type Lang } from "../../app/i18n";
import { SESSION_COOKIE, SESSION_DAYS } from "../auth/sessions.server";

export const CSRF_COOKIE = "cocrea_csrf";
/** A random id per browser, kept two years: the public rate limit counts per device, not per shared address. */
export const DEVICE_COOKIE = "cocrea_device";
const DEVICE_ID = /^[A-Za-z0-9_-]{24}$/;
export const CSRF_FIELD = "_csrf";

export function parseCookies(header: string | undefined): Record<string, string | undefined> {
  return header ? cookie.parse(header) : {};
}

export interface CookieOptions {
  secure: boolean;
}

export function sessionCookie(token: string, opts: CookieOptions): string {
  return cookie.serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: opts.secure,
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(opts: CookieOptions): string {
  return cookie.serialize(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: opts.secure, path: "/", maxAge: 0 });
}

/** The language choice is remembered for a year; it is not a secret, but there's no need for scripts to read it. */
export function langCookie(lang: Lang, opts: CookieOptions): string {
  return cookie.serialize(LANG_COOKIE, lang, { httpOnly: true, sameSite: "lax", secure: opts.secure, path: "/", maxAge: 365 * 86_400 });
}

export function csrfCookie(value: string, opts: CookieOptions): string {
  return cookie.serialize(CSRF_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: opts.secure, path: "/" });
}

export function newDeviceId(): string {
  return randomBytes(18).toString("base64url");
}

/** The browser's device id, when it sent one of ours (anything else is ignored and replaced). */
export function deviceIdOf(cookies: Record<string, string | undefined>): string | undefined {
  const v = cookies[DEVICE_COOKIE];
  return v && DEVICE_ID.test(v) ? v : undefined;
}

export function deviceCookie(value: string, opts: CookieOptions): string {
  return cookie.serialize(DEVICE_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: opts.secure, path: "/", maxAge: 2 * 365 * 86_400 });
}

export function newCsrfSecret(): string {
  return randomBytes(18).toString("base64url");
}

/** Double-submit token: the form carries an HMAC of the browser's CSRF cookie. */
export function csrfToken(secret: string, cookieValue: string): string {
  return createHmac("sha256", secret).update(cookieValue).digest("base64url");
}

export function csrfMatches(secret: string, cookieValue: string | undefined, submitted: unknown): boolean {
  if (!cookieValue || typeof submitted !== "string") return false;
  const expected = Buffer.from(csrfToken(secret, cookieValue));
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
