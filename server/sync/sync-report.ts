import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { FlagCode } from '../../shared/flags/flag.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { MappingProblem } from '../../shared/mapping/mapping-problem.ts';
import type { CellIssue } from '../../shared/rows/cell-issue.ts';
import type { TabCounts } from '../../shared/sync-wire/tab-counts.ts';
import type { WritePlan } from '../../shared/write-plan/write-plan.ts';
import type { SyncTiming } from './stopwatch.ts';

// Shared with the add-on, which reads the counts from the push sync's answer.
export type { TabCounts };

export interface StaleDeal {
  readonly sheet: string;
  readonly row: number;
  readonly account: string | null;
  readonly title: string | null;
  readonly stage: string | null;
  readonly owner: string | null;
  readonly daysInStage: number;
  readonly threshold: number;
}

/** What one sync did; the CLI prints it and the API returns it. */
export interface SyncReport {
  readonly spreadsheetId: string;
  readonly title: string;
  readonly runId: string | null;
  readonly asOf: IsoDate;
  readonly dryRun: boolean;
  readonly durationMs: number;
  readonly locale: Locale;
  readonly tabs: readonly TabCounts[];
  readonly flagCounts: Readonly<Record<FlagCode, number>>;
  /** Deals furthest past their stage's threshold, at most ten. */
  readonly stalest: readonly StaleDeal[];
  readonly issues: readonly (CellIssue & { readonly message: string })[];
  readonly mappingProblems: readonly MappingProblem[];
  readonly settingsProblems: readonly string[];
  readonly cellsWritten: number;
  readonly plan: WritePlan;
  /** Each step's duration, for logs and profiling; the write-back to the source comes last. */
  readonly timings: readonly SyncTiming[];
}
