// Logger and console: recorded for tests, optionally echoed to the test's output.
import type { LogRecord } from './apps-script-records.ts';
import type { AppsScriptState } from './apps-script-state.ts';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'stack' in value && 'message' in value)) {
    return String((value as Error).stack ?? (value as Error).message);
  }
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

export function createLogging(state: AppsScriptState, echo = false) {
  const record = (level: LogRecord['level'], message: string): void => {
    state.logs.push({ level, message });
    if (echo) process.stderr.write(`[apps-script ${level}] ${message}\n`);
  };
  const logger = {
    log(format: unknown, ...values: unknown[]) {
      let message = text(format);
      if (values.length > 0) {
        let i = 0;
        message = message.replace(/%s|%d/g, () => text(values[i++]));
      }
      record('Logger', message);
      return logger;
    },
    getLog: (): string => state.logs.filter((l) => l.level === 'Logger').map((l) => l.message).join('\n'),
    clear: (): void => {
      state.logs.splice(0, state.logs.length, ...state.logs.filter((l) => l.level !== 'Logger'));
    },
  };
  const consoleFake = {
    log: (...args: unknown[]) => record('log', args.map(text).join(' ')),
    info: (...args: unknown[]) => record('info', args.map(text).join(' ')),
    warn: (...args: unknown[]) => record('warn', args.map(text).join(' ')),
    error: (...args: unknown[]) => record('error', args.map(text).join(' ')),
    time: () => undefined,
    timeEnd: () => undefined,
  };
  return { Logger: logger, console: consoleFake };
}
