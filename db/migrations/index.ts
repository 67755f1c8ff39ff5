// Migrations are listed here (not read from disk) so they work the same under tsx, vitest and bundlers.
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_initial";
import * as m0002 from "./0002_intake";
import * as m0003 from "./0003_forums";
import * as m0004 from "./0004_roundtables";
import * as m0005 from "./0005_technical_roundtable";
import * as m0006 from "./0006_traceability";
import * as m0007 from "./0007_fate_indexes";
import * as m0008 from "./0008_funnel_columns";
import * as m0009 from "./0009_state_not_delete";
import * as m0010 from "./0010_funnel_indexes";
import * as m0011 from "./0011_follow_up";
import * as m0012 from "./0012_plan";
import * as m0013 from "./0013_impossible_dates";

export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      "0001_initial": m0001,
      "0002_intake": m0002,
      "0003_forums": m0003,
      "0004_roundtables": m0004,
      "0005_technical_roundtable": m0005,
      "0006_traceability": m0006,
      "0007_fate_indexes": m0007,
      "0008_funnel_columns": m0008,
      "0009_state_not_delete": m0009,
      "0010_funnel_indexes": m0010,
      "0011_follow_up": m0011,
      "0012_plan": m0012,
      "0013_impossible_dates": m0013,
    };
  },
};
