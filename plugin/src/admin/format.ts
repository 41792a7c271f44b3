/**
 * How the admin page writes times, durations and money. Times are shown in
 * the business's (or a booking location's) zone, as the owner reads a clock
 * on the wall; relative ages are measured from the page's `now`, so a frozen
 * clock gives the same page every time.
 */
import { DateTime } from 'luxon';

/** "Sun 1 Mar 09:00" in `zone`; the year only when it is not `now`'s year. */
export function localTime(at: Date, zone: string, now: Date): string {
  const t = DateTime.fromJSDate(at, { zone });
  return t.toFormat(t.year === DateTime.fromJSDate(now, { zone }).year ? 'ccc d LLL HH:mm' : 'ccc d LLL yyyy HH:mm');
}

/** A booking's ISO start with its location's offset, written as that location's clock shows it. */
export function wallClock(isoWithOffset: string, now: Date): string {
  const t = DateTime.fromISO(isoWithOffset, { setZone: true });
  const sameYear = t.year === DateTime.fromJSDate(now, { zone: t.zone }).year;
  return t.toFormat(sameYear ? 'ccc d LLL HH:mm' : 'ccc d LLL yyyy HH:mm');
}

/** "just now", "5 min ago", "in 3 h", "2 d ago". */
export function relative(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  const abs = Math.abs(ms);
  if (abs < 45_000) return 'just now';
  const [n, unit] =
    abs < 3_600_000 ? [Math.round(abs / 60_000), 'min'] : abs < 48 * 3_600_000 ? [Math.round(abs / 3_600_000), 'h'] : [Math.round(abs / 86_400_000), 'd'];
  return ms < 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}

export function duration(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "KWD 10.000": the currency's own number of decimals (3 for KWD, 2 for MXN). */
export function money(amount: number | null, currency: string | null): string {
  if (amount === null) return '';
  if (!currency) return String(amount);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' }).format(amount).replace(/\u00a0/g, ' ');
  } catch {
    // not an ISO currency code: still show the figure
    return `${currency} ${amount}`;
  }
}
