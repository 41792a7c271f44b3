/** What the bridge and sender log through; `consoleLogger` for the CLI, a recording fake in tests. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

const line = (message: string, data?: Record<string, unknown>) => (data ? `${message} ${JSON.stringify(data)}` : message);

/** Lines on the console, each prefixed with `prefix: `. */
export function consoleLoggerFor(prefix: string): Logger {
  return {
    info: (m, d) => console.log(`${prefix}: ${line(m, d)}`),
    warn: (m, d) => console.warn(`${prefix}: ${line(m, d)}`),
    error: (m, d) => console.error(`${prefix}: ${line(m, d)}`),
  };
}

export const consoleLogger: Logger = consoleLoggerFor('whatsapp');

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
