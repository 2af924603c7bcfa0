import { readFileSync } from 'node:fs';
import { DatabaseInUseError } from '../db/data-dir-lock.ts';
import { SyncError } from '../sync/sync-error.ts';
import { parseCli, USAGE, UsageError } from './cli-args.ts';
import { runSync, type CliIo } from './sync-command.ts';

const EXIT_UNUSABLE = 2;

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** The CLI entry point; returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, clock: () => new Date() }): Promise<number> {
  const json = argv.includes('--json');
  const fail = (code: string, message: string, exit: number): number => {
    io.stderr.write(`sheets-sfa: ${oneLine(message)}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ error: { code, message: oneLine(message) } })}\n`);
    return exit;
  };
  try {
    const command = parseCli(argv);
    if (command.kind === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command.kind === 'version') {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    return await runSync(command.args, io);
  } catch (error) {
    if (error instanceof UsageError) return fail('usage', `${error.message} (see sheets-sfa --help)`, EXIT_UNUSABLE);
    if (error instanceof SyncError) return fail(error.code, error.message, EXIT_UNUSABLE);
    if (error instanceof DatabaseInUseError) return fail('database_in_use', error.message, EXIT_UNUSABLE);
    return fail('internal', error instanceof Error ? error.message : String(error), 1);
  }
}
