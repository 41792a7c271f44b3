/**
 * How the customer's number and name reach a Botpress Cloud bot through the
 * Chat API. The Chat API sets no conversation tags of ours (only `owner` and
 * `fid`), so the number travels in the Chat user's `profile`, a free string
 * the bot sees as the user tag `chat:profile`; we write it as JSON. The name
 * also goes in the user's `name`, which the plugin reads as the profile name.
 *
 * Anyone with the webhook id can create Chat users with any profile, so the
 * profile is signed with a secret shared by the bridge and the plugin's
 * configuration: `sig` = HMAC-SHA256 over (bot id, phone, name, issue time),
 * lowercase hex. The bot id binds it to one bot (another bot sharing the
 * secret computes another signature); the issue time `iat` (seconds) bounds
 * a copied profile's use to PROFILE_MAX_AGE_MS. The bridge signs again well
 * before that, so a customer who writes never meets an expired one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CustomerProfile {
  /** The channel the customer writes on, e.g. "whatsapp". */
  channel: string;
  /** E.164. */
  phone: string | null;
  name: string | null;
}

/** What signs and checks a profile: the shared secret, and the id of the one bot it is for. */
export interface ProfileKey {
  secret: string;
  botId: string;
}

/** A signed profile older than this is not trusted. */
export const PROFILE_MAX_AGE_MS = 24 * 60 * 60_000;
/** The bridge signs again once its signature is this old, so the bot always gets a fresh one. */
export const PROFILE_RESIGN_AFTER_MS = 60 * 60_000;
/** Clocks of the bridge and of Botpress may disagree by this much (an `iat` in the future). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Botpress caps user names (and tag values) at a few hundred characters; WhatsApp names are short anyway. */
const MAX_NAME = 100;
const E164 = /^\+\d{7,15}$/;
const SIG = /^[0-9a-f]{64}$/;

export function clipName(name: string): string {
  return name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name;
}

/** The signed bytes: a JSON array cannot be made ambiguous by what a name contains. */
export function signProfile(p: { phone: string; name: string | null; iat: number }, key: ProfileKey): string {
  const message = JSON.stringify(['bookwell-profile/1', key.botId, p.phone, p.name ?? '', p.iat]);
  return createHmac('sha256', key.secret).update(message).digest('hex');
}

/** The profile as JSON; with a key, signed at `now`. */
export function encodeProfile(p: CustomerProfile, key?: ProfileKey | null, now: Date = new Date()): string {
  const name = p.name ? clipName(p.name) : null;
  const iat = Math.floor(now.getTime() / 1000);
  const signed = p.phone && key ? { iat, sig: signProfile({ phone: p.phone, name, iat }, key) } : {};
  return JSON.stringify({ channel: p.channel, ...(p.phone ? { phone: p.phone } : {}), ...(name ? { name } : {}), ...signed });
}

interface ParsedProfile {
  channel?: unknown;
  phone?: unknown;
  name?: unknown;
  iat?: unknown;
  sig?: unknown;
}

function parse(profile: string | null | undefined): ParsedProfile | null {
  if (!profile) return null;
  try {
    const v = JSON.parse(profile) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as ParsedProfile) : null;
  } catch {
    return null;
  }
}

/**
 * The E.164 number in a profile signed by `encodeProfile` with the same key,
 * not expired at `now`; null without a key, for a missing, malformed, wrong or
 * expired signature, and for anything else (other Chat API clients write what
 * they like).
 */
export function profilePhone(profile: string | null | undefined, key: ProfileKey | null | undefined, now: Date): string | null {
  if (!key?.secret || !key.botId) return null;
  const p = parse(profile);
  if (!p || typeof p.phone !== 'string' || !E164.test(p.phone)) return null;
  if (p.name !== undefined && (typeof p.name !== 'string' || p.name.length > MAX_NAME)) return null;
  if (typeof p.sig !== 'string' || !SIG.test(p.sig) || !Number.isSafeInteger(p.iat)) return null;
  const iat = p.iat as number;
  const age = now.getTime() - iat * 1000;
  if (age > PROFILE_MAX_AGE_MS || age < -CLOCK_SKEW_MS) return null;
  const expected = Buffer.from(signProfile({ phone: p.phone, name: (p.name as string | undefined) ?? null, iat }, key), 'hex');
  // both are 32 bytes here: the pattern fixed the length, so timingSafeEqual cannot throw
  return timingSafeEqual(Buffer.from(p.sig, 'hex'), expected) ? p.phone : null;
}

/**
 * Whether `current` (the profile the Chat user has) already says `wanted`,
 * signed with `key` recently enough; otherwise the bridge writes a new one.
 */
export function profileUpToDate(current: string | null | undefined, wanted: CustomerProfile, key: ProfileKey | null | undefined, now: Date): boolean {
  const p = parse(current);
  const name = wanted.name ? clipName(wanted.name) : null;
  if (!p || p.channel !== wanted.channel || (p.phone ?? null) !== wanted.phone || (p.name ?? null) !== name) return false;
  if (!key || !wanted.phone) return p.sig === undefined;
  const fresh = typeof p.iat === 'number' && now.getTime() - p.iat * 1000 < PROFILE_RESIGN_AFTER_MS;
  return fresh && profilePhone(current, key, now) === wanted.phone;
}
