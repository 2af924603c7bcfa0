import { parseArgs } from 'node:util';
import { isIsoDate, type IsoDate } from '../../shared/calendar/iso-date.ts';
import type { Locale } from '../../shared/i18n/locale.ts';

export interface SyncArgs {
  readonly workbook: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly now: IsoDate | null;
  readonly out: string | null;
  readonly mapping: string | null;
  readonly lang: Locale | null;
}

export type CliCommand = { readonly kind: 'sync'; readonly args: SyncArgs } | { readonly kind: 'help' } | { readonly kind: 'version' };

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: sheets-sfa sync <workbook.xlsx> [options]

Syncs a sales workbook into the database (embedded by default, DATABASE_URL when set) and writes
stage-aging and flag columns back into it. Only the service's own columns ([SFA]) are written.

Options:
  --dry-run            compute and report everything, change nothing
  --json               print one JSON document instead of the summary
  --now YYYY-MM-DD     the date to compute aging against (default: today in Asia/Tokyo)
  --out <file>         write the synced workbook there (default: in place, after a .bak backup)
  --mapping <file>     explicit column mapping, stage labels and thresholds (JSON)
  --lang ja|en         language of the summary (default: the sheet's header language)
  -h, --help           this help
  -v, --version        the version

Environment:
  DATABASE_URL         Postgres to use instead of the embedded database
  SHEETS_SFA_DATA_DIR  where the embedded database lives (default: ~/.local/share/sheets-sfa)

Exit codes: 0 synced, 1 unexpected error, 2 the workbook or the arguments cannot be used.`;

/** Parses the command line; throws UsageError with a one-line reason. */
export function parseCli(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        now: { type: 'string' },
        out: { type: 'string' },
        mapping: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return { kind: 'help' };
  const [command, workbook, ...rest] = positionals;
  if (command !== 'sync') throw new UsageError(`unknown command: ${command}`);
  if (workbook === undefined) throw new UsageError('sync needs a workbook: sheets-sfa sync <workbook.xlsx>');
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  if (values.now !== undefined && !isIsoDate(values.now)) throw new UsageError(`--now must be a date as YYYY-MM-DD: ${values.now}`);
  if (values.lang !== undefined && values.lang !== 'ja' && values.lang !== 'en') throw new UsageError(`--lang must be ja or en: ${values.lang}`);
  if (values['dry-run'] && values.out !== undefined) throw new UsageError('--dry-run writes nothing, so --out has no effect; drop one of them');
  return {
    kind: 'sync',
    args: {
      workbook,
      dryRun: values['dry-run'],
      json: values.json,
      now: values.now ?? null,
      out: values.out ?? null,
      mapping: values.mapping ?? null,
      lang: (values.lang as Locale | undefined) ?? null,
    },
  };
}
