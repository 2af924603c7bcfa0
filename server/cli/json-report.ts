import type { SyncReport } from '../sync/sync-report.ts';

/** The `--json` document, version 1 (documented in the README). */
export interface JsonReport
  extends Pick<SyncReport, 'spreadsheetId' | 'asOf' | 'dryRun' | 'durationMs' | 'tabs' | 'stalest' | 'issues' | 'cellsWritten'> {
  readonly version: 1;
  readonly workbook: string;
  readonly output: string | null;
  readonly backup: string | null;
  readonly flags: SyncReport['flagCounts'];
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
    issues: report.issues,
    cellsWritten: report.cellsWritten,
    warnings: warningsOf(report),
  };
}
