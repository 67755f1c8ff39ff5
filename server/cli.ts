// `npm run cocrea -- <command>`: administration from the shell, through the same command bus.
import "./dotenv";
import { randomUUID } from "node:crypto";
import { backupSqlite } from "./backup.server";
import { loadEnv } from "./env";
import { copyDatabase, formatReport } from "../db/copy-database.server";
import { findImpossibleDates, type ImpossibleDate } from "../db/queries/impossible-dates.server";
import { migrateToLatest, openDatabase } from "../db/connection.server";
import { CommandBus } from "./commands/bus.server";
import { commands } from "./commands/registry";
import { translate, type Lang } from "../app/i18n";
import { zodErrorMap } from "../app/i18n/zod.server";

const usage = `Usage:
  npm run cocrea -- create-admin <email> <name> <password>
  npm run cocrea -- create-token <email> <token-name>
  npm run cocrea -- backup <new-file.sqlite>
  npm run cocrea -- copy-database --from <file:…|postgres://…> --to <postgres://…|file:…>
  npm run cocrea -- check-dates [--fix]`;

/** `--name value` from the arguments. */
const option = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === "copy-database") {
    const [from, to] = [option(args, "from"), option(args, "to")];
    if (!from || !to) {
      console.error(usage);
      process.exit(2);
    }
    const report = await copyDatabase(from, to);
    for (const line of formatReport(report)) console.log(line);
    process.exit(report.ok ? 0 : 1);
  }
  const env = loadEnv();
  if (command === "backup" && args.length === 1) {
    // Before opening the database for commands: a backup writes nothing and migrates nothing.
    const { bytes } = backupSqlite(env.DATABASE_URL, args[0]);
    console.log(`Backup written: ${args[0]} (${bytes} bytes)`);
    return;
  }
  const { db } = openDatabase(env.DATABASE_URL);
  await migrateToLatest(db);
  // Sockets are not running here: pages pick the change up on their next load.
  const bus = new CommandBus({ db, commands, publish: () => {}, zodError: zodErrorMap });
  // Errors in the shell's language: Spanish under an es_* locale, else English like the rest of the CLI's output.
  const lang: Lang = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "").toLowerCase().startsWith("es") ? "es" : "en";
  const actor = { kind: "system" as const, label: "cli" };
  const run = async (type: string, payload: unknown) => {
    const outcome = await bus.execute({ id: randomUUID(), type, payload }, actor, lang);
    if (!outcome.ok) {
      console.error(`${type} failed: ${translate(lang, outcome.error.messageKey, outcome.error.params)}`);
      for (const i of outcome.error.issues ?? []) console.error(`  ${i.path.join(".")}: ${translate(lang, i.message, outcome.error.params)}`);
      process.exit(2);
    }
    return outcome.result as Record<string, string>;
  };
  try {
    if (command === "create-admin" && args.length >= 3) {
      const [email, name, password] = [args[0], args.slice(1, -1).join(" "), args[args.length - 1]];
      const { userId } = await run("admin.create", { email, name, password });
      console.log(`Admin created: ${email} (${userId})`);
    } else if (command === "create-token" && args.length >= 2) {
      const user = await db.selectFrom("users").select("id").where("email", "=", args[0].toLowerCase()).executeTakeFirst();
      if (!user) {
        console.error(`No user with e-mail ${args[0]}`);
        process.exit(2);
      }
      const { token } = await run("api_token.create", { userId: user.id, name: args.slice(1).join(" ") });
      console.log(`API token (shown once): ${token}`);
      console.log(`Use it as: Authorization: Bearer ${token}`);
    } else if (command === "check-dates" && (args.length === 0 || (args.length === 1 && args[0] === "--fix"))) {
      // Dates stored before every command checked them: listed; with --fix, emptied by a command (audited).
      const line = (d: ImpossibleDate) => `${d.table} ${d.id} ${d.column}: "${d.value}"`;
      if (args[0] === "--fix") {
        const { fixed, kept } = (await run("dates.fix_impossible", {})) as unknown as { fixed: ImpossibleDate[]; kept: ImpossibleDate[] };
        for (const d of fixed) console.log(`emptied ${line(d)}`);
        for (const d of kept) console.log(`kept ${line(d)} (a required date: correct it on its page)`);
        console.log(`${fixed.length} impossible date(s) emptied, ${kept.length} left to correct by hand.`);
        process.exitCode = kept.length ? 1 : 0;
      } else {
        const found = await findImpossibleDates(db);
        for (const d of found) console.log(line(d));
        console.log(found.length ? `${found.length} impossible date(s). Empty them with: npm run cocrea -- check-dates --fix` : "No impossible dates.");
        process.exitCode = found.length ? 1 : 0;
      }
    } else {
      console.error(usage);
      process.exit(2);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
