import type { Message } from '../i18n/locale.ts';
import type { TabKind } from '../records/tab-kind.ts';

/** Columns the service owns. Everything else in a sheet belongs to the team. */
export const SERVICE_COLUMN_KEYS = [
  'id',
  'stageEnteredOn',
  'daysInStage',
  'ballDays',
  'flags',
  'flagReasons',
  'status',
  'approver',
  'decidedOn',
  'decisionComment',
  'cost',
] as const;
export type ServiceColumnKey = (typeof SERVICE_COLUMN_KEYS)[number];

/** Appended to every header the service writes, so users (and the sync) can tell them apart. */
export const SERVICE_MARKER = '[SFA]';

export const SERVICE_COLUMN_LABELS: Readonly<Record<ServiceColumnKey, Message>> = {
  id: { ja: 'ID', en: 'ID' },
  stageEnteredOn: { ja: 'ステージ開始日', en: 'Stage since' },
  daysInStage: { ja: '滞留日数', en: 'Days in stage' },
  ballDays: { ja: 'ボール滞留日数', en: 'Days with customer' },
  flags: { ja: 'フラグ', en: 'Flags' },
  flagReasons: { ja: 'フラグ理由', en: 'Flag reasons' },
  status: { ja: '状況', en: 'Status' },
  approver: { ja: '承認者', en: 'Approver' },
  decidedOn: { ja: '決裁日', en: 'Decided on' },
  decisionComment: { ja: 'コメント', en: 'Comment' },
  cost: { ja: '費用見積', en: 'Cost estimate' },
};

/** Which service columns each kind of tab gets, in the order they are appended. */
export const SERVICE_COLUMNS_BY_KIND: Readonly<Record<TabKind, readonly ServiceColumnKey[]>> = {
  deals: ['id', 'stageEnteredOn', 'daysInStage', 'ballDays', 'flags', 'flagReasons'],
  visits: ['id'],
  // The requests tab mirrors Postgres: the workflow's status, who decided (or whom it awaits),
  // when, why, the cost the route was fixed on, and the request's flags.
  requests: ['id', 'status', 'approver', 'decidedOn', 'decisionComment', 'cost', 'flags', 'flagReasons'],
};

const MARKER_RE = /\s*\[SFA\]\s*$/i;

/** The service column a header names, in either language, or null for a team's own header. */
export function serviceColumnOfHeader(header: string): ServiceColumnKey | null {
  const text = header.normalize('NFKC').trim();
  if (!MARKER_RE.test(text)) return null;
  const label = text.replace(MARKER_RE, '').toLowerCase();
  for (const key of SERVICE_COLUMN_KEYS) {
    const names = SERVICE_COLUMN_LABELS[key];
    if (names.ja.toLowerCase() === label || names.en.toLowerCase() === label) return key;
  }
  return null;
}

export function serviceHeader(key: ServiceColumnKey, locale: keyof Message): string {
  return `${SERVICE_COLUMN_LABELS[key][locale]} ${SERVICE_MARKER}`;
}
