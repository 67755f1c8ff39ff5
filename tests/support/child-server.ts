// The real server as a separate process (`tsx server/index.ts`), so a test can SIGKILL it mid-work and
// start it again on the same SQLite file. Needs `npx remix build` (the server loads build/index.js).
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { databaseUrlFor } from "./postgres";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

export interface ChildServer {
  url: string;
  databaseUrl: string;
  port: number;
  pid: number;
  output(): string;
  /** SIGKILL the whole process group (tsx and the node process it runs): no shutdown handlers run. */
  kill(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
}

/** Process groups still running, killed if this process exits first (a failed test, an interrupted bench). */
const running = new Set<number>();
process.on("exit", () => {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * `script` defaults to the app's server; benchmarks also run a bare socket.io server this way. `dbFile` names the
 * database: the SQLite file, or, with COCREA_TEST_POSTGRES_URL set, a PostgreSQL schema kept for that name (a
 * restart on the same dbFile finds its data). `databaseUrl` overrides both (two nodes on one database).
 */
export async function spawnServer(options: {
  dbFile: string;
  databaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
  script?: string;
  /** How long the server may take to answer /healthz (seeding the demo first takes longer). */
  startTimeoutMs?: number;
}): Promise<ChildServer> {
  const port = options.port ?? (await freePort());
  const databaseUrl = options.databaseUrl ?? (await databaseUrlFor(options.dbFile));
  let log = "";
  const child = spawn(process.execPath, [TSX, options.script ?? "server/index.ts"], {
    cwd: ROOT,
    detached: true, // its own process group, so kill() reaches tsx's child too
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "0",
      SESSION_SECRET: "child-server-test-secret",
      PUBLIC_RATE_LIMIT_PER_MINUTE: "1000",
      ...options.env,
    },
  });
  running.add(child.pid!);
  child.once("exit", () => running.delete(child.pid!));
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`server did not start within ${(options.startTimeoutMs ?? 30_000) / 1000} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    databaseUrl,
    port,
    pid: child.pid!,
    output: () => log,
    async kill() {
      process.kill(-child.pid!, "SIGKILL");
      await exited(child);
    },
    async stop() {
      process.kill(-child.pid!, "SIGTERM");
      await exited(child);
    },
  };
}
