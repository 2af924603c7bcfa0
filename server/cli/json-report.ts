import type { FlagCode } from '../../shared/flags/flag.ts';
import type { CellIssue } from '../../shared/rows/cell-issue.ts';
import type { SyncReport, StaleDeal, TabCounts } from '../sync/sync-report.ts';

/** The `--json` document, version 1 (documented in the README). */
export interface JsonReport {
  readonly version: 1;
  readonly workbook: string;
  readonly output: string | null;
  readonly backup: string | null;
  readonly spreadsheetId: string;
  readonly asOf: string;
  readonly dryRun: boolean;
  readonly durationMs: number;
  readonly tabs: readonly TabCounts[];
  readonly flags: Readonly<Record<FlagCode, number>>;
  readonly stalest: readonly StaleDeal[];
  readonly issues: readonly (CellIssue & { readonly message: string })[];
  readonly cellsWritten: number;
  readonly warnings: readonly string[];
}

export function warningsOf(report: SyncReport): string[] {
  return [...report.mappingProblems.map((p) => `${p.code}: ${JSON.stringify(p)}`), ...report.settingsProblems];
}

export function jsonReport(report: SyncReport, paths: { workbook: string; output: string | null; backup: string | null }): JsonReport {
  return {
    version: 1,
    workbook: paths.workbook,
    output: paths.output,
    backup: paths.backup,
    spreadsheetId: report.spreadsheetId,
    asOf: report.asOf,
    dryRun: report.dryRun,
    durationMs: report.durationMs,
    tabs: report.tabs,
    flags: report.flagCounts,
    stalest: report.stalest,
    issues: report.issues.map((i) => ({ sheet: i.sheet, row: i.row, column: i.column, header: i.header, field: i.field, value: i.value, code: i.code, message: i.message })),
    cellsWritten: report.cellsWritten,
    warnings: warningsOf(report),
  };
}
