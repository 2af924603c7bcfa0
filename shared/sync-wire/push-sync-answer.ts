import type { FlagCode } from '../flags/flag.ts';
import type { Locale } from '../i18n/locale.ts';
import type { MappingProblem } from '../mapping/mapping-problem.ts';
import type { CellIssue } from '../rows/cell-issue.ts';
import type { WritePlanWire } from '../write-plan/plan-wire.ts';
import type { TabCounts } from './tab-counts.ts';

/** An unreadable cell as the answer reports it: its place, what it held, and why, in the answer's locale. */
export type IssueWire = Omit<CellIssue, 'code'> & { readonly message: string };

export interface SyncSummaryWire {
  readonly tabs: readonly TabCounts[];
  readonly flagCounts: Readonly<Partial<Record<FlagCode, number>>>;
  readonly cellsWritten: number;
  /** Every unreadable cell, though `issues` lists only the first ones. */
  readonly issueCount: number;
  readonly issues: readonly IssueWire[];
  readonly mappingProblems: readonly MappingProblem[];
  readonly settingsProblems: readonly string[];
}

/**
 * The push sync's answer, as JSON (the recompute route answers the same): the service builds it,
 * the add-on applies its plan and reports its summary.
 */
export interface PushSyncAnswer {
  /** Null for a dry run. */
  readonly runId: string | null;
  /** The business date the flags were computed for, in the spreadsheet's time zone. */
  readonly asOf: string;
  readonly dryRun: boolean;
  readonly locale: Locale;
  readonly plan: WritePlanWire;
  readonly summary: SyncSummaryWire;
}
