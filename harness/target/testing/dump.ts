/** Every row of every table, in a stable order: what "the database as it was" means in the tenant tests. */
import type { Database } from '../../../plugin/src/store/database';

export async function dumpDatabase(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.prisma.$queryRawUnsafe<Array<{ t: string }>>(
    `SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { t } of tables) {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ r: string }>>(`SELECT to_jsonb(x)::text AS r FROM "${t}" x`);
    out[t] = rows.map((row) => row.r).sort();
  }
  return out;
}
