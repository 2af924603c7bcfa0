import type { SyncOutcome } from '../../src/rpc/sidebar-rpc.ts';
import { h, uid } from '../dom/h.ts';
import { currentLocale, t } from '../messages.ts';
import { issuesHeading, issueWhere, syncSummary } from '../model/sync-summary.model.ts';

/** What a sync did, and each cell it could not read (sheet, row, column, why). */
export function syncResult(outcome: SyncOutcome): HTMLElement[] {
  const locale = currentLocale();
  const out: HTMLElement[] = [h('p', { class: 'notice-line' }, [syncSummary(outcome, locale)])];
  if (outcome.flaggedDeals > 0) out.push(h('p', { class: 'notice-line' }, [t('syncFlagged', { count: outcome.flaggedDeals })]));
  if (outcome.deferred > 0) out.push(h('p', { class: 'notice-line' }, [t('syncDeferred', { count: outcome.deferred })]));
  if (outcome.issueCount === 0) {
    out.push(h('p', { class: 'notice-line muted' }, [t('syncNoIssues')]));
    return out;
  }
  const id = uid('issues');
  out.push(
    h('details', { class: 'issues', open: outcome.issues.length <= 5 }, [
      h('summary', { id }, [issuesHeading(outcome, locale)]),
      h(
        'ul',
        { class: 'issue-list', 'aria-labelledby': id },
        outcome.issues.map((issue) => h('li', {}, [h('span', { class: 'issue-where' }, [issueWhere(issue, locale)]), h('span', { class: 'issue-message' }, [issue.message])])),
      ),
    ]),
  );
  return out;
}
