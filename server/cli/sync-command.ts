import { access, constants, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isoDateInZone } from '../../shared/calendar/iso-date.ts';
import { databaseTargetFromEnv } from '../config/database-target.ts';
import { closeDatabase, openDatabase } from '../db/open-database.ts';
import { XlsxSource } from '../sources/xlsx/xlsx-source.ts';
import { syncSpreadsheet, type MappingInput, type SyncPhase } from '../sync/sync-engine.ts';
import { SyncError } from '../sync/sync-error.ts';
import { format } from '../../shared/i18n/locale.ts';
import type { SyncArgs } from './cli-args.ts';
import { CLI_MESSAGES } from './cli-messages.ts';
import { mappingFileProblems } from '../../shared/mapping/mapping-file.ts';
import { cellIssueMessage } from '../../shared/rows/cell-issue.ts';
import { jsonReport } from './json-report.ts';
import { summaryText } from './print-summary.ts';
import { ProgressBar } from './progress-bar.ts';

export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly clock: () => Date;
}

async function readMapping(path: string): Promise<MappingInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SyncError('mapping_invalid', `cannot read the mapping file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SyncError('mapping_invalid', `the mapping file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems = mappingFileProblems(value);
  if (problems.length > 0) throw new SyncError('mapping_invalid', `the mapping file ${path} is not valid: ${problems.join('; ')}`);
  return value as MappingInput;
}

const PHASE_LABEL = { read: 'progressRead', diff: 'progressDiff', write: 'progressWrite', apply: 'progressApply' } as const satisfies Record<SyncPhase, keyof typeof CLI_MESSAGES>;

/** `sheets-sfa sync`: returns the exit code. SyncErrors (unusable input) are the caller's exit 2. */
/** Refuses an output folder that cannot be written before anything is synced. */
async function checkOutputFolder(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new SyncError('output_unwritable', `cannot write to the folder of ${path}`);
  }
}

export async function runSync(args: SyncArgs, io: CliIo): Promise<number> {
  const workbook = resolve(args.workbook);
  const output = args.dryRun ? null : resolve(args.out ?? args.workbook);
  // --out naming the workbook itself is an in-place sync, with its checks and its backup.
  const outPath = output !== null && output !== workbook ? output : null;
  if (outPath !== null) await checkOutputFolder(outPath);
  const mapping = args.mapping === null ? null : await readMapping(args.mapping);
  // Today in the zone the settings settle on: the mapping file's or the stored override, else the default.
  const instant = io.clock();
  const now = args.now ?? ((timeZone: string) => isoDateInZone(instant, timeZone));
  const progress = new ProgressBar(io.stderr);
  const lang = args.lang ?? 'ja';
  const source = new XlsxSource(workbook, {
    readOnly: args.dryRun,
    ...(outPath === null ? {} : { outPath }),
    onRows: (done, total) => progress.update(CLI_MESSAGES.progressRead[lang], done, total),
  });
  const db = await openDatabase(databaseTargetFromEnv(io.env));
  try {
    const report = await syncSpreadsheet(db, source, {
      now,
      dryRun: args.dryRun,
      mapping,
      clock: io.clock,
      onPhase: (phase) => progress.update(format(CLI_MESSAGES[PHASE_LABEL[phase]][lang])),
    });
    progress.done();
    const paths = { workbook, output, backup: source.backupPath };
    // The engine words cell issues in the sheet's language; --lang asks for another.
    const locale = args.lang ?? report.locale;
    const shown = locale === report.locale ? report : { ...report, locale, issues: report.issues.map((i) => ({ ...i, message: cellIssueMessage(i, locale) })) };
    io.stdout.write(args.json ? `${JSON.stringify(jsonReport(shown, paths), null, 2)}\n` : `${summaryText(shown, locale, paths)}\n`);
    return 0;
  } finally {
    progress.done();
    await closeDatabase(db);
  }
}
