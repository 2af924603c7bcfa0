import type { Message } from '../../../shared/i18n/locale.ts';

export const SETTINGS_MESSAGES = {
  locale: { ja: '日本語か English を選んでください。', en: 'Choose 日本語 or English.' },
  toggle: { ja: 'オンかオフを選んでください。', en: 'Choose on or off.' },
  staleAfterDays: { ja: '日数は 1〜3650 の整数で入力してください(終了ステージは空欄)。', en: 'Enter a whole number of days from 1 to 3650 (blank for final stages).' },
  ballFollowUpDays: { ja: '日数は 0〜3650 の整数で入力してください。', en: 'Enter a whole number of days from 0 to 3650.' },
  warningRatio: { ja: '0 より大きく 1 以下の数で入力してください(例: 0.8 で基準の8割)。', en: 'Enter a number above 0 and at most 1 (0.8 warns at 80% of the limit).' },
  refused: { ja: '設定を保存できません。赤字の項目を確認してください。', en: 'The settings cannot be saved: check the fields marked in red.' },
  triggersFailed: { ja: '設定は保存しましたが、自動同期を設定できませんでした: {message}', en: 'The settings were saved, but automatic sync could not be set: {message}' },
} as const satisfies Record<string, Message>;
