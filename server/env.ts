// Environment, checked with zod at start-up (see .env.example).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const flag = z.preprocess((v) => (v === undefined || v === "" ? undefined : v === "1" || v === "true"), z.boolean());

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("file:data/cocrea.sqlite"),
  SESSION_SECRET: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SEED_DEMO: flag.default(true),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  PUBLIC_ADDRESS_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Several nodes: socket.io's Redis Streams adapter and shared rate limits. Unset: one node, all in memory. */
  REDIS_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .url()
      .refine((u) => /^rediss?:\/\//.test(u), "must start with redis:// or rediss://")
      .optional(),
  ),
  /** Start of every Redis key and stream this deployment uses (two deployments, or test servers, can share a Redis). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]*$/, "letters, digits and : _ . - only")
    .default("cocrea:"),
  TRUST_PROXY: flag.default(false),
  SECURE_COOKIES: flag.default(false),
  LOG_REQUESTS: flag.default(false),
  /** Read by server/log.ts when it loads (default info, silent under vitest); listed here so a typo fails the start. */
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  // Every node of a PostgreSQL deployment must key cookies and idempotency records alike: no per-node secret.
  if (!parsed.data.SESSION_SECRET && /^postgres(ql)?:\/\//.test(parsed.data.DATABASE_URL)) {
    throw new Error("Invalid environment:\n  SESSION_SECRET: required with a PostgreSQL DATABASE_URL (the same on every node)");
  }
  // Nodes joined by Redis must agree on it too: a retry that lands on another node must meet the same keys.
  if (parsed.data.REDIS_URL && !parsed.data.SESSION_SECRET) {
    throw new Error("Invalid environment:\n  SESSION_SECRET: required with REDIS_URL (the same value on every node)");
  }
  return { ...parsed.data, SESSION_SECRET: parsed.data.SESSION_SECRET || secretBesideDatabase(parsed.data.DATABASE_URL) };
}

/**
 * Without SESSION_SECRET, one secret is generated on the first start and kept beside the SQLite file: it keys the
 * anonymous clients' idempotency records and the duplicate-opinion check, so a phone retrying after a restart must
 * meet the same secret and get its first answer (not a 409). In memory (tests) it lives as long as the process.
 */
export function secretBesideDatabase(databaseUrl: string): string {
  const file = databaseUrl.startsWith("file:") ? databaseUrl.slice("file:".length) : databaseUrl;
  if (file === ":memory:" || file === "" || /^[a-z]+:\/\//.test(databaseUrl)) return randomBytes(32).toString("hex");
  const secretFile = path.join(path.dirname(path.resolve(file)), "cocrea-secret");
  try {
    const kept = fs.readFileSync(secretFile, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch {
    // first start: make one below
  }
  fs.mkdirSync(path.dirname(secretFile), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  fs.writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}
