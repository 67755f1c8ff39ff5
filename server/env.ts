// Environment, checked with zod at start-up (see .env.example).
import { randomBytes } from "node:crypto";
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
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: flag.default(false),
  SECURE_COOKIES: flag.default(false),
  LOG_REQUESTS: flag.default(false),
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  // Sessions live in the database, so a per-start secret only invalidates open forms' CSRF tokens.
  return { ...parsed.data, SESSION_SECRET: parsed.data.SESSION_SECRET || randomBytes(32).toString("hex") };
}
