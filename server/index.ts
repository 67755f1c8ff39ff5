// `npm start`: check the environment, migrate, seed the demo on an empty database, serve on one port.
import "./dotenv";
import "./production-default";
import fs from "node:fs";
import path from "node:path";
import { randomToken } from "./auth/crypto.server";
import { createCocrea } from "./app.server";
import { loadEnv } from "./env";
import { isEmpty, seedDemo, DEMO_ADMIN_EMAIL } from "../db/seed/demo.server";
import { isPostgresUrl, sqlitePathFromUrl } from "../db/connection.server";
import { dialectOf } from "../db/dialect";

/** Advisory lock key of the demo seeding (any fixed number no other code uses). */
const SEED_LOCK = 20_161_012;

async function main() {
  const env = loadEnv();
  const cocrea = await createCocrea(env);
  // The demo admin's password is kept beside the SQLite file; on PostgreSQL it is only printed once, when seeded.
  const dbFile = isPostgresUrl(env.DATABASE_URL) ? ":memory:" : sqlitePathFromUrl(env.DATABASE_URL);
  const credentialsFile = path.join(path.dirname(path.resolve(dbFile)), "demo-admin.txt");

  // Several nodes starting together on one PostgreSQL database: one seeds, the others wait and find it seeded.
  await dialectOf(cocrea.db).exclusively(cocrea.db, SEED_LOCK, async () => {
    if (!env.SEED_DEMO || !(await isEmpty(cocrea.db))) return;
    const demo = await seedDemo(cocrea.bus, cocrea.db, randomToken(9));
    if (dbFile !== ":memory:") fs.writeFileSync(credentialsFile, `${demo.email}\n${demo.password}\n`, { mode: 0o600 });
    console.log(`Seeded the demo consultation "${demo.slug}".`);
    if (dbFile === ":memory:") console.log(`Demo admin: e-mail: ${demo.email}  password: ${demo.password}`);
  });

  const port = await cocrea.listen(env.PORT, env.HOST);
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
  console.log(`Cocrea listening on ${url}`);
  if (dbFile !== ":memory:" && fs.existsSync(credentialsFile)) {
    const [email, password] = fs.readFileSync(credentialsFile, "utf8").split("\n");
    if (email === DEMO_ADMIN_EMAIL) console.log(`Demo admin: ${url}/login  e-mail: ${email}  password: ${password}`);
  }

  const stop = async () => {
    await cocrea.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
