// copy-database (decision 0010): a whole Cocrea database from one engine to the other (SQLite → PostgreSQL and back),
// into an empty, freshly migrated target, in one transaction; then every table's row count and every consultation's
// funnel are read on both sides and must be equal.
import { consultationFunnel } from "./queries/funnel.server";
import { migrateToLatest, openDatabase, type DB } from "./connection.server";
import type { TableShape } from "./dialect";
import { dialectOf } from "./dialect";

export interface CopyReport {
  tables: Array<{ name: string; from: number; to: number }>;
  funnels: Array<{ slug: string; from: string; to: string }>;
  ok: boolean;
}

/** Tables in an order where every referenced table comes before the tables that point at it. */
export function insertOrder(tables: readonly string[], foreignKeys: ReadonlyArray<{ table: string; references: string }>): string[] {
  const placed = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    path.add(name);
    for (const fk of foreignKeys) if (fk.table === name && fk.references !== name && tables.includes(fk.references)) visit(fk.references, path);
    path.delete(name);
    placed.add(name);
    order.push(name);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

async function rowCount(db: DB, table: string): Promise<number> {
  const row = await (db as DB)
    .selectFrom(table as never)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One line per consultation: its participation figures and each column's entered/now totals. */
async function funnelLines(db: DB): Promise<Map<string, string>> {
  const consultations = await db.selectFrom("consultations").select(["id", "slug"]).orderBy("slug").execute();
  const lines = new Map<string, string>();
  for (const c of consultations) {
    const f = await consultationFunnel(db, c.id);
    if (!f) continue;
    const p = f.participation;
    const stages = f.stages.map((s) => `${s.key} ${s.entered}/${s.now}`).join(", ");
    lines.set(c.slug, `online ${p.opinionsOnline}, attendance ${p.forumAttendance}, captures ${p.forumCaptures}, summaries ${p.summaries} | ${stages}`);
  }
  return lines;
}

/** Rows per insert: under both engines' limits on bound parameters (SQLite 32,766, PostgreSQL 65,535). */
const batchOf = (table: TableShape) => Math.max(1, Math.floor(30_000 / table.columns.length));

export async function copyDatabase(fromUrl: string, toUrl: string, say: (line: string) => void = console.log): Promise<CopyReport> {
  const from = openDatabase(fromUrl);
  const to = openDatabase(toUrl);
  try {
    say(`Copying ${from.dialect.name} → ${to.dialect.name}…`);
    await migrateToLatest(from.db);
    await migrateToLatest(to.db);
    const tables = await from.dialect.tables(from.db);
    const targetTables = new Map((await to.dialect.tables(to.db)).map((t) => [t.name, t]));
    for (const t of tables) {
      if (!targetTables.has(t.name)) throw new Error(`the target has no table ${t.name}`);
      if ((await rowCount(to.db, t.name)) > 0) throw new Error(`the target is not empty (${t.name} has rows): copy-database only fills an empty database`);
    }
    const order = insertOrder(
      tables.map((t) => t.name),
      await to.dialect.foreignKeys(to.db),
    );
    const byName = new Map(tables.map((t) => [t.name, t]));
    await to.db.transaction().execute(async (trx) => {
      for (const name of order) {
        const table = byName.get(name)!;
        const rows = (await from.db
          .selectFrom(name as never)
          .selectAll()
          .execute()) as Array<Record<string, unknown>>;
        for (let i = 0; i < rows.length; i += batchOf(table)) {
          await trx
            .insertInto(name as never)
            .values(rows.slice(i, i + batchOf(table)) as never)
            .execute();
        }
        const serial = targetTables.get(name)!.serial;
        if (serial) await dialectOf(trx).continueNumbering(trx, name, serial);
      }
    });

    const report: CopyReport = { tables: [], funnels: [], ok: true };
    for (const t of tables) {
      const row = { name: t.name, from: await rowCount(from.db, t.name), to: await rowCount(to.db, t.name) };
      report.tables.push(row);
      if (row.from !== row.to) report.ok = false;
    }
    const [before, after] = [await funnelLines(from.db), await funnelLines(to.db)];
    for (const [slug, line] of before) {
      const copied = after.get(slug) ?? "(missing)";
      report.funnels.push({ slug, from: line, to: copied });
      if (copied !== line) report.ok = false;
    }
    return report;
  } finally {
    await from.db.destroy();
    await to.db.destroy();
  }
}

/** The comparison as the CLI prints it. */
export function formatReport(report: CopyReport): string[] {
  const lines = ["Rows per table (from → to):"];
  for (const t of report.tables) lines.push(`  ${t.from === t.to ? " " : "≠"} ${t.name}: ${t.from} → ${t.to}`);
  lines.push("Funnel per consultation:");
  for (const f of report.funnels) {
    lines.push(`  ${f.from === f.to ? " " : "≠"} ${f.slug}: ${f.from}`);
    if (f.from !== f.to) lines.push(`    copied: ${f.to}`);
  }
  lines.push(report.ok ? "Copy checked: every row count and funnel figure matches." : "MISMATCH: the copy differs from the source (see ≠ above).");
  return lines;
}
