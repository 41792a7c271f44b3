import type { Logger } from '../logger';

export interface RecordingLogger extends Logger {
  lines: Array<{ level: 'info' | 'warn' | 'error'; message: string; data?: Record<string, unknown> }>;
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  return {
    lines,
    info: (message, data) => lines.push({ level: 'info', message, data }),
    warn: (message, data) => lines.push({ level: 'warn', message, data }),
    error: (message, data) => lines.push({ level: 'error', message, data }),
  };
}
