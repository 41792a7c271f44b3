/**
 * One open database per URL per process. The local host opens the database
 * (embedded or server) and registers it; the plugin's handlers then reuse it
 * instead of opening a second pool — which the embedded database, one Postgres
 * session, could not serve anyway. The registrations live on globalThis, so a
 * bundled copy of the plugin loaded into the host (`bookwell dev --bundle`)
 * finds them too and attaches its own client to the host's pool.
 */
import { ConfigurationError } from '../config/parse';
import { processShared } from '../runtime/process-shared';
import { attachDatabase, connectDatabase, type Database } from './connect';

const registered = processShared('registered-databases', () => new Map<string, Database>());

/** This copy's clients, with the registration each was attached to (none: opened by URL). */
const open = new Map<string, { db: Promise<Database>; owner: Database | null }>();

export function registerDatabase(db: Database): void {
  registered.set(db.url, db);
  open.set(db.url, { db: Promise.resolve(db), owner: db });
}

/** Call before closing a registered database, so nobody is handed it closed. */
export function forgetDatabase(db: Database): void {
  if (registered.get(db.url) === db) registered.delete(db.url);
  if (open.get(db.url)?.owner === db) open.delete(db.url);
}

/** The database at `url`: the one a host registered, or a new connection (Botpress Cloud). */
export function databaseFor(url: string | null | undefined): Promise<Database> {
  if (!url) {
    return Promise.reject(
      new ConfigurationError('bookwell configuration: databaseUrl is required: a postgresql:// URL the bot can reach (the embedded database exists only on the local host)'),
    );
  }
  const owner = registered.get(url) ?? null;
  let entry = open.get(url);
  // a client attached to a registration that was since forgotten (its pool closed) is dropped
  if (entry && entry.owner !== owner) {
    open.delete(url);
    entry = undefined;
  }
  if (!entry) {
    const db = owner ? attachDatabase(owner) : connectDatabase(url, { poolSize: 10 });
    entry = { db, owner };
    db.catch(() => open.delete(url));
    open.set(url, entry);
  }
  return entry.db;
}
