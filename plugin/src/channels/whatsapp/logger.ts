/**
 * What the bridge, the sender and the Botpress Cloud forwarder log through:
 * a small port. `consoleLoggerFor` is the process's pino logger with
 * customers' phones, chat ids, emails, names and message text redacted
 * (runtime/log.ts); tests pass a recording fake.
 */
import { loggerFor } from '../../runtime/log';

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Redacted lines on stderr, each prefixed with `prefix: ` (or JSON lines, BOOKWELL_LOG_FORMAT=json). */
export function consoleLoggerFor(prefix: string): Logger {
  return loggerFor(prefix);
}

export const consoleLogger: Logger = consoleLoggerFor('whatsapp');

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
