/**
 * One open database per URL per process. The local host opens the database
 * (embedded or server) and registers it; the plugin's handlers then reuse that
 * same client instead of opening a second pool — which the embedded database,
 * one Postgres session, could not serve anyway.
 */
import { openDatabase, type Database } from './database';

const open = new Map<string, Promise<Database>>();
const EMBEDDED = 'embedded:.bookwell/db';

export function registerDatabase(db: Database): void {
  open.set(db.url, Promise.resolve(db));
}

/** Call before closing a registered database, so nobody is handed it closed. */
export function forgetDatabase(db: Database): void {
  open.delete(db.url);
}

/** The database at `url`, or the default embedded one when `url` is empty. */
export function databaseFor(url: string | null | undefined): Promise<Database> {
  const key = url || EMBEDDED;
  let db = open.get(key);
  if (!db) {
    db = openDatabase({ url: url || null });
    db.catch(() => open.delete(key));
    open.set(key, db);
  }
  return db;
}
