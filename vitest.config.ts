import { randomBytes } from "node:crypto";
import { defineConfig } from "vitest/config";

// Names this run's PostgreSQL schemas (tests/support/postgres.ts) in the workers and in the global teardown alike.
process.env.COCREA_TEST_RUN ??= randomBytes(4).toString("hex");

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/postgres-global.ts"],
          env: { COCREA_TEST_RUN: process.env.COCREA_TEST_RUN },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
