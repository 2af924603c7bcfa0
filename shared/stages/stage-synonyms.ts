import { DEFAULT_STAGES, STAGE_CODES, type StageCode } from './stage.ts';

// What Japanese and English sales sheets commonly write for each canonical stage.
const COMMON_LABELS: Readonly<Record<StageCode, readonly string[]>> = {
  lead: ['リード', '見込み', '見込', '新規', 'Lead', 'New'],
  nurturing: ['育成', '育成中', 'ナーチャリング', 'Nurturing', 'Nurture'],
  proposal: ['提案', '提案中', 'ヒアリング', '商談中', 'Proposal', 'Prospecting'],
  quote: ['見積', '見積提出', '見積中', '見積済', '見積もり', '見積り', 'Quote', 'Quoted'],
  closing: [
    'クロージング',
    '交渉',
    '交渉中',
    '最終交渉',
    '稟議中',
    '契約手続き',
    '契約手続中',
    'Negotiation',
    'Closing',
  ],
  won: ['受注', '成約', '契約', '受注済', '契約済', 'Won', 'Closed Won'],
  expansion: [
    'アップセル',
    'クロスセル',
    'アップセル・クロスセル',
    '追加提案',
    'Expansion',
    'Upsell',
    'Cross-sell',
  ],
  lost: ['失注', '見送り', '不成立', 'Lost', 'Closed Lost', 'Dropped'],
};

// Built-in labels per canonical stage: the common synonyms, the default label and the code.
export const STAGE_SYNONYMS: Readonly<Record<StageCode, readonly string[]>> = Object.freeze(
  Object.fromEntries(
    STAGE_CODES.map((code) => [
      code,
      Object.freeze([
        ...COMMON_LABELS[code],
        ...DEFAULT_STAGES.filter((stage) => stage.code === code).map((stage) => stage.label),
        code,
      ]),
    ]),
  ) as Record<StageCode, readonly string[]>,
);
