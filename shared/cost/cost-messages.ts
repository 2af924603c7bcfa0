import type { Message } from '../i18n/locale.ts';

/** Labels and details of cost lines; `{placeholders}` are filled by the estimate. */
export const COST_LINE_MESSAGES = Object.freeze({
  labourDetail: { ja: '{hours}時間 × {rate}/時', en: '{hours} h × {rate}/h' },
  directDetail: { ja: '直接費', en: 'Direct cost' },
  discountLabel: { ja: '値引き', en: 'Discount' },
  discountDetail: { ja: '顧客への値引き額', en: 'Given to the customer' },
  recurringLabel: { ja: '継続費用', en: 'Recurring cost' },
  recurringDetail: { ja: '{monthly}/月 × {months}か月', en: '{monthly}/month × {months} months' },
} satisfies Record<string, Message>);
