// Kysely's PostgreSQL introspector reads every schema of the database (and fails when one is dropped while it reads,
// as happens when several Cocrea databases share one PostgreSQL database, e.g. the test suite's schemas). The
// migrator and copy-database only need this database's own schema: the search path's first.
import { PostgresDialect, sql, type DatabaseIntrospector, type DatabaseMetadata, type Kysely, type TableMetadata } from "kysely";

interface ColumnRow {
  table_name: string;
  table_schema: string;
  table_type: string;
  column_name: string;
  data_type: string;
  is_nullable: string;
  column_default: string | null;
  is_identity: string;
}

class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas() {
    return (await sql<{ name: string }>`SELECT current_schema() AS name`.execute(this.db)).rows;
  }

  async getTables(options: { withInternalKyselyTables?: boolean } = {}): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      SELECT c.table_name, c.table_schema, t.table_type, c.column_name, c.data_type, c.is_nullable, c.column_default, c.is_identity
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema()
      ORDER BY c.table_name, c.ordinal_position`.execute(this.db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata["columns"][number][] }>();
    for (const r of rows) {
      if (!options.withInternalKyselyTables && r.table_name.startsWith("kysely_migration")) continue;
      let table = tables.get(r.table_name);
      if (!table) tables.set(r.table_name, (table = { name: r.table_name, schema: r.table_schema, isView: r.table_type === "VIEW", columns: [] }));
      table.columns.push({
        name: r.column_name,
        dataType: r.data_type,
        isNullable: r.is_nullable === "YES",
        isAutoIncrementing: r.is_identity === "YES" || (r.column_default ?? "").startsWith("nextval("),
        hasDefaultValue: r.column_default !== null || r.is_identity === "YES",
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: { withInternalKyselyTables?: boolean }): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

export class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
