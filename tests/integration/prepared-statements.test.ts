// db/prepared.ts on both engines (PostgreSQL with COCREA_TEST_POSTGRES_URL): a statement compiled once runs with
// each call's own values and the builder's constants, and on each dialect with that dialect's SQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "../../db/connection.server";
import { prepared } from "../../db/prepared";
import { createSchema, dropSchema, freshSchemaName, testPostgresUrl } from "../support/postgres";

const postgres = testPostgresUrl();
const NOW = "2026-11-30T00:00:00.000Z";

// One set of statements shared by both engines, as in the server: the SQL is kept per dialect.
const addOrganization = prepared((db, p: { id: string; name: string; acronym: string }) =>
  db.insertInto("organizations").values({ id: p.id, name: p.name, acronym: p.acronym, sector: "public", created_at: NOW }),
);
const organizationsOf = prepared((db, p: { sector: string; after: string }) =>
  db.selectFrom("organizations").select(["id", "name", "acronym", "sector"]).where("sector", "=", p.sector).where("id", ">", p.after).orderBy("id"),
);
const rename = prepared((db, p: { id: string; name: string }) => db.updateTable("organizations").set({ name: p.name }).where("id", "=", p.id));

const engines = [
  { name: "sqlite", skip: false },
  { name: "postgres", skip: !postgres },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`prepared statements on ${engine.name}`, () => {
    let db: DB;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      if (engine.name === "sqlite") {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-prepared-"));
        ({ db } = openDatabase(`file:${path.join(dir, "p.sqlite")}`));
        cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
      } else {
        const schema = freshSchemaName();
        ({ db } = openDatabase(await createSchema(postgres!, schema)));
        cleanup = () => dropSchema(postgres!, schema);
      }
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await db?.destroy();
      await cleanup?.();
    });

    it("runs each call with its own values and the builder's constants", async () => {
      expect((await addOrganization(db, { id: "org-1", name: "Acción Ciudadana", acronym: "AC" })).numAffectedRows).toBe(1n);
      await addOrganization(db, { id: "org-2", name: "Congreso", acronym: "" });
      await addOrganization(db, { id: "org-3", name: "Banguat", acronym: "BANGUAT" });
      expect((await rename(db, { id: "org-3", name: "Banco de Guatemala" })).numAffectedRows).toBe(1n);
      expect((await organizationsOf(db, { sector: "public", after: "org-1" })).rows).toEqual([
        { id: "org-2", name: "Congreso", acronym: "", sector: "public" },
        { id: "org-3", name: "Banco de Guatemala", acronym: "BANGUAT", sector: "public" },
      ]);
      expect((await organizationsOf(db, { sector: "civil_society", after: "" })).rows).toEqual([]);
    });

    it("is undone with the transaction it ran in", async () => {
      await expect(
        db.transaction().execute(async (trx) => {
          await addOrganization(trx, { id: "org-4", name: "Contraloría", acronym: "CGC" });
          throw new Error("stop");
        }),
      ).rejects.toThrow("stop");
      expect((await organizationsOf(db, { sector: "public", after: "org-3" })).rows).toEqual([]);
    });
  });
}
