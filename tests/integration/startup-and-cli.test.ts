// `npm start` on an empty database seeds the demo and prints how to sign in; the CLI creates admins and API tokens.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-start-"));
const dbUrl = `file:${path.join(dir, "cocrea.sqlite")}`;
const env = { ...process.env, DATABASE_URL: dbUrl, SESSION_SECRET: "s", HOST: "127.0.0.1" };
const tsx = path.resolve("node_modules/.bin/tsx");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("start-up", () => {
  it("seeds the 2016 demo on an empty database and prints the admin's credentials, both demos and example receipts", async () => {
    const child = spawn(tsx, ["server/index.ts"], { env: { ...env, PORT: "0" } });
    let out = "";
    child.stderr.on("data", (d) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      // The seed writes two consultations through the commands: allow for a loaded machine.
      const timer = setTimeout(() => reject(new Error(`no start-up line:\n${out}`)), 90_000);
      child.stdout.on("data", (d) => {
        out += d;
        const m = /Cocrea listening on (http:\/\/\S+)/.exec(out);
        if (m && /Demo admin/.test(out) && /Follow a 2016 opinion[^\n]*\n/.test(out)) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    try {
      expect(out).toContain('Seeded the demo: the 2016 archive "/c/plan-gobierno-abierto-2016-2018" and the consultation in progress');
      expect(out).toContain("/c/plan-gobierno-abierto-2016-2018 (2016, an archive)");
      expect(out).toContain("/c/plan-gobierno-abierto-2027-2029 (in progress today)");
      // Three receipts a newcomer can follow, each showing the commitment and its follow-up.
      const receipts = [...(/Follow a 2016 opinion[^\n]*/.exec(out)?.[0] ?? "").matchAll(/\/r\/([A-Z0-9]+)/g)].map((r) => r[1]);
      expect(receipts).toHaveLength(3);
      const [, email, password] = /e-mail: (\S+)\s+password: (\S+)/.exec(out)!;
      expect(email).toBe("admin@demo.cocrea.gt");
      const port = new URL(url).port;
      const api = new ApiClient(`http://127.0.0.1:${port}`);
      expect((await api.get("/healthz")).body).toEqual({ ok: true, database: "ok" });
      const { body } = await api.get("/api/v1/consultations/plan-gobierno-abierto-2016-2018");
      expect(body.result.themes).toHaveLength(5);
      expect(body.result.forums.map((f: { department: string }) => f.department)).toEqual(["Guatemala", "Quetzaltenango", "Alta Verapaz"]);
      expect(body.result.forums.reduce((n: number, f: { expected_attendance: number }) => n + f.expected_attendance, 0)).toBe(531);
      const login = await fetch(`http://127.0.0.1:${port}/login`);
      expect(login.status).toBe(200);
      expect(password.length).toBeGreaterThan(8);
      for (const code of receipts) {
        const receipt = await (await fetch(`http://127.0.0.1:${port}/r/${code}`)).text();
        expect(receipt).toContain("Ver el seguimiento de este compromiso");
      }
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }, 120_000);
});

describe("cli", () => {
  it("creates an admin and an API token, and refuses a taken e-mail or a weak password", () => {
    const admin = spawnSync(tsx, ["server/cli.ts", "create-admin", "cli@example.org", "Ana", "López", "una-clave-muy-larga"], { env, encoding: "utf8" });
    expect(admin.status, admin.stderr).toBe(0);
    expect(admin.stdout).toContain("Admin created: cli@example.org");
    const token = spawnSync(tsx, ["server/cli.ts", "create-token", "cli@example.org", "script"], { env, encoding: "utf8" });
    expect(token.status, token.stderr).toBe(0);
    expect(token.stdout).toMatch(/API token \(shown once\): cocrea_\S+/);
    const again = spawnSync(tsx, ["server/cli.ts", "create-admin", "cli@example.org", "Ana", "una-clave-muy-larga"], { env, encoding: "utf8" });
    expect(again.status).toBe(2);
    const weak = spawnSync(tsx, ["server/cli.ts", "create-admin", "otra@example.org", "Ana", "corta"], { env, encoding: "utf8" });
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain("password");
  });

  it("reads a .env file in the working directory; the environment wins over it", () => {
    const here = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-dotenv-"));
    try {
      fs.writeFileSync(path.join(here, ".env"), `DATABASE_URL=file:${path.join(here, "from-dotenv.sqlite")}\nSESSION_SECRET=s\n`);
      const { DATABASE_URL: _unset, ...withoutUrl } = env;
      const cli = path.resolve("server/cli.ts");
      const made = spawnSync(tsx, [cli, "create-admin", "dotenv@example.org", "Ana", "una-clave-muy-larga"], { env: withoutUrl, cwd: here, encoding: "utf8" });
      expect(made.status, made.stderr).toBe(0);
      expect(fs.existsSync(path.join(here, "from-dotenv.sqlite"))).toBe(true);
      // DATABASE_URL set in the environment: the file's value is ignored.
      const other = path.join(here, "from-env.sqlite");
      const wins = spawnSync(tsx, [cli, "create-admin", "dotenv@example.org", "Ana", "una-clave-muy-larga"], {
        env: { ...withoutUrl, DATABASE_URL: `file:${other}` },
        cwd: here,
        encoding: "utf8",
      });
      expect(wins.status, wins.stderr).toBe(0);
      expect(fs.existsSync(other)).toBe(true);
    } finally {
      fs.rmSync(here, { recursive: true, force: true });
    }
  });

  it("words its refusals for people, in the shell's language, never as message keys", () => {
    const en = { ...env, LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
    const es = { ...env, LANG: "es_GT.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
    expect(spawnSync(tsx, ["server/cli.ts", "create-admin", "palabras@example.org", "Ana", "una-clave-muy-larga"], { env: en, encoding: "utf8" }).status).toBe(
      0,
    );
    const taken = spawnSync(tsx, ["server/cli.ts", "create-admin", "palabras@example.org", "Ana", "una-clave-muy-larga"], { env: en, encoding: "utf8" });
    expect(taken.stderr).toContain("admin.create failed: There is already an account with that e-mail.");
    const tomada = spawnSync(tsx, ["server/cli.ts", "create-admin", "palabras@example.org", "Ana", "una-clave-muy-larga"], { env: es, encoding: "utf8" });
    expect(tomada.stderr).toContain("admin.create failed: Ya existe una cuenta con ese correo.");
    const corta = spawnSync(tsx, ["server/cli.ts", "create-admin", "otra@example.org", "Ana", "corta"], { env: es, encoding: "utf8" });
    expect(corta.stderr).toContain("  password: Escriba al menos 10 caracteres.");
    for (const out of [taken.stderr, tomada.stderr, corta.stderr]) expect(out).not.toMatch(/error\.\w+/);
  });
});
