import type { Message } from '../../../shared/i18n/locale.ts';

export const REQUEST_MESSAGES = {
  typeInvalid: { ja: '申請種別を選んでください。', en: 'Choose the request type.' },
  backgroundRequired: { ja: '背景(お客様がなぜそれを求めるのか)を入力してください。', en: 'Enter the background: why the customer asks for it.' },
  descriptionRequired: { ja: '依頼内容を入力してください。', en: 'Enter what the customer asks for.' },
  subjectRequired: { ja: '案件か顧客名を指定してください。', en: 'Name the deal or the account.' },
  costInvalid: { ja: 'コストの入力を確認してください: {problems}', en: 'Check the cost: {problems}' },
  refused: { ja: '入力内容を確認してください: {message}', en: 'Please check the form: {message}' },
} as const satisfies Record<string, Message>;
