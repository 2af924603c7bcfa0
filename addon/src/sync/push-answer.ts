// The parts of the push sync's answer (server/push-sync/sync-response.ts) the add-on reads.
import type { WritePlanWire } from '../../../shared/write-plan/plan-wire.ts';

export interface PushTabSummary {
  readonly kind: 'deals' | 'visits' | 'requests';
  readonly sheet: string;
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly reissued: number;
}

export interface PushIssue {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly header: string;
  readonly field: string;
  readonly value: string;
  readonly message: string;
}

export interface PushSyncAnswer {
  readonly runId: string | null;
  readonly asOf: string;
  readonly dryRun: boolean;
  readonly locale: 'ja' | 'en';
  readonly plan: WritePlanWire;
  readonly summary: {
    readonly tabs: readonly PushTabSummary[];
    readonly flagCounts: Readonly<Partial<Record<string, number>>>;
    readonly cellsWritten: number;
    readonly issueCount: number;
    readonly issues: readonly PushIssue[];
  };
}
