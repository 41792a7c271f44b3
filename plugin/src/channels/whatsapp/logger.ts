/** What the bridge and sender log through; `consoleLogger` for the CLI, a recording fake in tests. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

const line = (message: string, data?: Record<string, unknown>) => (data ? `${message} ${JSON.stringify(data)}` : message);

export const consoleLogger: Logger = {
  info: (m, d) => console.log(`whatsapp: ${line(m, d)}`),
  warn: (m, d) => console.warn(`whatsapp: ${line(m, d)}`),
  error: (m, d) => console.error(`whatsapp: ${line(m, d)}`),
};

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
