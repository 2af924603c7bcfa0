import type { Message } from '../../../shared/i18n/locale.ts';

export const VISIT_MESSAGES = {
  dateRequired: { ja: '日付を YYYY-MM-DD で入力してください(例: 2026-11-20)。', en: 'Enter a date as YYYY-MM-DD (e.g. 2026-11-20).' },
  ballInvalid: { ja: '「自社」か「顧客」を選んでください。', en: 'Choose "us" or "customer".' },
  subjectRequired: { ja: '案件か顧客名を指定してください。', en: 'Name the deal or the account.' },
  nextBeforeVisit: { ja: '次回予定日が訪問日より前です。', en: 'The next action date is before the visit.' },
  refused: { ja: '入力内容を確認してください: {message}', en: 'Please check the form: {message}' },
} as const satisfies Record<string, Message>;
