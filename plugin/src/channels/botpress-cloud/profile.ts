/**
 * How the customer's number and name reach a Botpress Cloud bot through the
 * Chat API. The Chat API sets no conversation tags of ours (only `owner` and
 * `fid`), so the number travels in the Chat user's `profile`, a free string
 * the bot sees as the user tag `chat:profile`; we write it as JSON. The name
 * also goes in the user's `name`, which the plugin reads as the profile name.
 *
 * Anyone with the webhook id can create Chat users with any profile, so the
 * number is signed: `sig` = HMAC-SHA256(secret, phone), hex, with a secret
 * shared by the bridge and the plugin's configuration. The plugin reads a
 * number only when its signature checks out.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CustomerProfile {
  /** The channel the customer writes on, e.g. "whatsapp". */
  channel: string;
  /** E.164. */
  phone: string | null;
  name: string | null;
}

/** Botpress caps user names (and tag values) at a few hundred characters; WhatsApp names are short anyway. */
const MAX_NAME = 100;

/** The profile as JSON; with a secret, the phone is signed. */
export function encodeProfile(p: CustomerProfile, secret?: string | null): string {
  const sig = p.phone && secret ? { sig: signPhone(p.phone, secret) } : {};
  return JSON.stringify({ channel: p.channel, ...(p.phone ? { phone: p.phone } : {}), ...sig, ...(p.name ? { name: clipName(p.name) } : {}) });
}

export function clipName(name: string): string {
  return name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name;
}

export function signPhone(phone: string, secret: string): string {
  return createHmac('sha256', secret).update(phone).digest('hex');
}

/**
 * The E.164 number in a profile written by `encodeProfile` with the same
 * secret; null without a secret, for a missing or wrong signature, and for
 * anything else (other Chat API clients write what they like).
 */
export function profilePhone(profile: string | null | undefined, secret: string | null | undefined): string | null {
  if (!profile || !secret) return null;
  let parsed: { phone?: unknown; sig?: unknown } | null;
  try {
    parsed = JSON.parse(profile) as typeof parsed;
  } catch {
    return null;
  }
  const phone = parsed?.phone;
  const sig = parsed?.sig;
  if (typeof phone !== 'string' || !/^\+\d{7,15}$/.test(phone) || typeof sig !== 'string') return null;
  const expected = Buffer.from(signPhone(phone, secret), 'hex');
  const given = Buffer.from(sig, 'hex');
  // timingSafeEqual throws on unequal lengths
  return given.length === expected.length && timingSafeEqual(given, expected) ? phone : null;
}
