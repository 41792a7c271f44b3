/**
 * The one logger: pino, with customers' personal data redacted before a
 * line is written. Fields that hold it by name (phones, chat ids, emails,
 * names, message text) are censored by path; every other string, the message
 * included, is scrubbed of what looks like a phone number (E.164, or the
 * digits of a WhatsApp chat id such as "+96599000444@c.us") or an email
 * address, since ids and error messages carry them inside values.
 *
 * Lines go to stderr: `scope: message {fields}` for people by default, pino's
 * JSON lines with BOOKWELL_LOG_FORMAT=json. Modules log through the small
 * `Logger` port (channels/whatsapp/logger.ts); `loggerFor` adapts a pino
 * logger to it.
 */
import { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { Logger } from '../channels/whatsapp/logger';

/** Keys whose value is personal whatever it looks like. */
export const REDACTED_KEYS = ['chatId', 'chat', 'phone', 'userPhone', 'customerPhone', 'botPhone', 'from', 'to', 'author', 'email', 'name', 'userName', 'profileName', 'text', 'body', 'summary'] as const;
const CENSOR = '[redacted]';

// chat ids first ("+96599000444@c.us", "120363…@g.us", "…@lid"), then numbers, then emails
const CHAT_ID = /\+?\d{6,}(?:-\d+)?@(?:c\.us|g\.us|s\.whatsapp\.net|lid|broadcast)/g;
const PHONE = /\+\d[\d\s-]{6,16}\d/g;
// a bare run of 9–15 digits is how Meta writes a number; shorter runs are counts and ids
const DIGITS = /(?<![\w.-])\d{9,15}(?![\w-])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** `text` with phone numbers, chat ids and email addresses masked. */
export function scrub(text: string): string {
  return text.replace(CHAT_ID, '[chat]').replace(EMAIL, '[email]').replace(PHONE, '[phone]').replace(DIGITS, '[phone]');
}

const redactedKey = new Set<string>(REDACTED_KEYS);

/** A copy of `value` with personal fields censored and every string scrubbed (cycles cut). */
export function scrubValue(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) return { type: value.name, message: scrub(value.message), ...(value.stack ? { stack: scrub(value.stack) } : {}) };
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactedKey.has(k) && v !== null && v !== undefined ? CENSOR : scrubValue(v, seen);
  return out;
}

export interface LogOptions {
  /** Where lines go (tests capture them); default stderr. */
  destination?: DestinationStream;
  level?: pino.LevelWithSilent;
  /** 'line' (default): `scope: message {fields}`; 'json': pino's lines. */
  format?: 'line' | 'json';
}

/** A pino logger writing redacted lines. */
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** BOOKWELL_LOG_LEVEL and BOOKWELL_LOG_FORMAT, checked: a typo stops the command naming the variable. */
function fromEnv(env: NodeJS.ProcessEnv): { level?: pino.LevelWithSilent; format?: 'line' | 'json' } {
  const level = env.BOOKWELL_LOG_LEVEL || undefined;
  const format = env.BOOKWELL_LOG_FORMAT || undefined;
  if (level && !LEVELS.includes(level)) throw new Error(`environment variable BOOKWELL_LOG_LEVEL: "${level}" is not a level; expected one of ${LEVELS.join(', ')}`);
  if (format && format !== 'json' && format !== 'line') throw new Error(`environment variable BOOKWELL_LOG_FORMAT: "${format}" is not a format; expected line or json`);
  return { level: level as pino.LevelWithSilent | undefined, format: format as 'line' | 'json' | undefined };
}

export function createLog(opts: LogOptions = {}): PinoLogger {
  const env = fromEnv(process.env);
  const format = opts.format ?? env.format ?? 'line';
  const destination = opts.destination ?? (format === 'json' ? pino.destination({ dest: 2, sync: true }) : lineStream(process.stderr));
  return pino(
    {
      level: opts.level ?? env.level ?? 'info',
      base: undefined,
      // by path as well: a field pino itself adds (the err serializer's) cannot slip through
      redact: { paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`)], censor: CENSOR },
      serializers: { err: (err: unknown) => scrubValue(err), error: (err: unknown) => scrubValue(err) },
      formatters: { log: (obj) => scrubValue(obj) as Record<string, unknown> },
      hooks: {
        // the message string itself
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>;
          return method.apply(this, scrubbed);
        },
      },
    },
    destination,
  );
}

/** pino's JSON lines rewritten as `scope: message {fields}` on `out`. */
export function lineStream(out: NodeJS.WritableStream): DestinationStream {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const raw of chunk.toString('utf8').split('\n')) {
        if (!raw) continue;
        try {
          const { level: _level, time: _time, msg, scope, ...rest } = JSON.parse(raw) as Record<string, unknown>;
          const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
          out.write(`${scope ? `${String(scope)}: ` : ''}${String(msg ?? '')}${fields}\n`);
        } catch {
          out.write(`${raw}\n`);
        }
      }
      done();
    },
  });
}

let root: PinoLogger | undefined;

/** The process's logger (created on first use). */
export function rootLog(): PinoLogger {
  return (root ??= createLog());
}

/** Replaces the process's logger: a command's choice of level, a test capturing lines. */
export function setRootLog(log: PinoLogger): void {
  root = log;
}

/** The `Logger` port over pino, its lines in `scope` (a child of the root logger unless `base` is given). */
export function loggerFor(scope: string, base?: PinoLogger): Logger {
  // made at the first line, so a logger created at import time follows setRootLog
  let child: PinoLogger | undefined;
  const log = () => (child ??= (base ?? rootLog()).child({ scope }));
  return {
    info: (message, data) => (data ? log().info(data, message) : log().info(message)),
    warn: (message, data) => (data ? log().warn(data, message) : log().warn(message)),
    error: (message, data) => (data ? log().error(data, message) : log().error(message)),
  };
}
