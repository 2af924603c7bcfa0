import type { Message } from '../../../shared/i18n/locale.ts';

export const FLAGGED_MESSAGES = {
  noFlagsColumn: {
    ja: '「{sheet}」シートにはまだフラグ列がありません。「今すぐ同期」を実行してください。',
    en: 'The "{sheet}" tab has no flags column yet. Run "Sync now" first.',
  },
  filterTooNarrow: {
    ja: '「{sheet}」シートの既存のフィルタ({range})がフラグ列({column}列)を含んでいません。フィルタの範囲を広げてから、もう一度実行してください。',
    en: 'The existing filter on "{sheet}" ({range}) does not include the flags column ({column}). Widen the filter, then try again.',
  },
} as const satisfies Record<string, Message>;
