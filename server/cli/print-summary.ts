import { FLAG_CODES } from '../../shared/flags/flag.ts';
import { FLAG_MESSAGES } from '../../shared/flags/flag-messages.ts';
import { format, type Locale, type MessageParams } from '../../shared/i18n/locale.ts';
import type { SyncReport } from '../sync/sync-report.ts';
import { CLI_MESSAGES } from './cli-messages.ts';
import { warningsOf } from './json-report.ts';

// The summary is for reading in a terminal; --json has every issue.
const MAX_ISSUES_SHOWN = 30;

/** The human summary printed after a sync, in the sheet's language unless told otherwise. */
export function summaryText(report: SyncReport, locale: Locale, paths: { output: string | null; backup: string | null }): string {
  const t = (key: keyof typeof CLI_MESSAGES, params: MessageParams = {}) => format(CLI_MESSAGES[key][locale], params);
  const lines: string[] = [t('title', { title: report.title, asOf: report.asOf })];
  if (report.dryRun) lines.push(t('dryRun'));

  lines.push('', t('tabsHeading'));
  for (const tab of report.tabs) {
    lines.push(t('tabLine', { ...tab }));
    if (tab.reissued > 0) lines.push(t('reissued', { count: tab.reissued }));
  }

  lines.push('', t('flagsHeading'));
  const raised = FLAG_CODES.filter((code) => report.flagCounts[code] > 0);
  if (raised.length === 0) lines.push(t('noFlags'));
  for (const code of raised) lines.push(t('flagLine', { label: FLAG_MESSAGES[code].label[locale], count: report.flagCounts[code] }));

  if (report.stalest.length > 0) {
    lines.push('', t('stalestHeading', { count: report.stalest.length }));
    for (const d of report.stalest) {
      lines.push(
        t('stalestLine', {
          row: d.row,
          account: d.account ?? '—',
          title: d.title ?? '—',
          stage: d.stage ?? '—',
          days: d.daysInStage,
          threshold: d.threshold,
          owner: d.owner ?? '—',
        }),
      );
    }
  }

  if (report.issues.length > 0) {
    lines.push('', t('issuesHeading', { count: report.issues.length }));
    for (const issue of report.issues.slice(0, MAX_ISSUES_SHOWN)) lines.push(t('issueLine', { ...issue }));
    if (report.issues.length > MAX_ISSUES_SHOWN) lines.push(t('moreIssues', { count: report.issues.length - MAX_ISSUES_SHOWN }));
  }

  const warnings = warningsOf(report);
  if (warnings.length > 0) lines.push('', t('warningsHeading'), ...warnings.map((w) => `  ${w}`));

  lines.push('', t(report.dryRun ? 'wouldWrite' : 'written', { count: report.cellsWritten }));
  if (paths.output !== null && !report.dryRun) lines.push(t('savedTo', { path: paths.output }));
  if (paths.backup !== null) lines.push(t('backup', { path: paths.backup }));
  lines.push(t('duration', { ms: report.durationMs }));
  return lines.join('\n');
}
