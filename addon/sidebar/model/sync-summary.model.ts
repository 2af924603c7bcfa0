import type { Locale } from '../../../shared/i18n/locale.ts';
import type { SyncIssueView, SyncOutcome } from '../../src/rpc/sidebar-rpc.ts';
import { tr } from '../messages.ts';
import { formatSeconds } from './format.ts';

/** One sentence saying what a sync did. */
export function syncSummary(outcome: SyncOutcome, locale: Locale): string {
  return tr(locale, 'syncSummary', {
    rows: outcome.rowsRead,
    inserted: outcome.inserted,
    updated: outcome.updated,
    removed: outcome.removed,
    cells: outcome.cellsWritten,
    duration: formatSeconds(outcome.durationMs, locale),
  });
}

/** The heading of the cells a sync could not read: how many, and how many of them are listed when the service sent only the first. */
export function issuesHeading(outcome: SyncOutcome, locale: Locale): string {
  const shown = outcome.issues.length;
  return outcome.issueCount > shown ? tr(locale, 'syncIssuesTruncated', { count: outcome.issueCount, shown }) : tr(locale, 'syncIssues', { count: shown });
}

/** Where a cell the sync could not read sits: `案件 12行目 C列`, `Deals row 12, column C`. */
export function issueWhere(issue: SyncIssueView, locale: Locale): string {
  const params = { sheet: issue.sheet, row: issue.row, column: issue.column };
  return /^[A-Z]{1,3}$/.test(issue.column) ? tr(locale, 'issueAtLetter', params) : tr(locale, 'issueAtHeader', params);
}
