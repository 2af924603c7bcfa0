import type { Message } from '../../../shared/i18n/locale.ts';

export const DEAL_CARD_MESSAGES = {
  notOnDealRow: {
    ja: '「{sheet}」シートの案件の行(見出しより下)を選択してから、もう一度開いてください。',
    en: 'Select a deal row on the "{sheet}" tab (below its header), then try again.',
  },
  notSynced: {
    ja: 'この行はまだ同期されていません。「今すぐ同期」を実行してから開いてください。',
    en: 'This row has not been synced yet. Run "Sync now", then open it again.',
  },
  unknownDeal: {
    ja: 'この行の案件はサービスにまだありません。「今すぐ同期」を実行してください。',
    en: 'The service does not know this row\'s deal yet. Run "Sync now".',
  },
} as const satisfies Record<string, Message>;
