// REDIS_URL in the environment: optional, a redis:// or rediss:// URL, and only with a SESSION_SECRET shared by the nodes.
import { describe, expect, it } from "vitest";
import { loadEnv } from "../../server/env";

const base = { DATABASE_URL: "file::memory:", SESSION_SECRET: "s".repeat(40) };

describe("REDIS_URL", () => {
  it("is off when unset or empty", () => {
    expect(loadEnv(base).REDIS_URL).toBeUndefined();
    expect(loadEnv({ ...base, REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("takes redis:// and rediss:// URLs, with the default prefix", () => {
    const env = loadEnv({ ...base, REDIS_URL: "redis://127.0.0.1:6379/2" });
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379/2");
    expect(env.REDIS_PREFIX).toBe("cocrea:");
    expect(loadEnv({ ...base, REDIS_URL: "rediss://user:pw@cache.example.org:6380", REDIS_PREFIX: "consulta-2026:" }).REDIS_PREFIX).toBe("consulta-2026:");
  });

  it("refuses other schemes and things that are not URLs", () => {
    expect(() => loadEnv({ ...base, REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
    expect(() => loadEnv({ ...base, REDIS_URL: "127.0.0.1:6379" })).toThrow(/REDIS_URL/);
  });

  it("refuses a prefix with spaces or braces", () => {
    expect(() => loadEnv({ ...base, REDIS_URL: "redis://127.0.0.1:6379", REDIS_PREFIX: "a b{" })).toThrow(/REDIS_PREFIX/);
  });

  it("needs a SESSION_SECRET, since every node must use the same one", () => {
    expect(() => loadEnv({ DATABASE_URL: "file::memory:", REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(/SESSION_SECRET: required with .*REDIS_URL/);
  });
});
