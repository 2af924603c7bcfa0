import { format, type Locale, type Message } from '../i18n/locale.ts';
import type { Flag, FlagCode } from './flag.ts';

export interface FlagMessage {
  /** Short text for the flag column managers filter on. */
  readonly label: Message;
  /** Why it was raised, filled from the flag's params. */
  readonly reason: Message;
}

export const FLAG_MESSAGES: Readonly<Record<FlagCode, FlagMessage>> = Object.freeze({
  stale: {
    label: { ja: '停滞', en: 'Stale' },
    reason: {
      ja: '{stage}に{days}日滞留(基準{threshold}日)',
      en: '{days}d in {stage} (limit {threshold}d)',
    },
  },
  stale_warning: {
    // Must not contain the stale label: filters and highlights match by "contains".
    label: { ja: '滞留注意', en: 'Aging' },
    reason: {
      ja: '{stage}に{days}日滞留(基準{threshold}日に接近)',
      en: '{days}d in {stage}, nearing the {threshold}d limit',
    },
  },
  ball_follow_up: {
    label: { ja: 'ボール滞留', en: 'Ball with customer' },
    reason: {
      ja: 'ボールが顧客側に{days}日({since}から、基準{threshold}日)',
      en: 'Ball with the customer for {days}d (since {since}, limit {threshold}d)',
    },
  },
  next_action_overdue: {
    label: { ja: '期限切れ', en: 'Overdue' },
    reason: {
      ja: '次回アクション期日{date}を{days}日超過',
      en: 'Next action was due {date} ({days}d overdue)',
    },
  },
  handoff_unattended: {
    label: { ja: '引継ぎ放置', en: 'Hand-off unattended' },
    reason: {
      ja: '{from}→{to}の引継ぎ後{days}日訪問なし',
      en: 'No visit for {days}d since the hand-off from {from} to {to}',
    },
  },
  cost_review: {
    // The same text every request cost flag starts with, so one filter finds deals and requests.
    label: { ja: '要コスト確認', en: 'Cost review' },
    reason: {
      ja: '特別依頼{count}件(見積計{total})のコストが要確認',
      en: '{count} special request(s) (estimated {total} in all) need a cost review',
    },
  },
  unknown_stage: {
    label: { ja: 'ステージ不明', en: 'Unknown stage' },
    reason: {
      ja: 'ステージ「{label}」が定義にない',
      en: 'Stage "{label}" is not a known stage',
    },
  },
  no_owner: {
    label: { ja: '担当未設定', en: 'No owner' },
    reason: { ja: '担当者が未入力', en: 'No owner entered' },
  },
  bad_cells: {
    label: { ja: '入力エラー', en: 'Bad cells' },
    reason: { ja: '読み取れないセルが{count}件', en: '{count} cell(s) could not be read' },
  },
  status_tampered: {
    label: { ja: '状況改ざん', en: 'Status edited by hand' },
    reason: {
      ja: '状況に「{typed}」が手入力された(入力者: {who})。承認状況はシステムの記録に戻した',
      en: 'Status "{typed}" was typed by hand (by: {who}); set back to what the approvals record says',
    },
  },
});

/** One flag's label and reason in one locale. */
export function flagText(flag: Flag, locale: Locale): { label: string; reason: string } {
  const message = FLAG_MESSAGES[flag.code];
  return { label: message.label[locale], reason: format(message.reason[locale], flag.params) };
}

/** The flag column's labels (joined with `, `) and reasons (joined with `; `) in one locale. */
export function renderFlags(
  flags: readonly Flag[],
  locale: Locale,
): { labels: string; reasons: string } {
  const texts = flags.map((f) => flagText(f, locale));
  return { labels: texts.map((t) => t.label).join(', '), reasons: texts.map((t) => t.reason).join('; ') };
}
