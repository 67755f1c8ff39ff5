// One structured logger (pino, JSON lines on stdout). Level from LOG_LEVEL: `info` by default, `silent` under
// vitest so test output stays readable (set LOG_LEVEL=debug to see the commands a test runs).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pino, type Logger } from "pino";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export function logLevel(source: Record<string, string | undefined> = process.env): string {
  const wanted = source.LOG_LEVEL?.trim().toLowerCase();
  if (wanted && (LOG_LEVELS as readonly string[]).includes(wanted)) return wanted;
  return source.VITEST ? "silent" : "info";
}

export const log: Logger = pino({ level: logLevel(), base: { service: "cocrea" } });

/** A caller's own request id (a proxy's X-Request-Id) when it looks like one, else a new one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Gives every request an id (answered as X-Request-Id) and a child logger carrying it, as `req.log`. */
export function requestIds(req: IncomingMessage & { id?: unknown; log?: Logger }, res: ServerResponse, next: () => void): void {
  const id = requestIdOf(req);
  req.id = id;
  req.log = log.child({ reqId: id });
  res.setHeader("X-Request-Id", id);
  next();
}
