/** Migrations as Prisma Migrate keeps them: a folder per migration, its SQL, the file's sha256. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const withChecksum = ({ name, sql }: { name: string; sql: string }): Migration => ({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });

/** The migrations in a folder laid out like prisma/migrations, in name order. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => withChecksum({ name, sql: readFileSync(join(dir, name, 'migration.sql'), 'utf8') }));
}
