/**
 * The constrained values of the configuration (plugin, environment,
 * fixtures), each checked by the library that will use it, so a value passes
 * here exactly when it works there: time zones by luxon, countries by
 * libphonenumber-js, schedules by croner, currencies by Intl. Each check
 * returns null when the value is fine, else what is wrong with it.
 */
import { Cron } from 'croner';
import { isSupportedCountry } from 'libphonenumber-js';
import { IANAZone } from 'luxon';

export type Check = (value: string) => string | null;

export const timeZone: Check = (v) => (IANAZone.isValidZone(v) ? null : `"${v}" is not an IANA time zone, e.g. Asia/Kuwait or America/Mexico_City`);

export const country: Check = (v) => (/^[A-Z]{2}$/.test(v) && isSupportedCountry(v) ? null : `"${v}" is not an ISO 3166 country code, e.g. KW or MX (two capital letters)`);

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const currency: Check = (v) => (CURRENCIES.has(v) ? null : `"${v}" is not an ISO 4217 currency code, e.g. KWD or MXN (three capital letters)`);

export const cron: Check = (v) => {
  try {
    new Cron(v, { paused: true }).stop();
    return null;
  } catch (err) {
    return `"${v}" is not a cron schedule (minute hour day month weekday, e.g. "0 3 * * *"): ${(err as Error).message}`;
  }
};

function url(v: string): URL | null {
  try {
    return new URL(v);
  } catch {
    return null;
  }
}

const shown = (v: string) => {
  const u = url(v);
  // never echo a password back into a log
  if (u?.password) u.password = '***';
  return u ? u.toString() : v.length > 60 ? `${v.slice(0, 60)}…` : v;
};

export const httpUrl: Check = (v) => {
  const u = url(v);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? null : `"${shown(v)}" is not an http:// or https:// URL`;
};

export const postgresUrl: Check = (v) => {
  const u = url(v);
  if (!u) return `not a URL: expected postgresql://user:password@host:5432/database`;
  if (u.protocol !== 'postgresql:' && u.protocol !== 'postgres:') return `the scheme is "${u.protocol.replace(/:$/, '')}", but only Postgres is supported: expected postgresql://user:password@host:5432/database`;
  if (!u.hostname) return 'no host: expected postgresql://user:password@host:5432/database';
  return null;
};
