// `npm start`: check the environment, migrate, seed the demo on an empty database, serve on one port.
import "./dotenv";
import "./production-default";
import fs from "node:fs";
import path from "node:path";
import { randomToken } from "./auth/crypto.server";
import { createCocrea } from "./app.server";
import { loadEnv } from "./env";
import { isEmpty, seedDemo, DEMO_ADMIN_EMAIL } from "../db/seed/demo.server";
import { demo2016 } from "../db/factories/guatemala-2016";
import { inProgress } from "../db/factories/in-progress";

const DEMO_2016_SLUG = demo2016.consultation.slug;
const DEMO_IN_PROGRESS_SLUG = inProgress.slug;
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
    // Line 1 the e-mail, line 2 the password, then the example receipts (printed at every start).
    const lines = [demo.email, demo.password, ...demo.exampleReceipts];
    if (dbFile !== ":memory:") fs.writeFileSync(credentialsFile, `${lines.join("\n")}\n`, { mode: 0o600 });
    console.log(`Seeded the demo: the 2016 archive "/c/${demo.slug}" and the consultation in progress "/c/${demo.inProgress.slug}".`);
    if (dbFile === ":memory:") {
      console.log(`Demo admin: e-mail: ${demo.email}  password: ${demo.password}`);
      console.log(`Follow a 2016 opinion to its commitment: ${demo.exampleReceipts.map((code) => `/r/${code}`).join("  ")}`);
    }
  });

  const port = await cocrea.listen(env.PORT, env.HOST);
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
  console.log(`Cocrea listening on ${url}`);
  if (dbFile !== ":memory:" && fs.existsSync(credentialsFile)) {
    const [email, password, ...receipts] = fs.readFileSync(credentialsFile, "utf8").split("\n").filter(Boolean);
    if (email === DEMO_ADMIN_EMAIL) {
      console.log(`Demo admin: ${url}/login  e-mail: ${email}  password: ${password}`);
      console.log(`Demo consultations: ${url}/c/${DEMO_2016_SLUG} (2016, an archive)  ${url}/c/${DEMO_IN_PROGRESS_SLUG} (in progress today)`);
      if (receipts.length) console.log(`Follow a 2016 opinion to its commitment and follow-up: ${receipts.map((code) => `${url}/r/${code}`).join("  ")}`);
    }
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
