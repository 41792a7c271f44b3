/**
 * How the customer's number and name reach a Botpress Cloud bot through the
 * Chat API. The Chat API sets no conversation tags of ours (only `owner` and
 * `fid`), so the number travels in the Chat user's `profile`, a free string
 * the bot sees as the user tag `chat:profile`; we write it as JSON. The name
 * also goes in the user's `name`, which the plugin reads as the profile name.
 */

export interface CustomerProfile {
  /** The channel the customer writes on, e.g. "whatsapp". */
  channel: string;
  /** E.164. */
  phone: string | null;
  name: string | null;
}

/** Botpress caps user names (and tag values) at a few hundred characters; WhatsApp names are short anyway. */
const MAX_NAME = 100;

export function encodeProfile(p: CustomerProfile): string {
  return JSON.stringify({ channel: p.channel, ...(p.phone ? { phone: p.phone } : {}), ...(p.name ? { name: clipName(p.name) } : {}) });
}

export function clipName(name: string): string {
  return name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name;
}

/** The E.164 number in a profile written by `encodeProfile`; null for anything else (other Chat API clients write what they like). */
export function profilePhone(profile: string | null | undefined): string | null {
  if (!profile) return null;
  try {
    const parsed: unknown = JSON.parse(profile);
    const phone = (parsed as { phone?: unknown } | null)?.phone;
    return typeof phone === 'string' && /^\+\d{7,15}$/.test(phone) ? phone : null;
  } catch {
    return null;
  }
}
