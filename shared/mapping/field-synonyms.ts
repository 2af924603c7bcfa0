import type { FieldOf, TabKind } from '../records/tab-kind.ts';

type SynonymTable<K extends TabKind> = Readonly<Record<FieldOf<K>, readonly string[]>>;

// Headers as teams actually write them, Japanese and English. Compared after normalizeHeader,
// so case, width and spacing do not matter. The first entry is the header we create ourselves.
const DEAL_SYNONYMS: SynonymTable<'deals'> = {
  account: ['顧客名', '取引先', '取引先名', '会社名', '企業名', '顧客', 'お客様', 'お客様名', '得意先', '得意先名', 'Account', 'Account name', 'Customer', 'Company', 'Client'],
  title: ['案件名', '商談名', '件名', '案件', '商談', 'Deal', 'Deal name', 'Opportunity', 'Opportunity name', 'Title'],
  stage: ['ステージ', 'フェーズ', '進捗', '進捗状況', '状況', 'ステータス', '商談ステージ', 'Stage', 'Status', 'Phase', 'Deal stage'],
  stageChangedOn: ['ステージ変更日', 'フェーズ変更日', 'ステージ更新日', '進捗更新日', 'ステージ移行日', 'Stage changed', 'Stage date', 'Stage changed on', 'Stage since'],
  owner: ['担当者', '担当', '営業担当', '担当営業', '営業担当者', '営業', 'Owner', 'Sales agent', 'Sales rep', 'Rep', 'Deal owner'],
  team: ['チーム', '部署', '所属', '担当チーム', 'Team'],
  amount: ['金額', '見積金額', '受注金額', '売上', '売上見込', '案件金額', '予定金額', 'Amount', 'Value', 'Deal value', 'Deal amount'],
  grossMargin: ['粗利', '粗利額', '粗利益', '見込粗利', 'Gross margin', 'Margin', 'GP', 'Gross profit'],
  probability: ['確度', '受注確度', '確率', '受注確率', 'ランク', 'Probability', 'Likelihood', 'Win probability'],
  quoteSentOn: ['見積提出日', '見積日', '見積送付日', '見積書提出日', 'Quote sent', 'Quote sent on', 'Quote date'],
  ball: ['ボール', 'ボール保持', 'ボール所在', 'ボールの所在', 'Ball', 'Ball with', 'Waiting on'],
  lastContactOn: ['最終接触日', '最終訪問日', '最終コンタクト日', '最終連絡日', '最終活動日', 'Last contact', 'Last contacted', 'Last activity'],
  nextAction: ['次回アクション', 'ネクストアクション', '次のアクション', '次回対応', 'Next action', 'Next step'],
  nextActionOn: ['次回アクション日', '次回予定日', '次回日程', '次回期限', 'ネクストアクション日', 'Next action date', 'Next step date', 'Next action on', 'Due date'],
  expectedCloseOn: ['受注予定日', 'クロージング予定日', '成約予定日', '契約予定日', 'Expected close', 'Close date', 'Expected close date'],
  createdOn: ['登録日', '作成日', '起票日', '発生日', '案件登録日', 'Created', 'Created on', 'Created date'],
};

const VISIT_SYNONYMS: SynonymTable<'visits'> = {
  visitedOn: ['訪問日', '活動日', '面談日', '接触日', '実施日', '日付', 'Visit date', 'Visited on', 'Date', 'Activity date'],
  account: ['顧客名', '取引先', '取引先名', '会社名', '訪問先', '顧客', 'Account', 'Customer', 'Company'],
  dealTitle: ['案件名', '商談名', '件名', '案件', 'Deal', 'Opportunity'],
  owner: ['担当者', '担当', '営業担当', '訪問者', 'Owner', 'Rep', 'Sales rep'],
  met: ['面談者', '先方担当者', '先方出席者', 'お会いした方', '面会者', 'Met', 'Contact', 'Customer attendees'],
  attendees: ['同行者', '当社出席者', '自社出席者', '同席者', 'Attendees', 'Our attendees'],
  discussed: ['商談内容', '内容', '議事', '面談内容', '活動内容', '訪問内容', 'Discussed', 'Summary', 'Notes'],
  customerAsked: ['お客様の要望', '顧客要望', '要望', 'お客様の声', '顧客の声', 'VOC', 'Customer asked', 'Customer requests', 'Voice of customer'],
  nextAction: ['次回アクション', 'ネクストアクション', '次のアクション', 'Next action', 'Next step'],
  nextActionOn: ['次回予定日', '次回アクション日', '次回日程', 'Next action date', 'Next step date'],
  ballAfter: ['ボール', 'ボール保持', 'ボール所在', 'Ball', 'Ball after'],
};

const REQUEST_SYNONYMS: SynonymTable<'requests'> = {
  requestedOn: ['申請日', '依頼日', '起票日', 'Requested on', 'Request date', 'Date'],
  type: ['申請種別', '種別', '申請区分', '区分', '対応種別', 'Type', 'Request type'],
  account: ['顧客名', '取引先', '取引先名', '会社名', '顧客', 'Account', 'Customer'],
  dealTitle: ['案件名', '商談名', '件名', '案件', 'Deal', 'Opportunity'],
  requester: ['申請者', '依頼者', '起票者', 'Requester', 'Requested by'],
  background: ['背景', '理由', '背景・理由', '申請理由', '経緯', 'Background', 'Reason'],
  description: ['依頼内容', '申請内容', '内容', '対応内容', 'Description', 'Details'],
  alternative: ['代替案', '代案', '検討した代替案', 'Alternative', 'Alternative considered'],
  estimatedCost: ['概算コスト', 'コスト', '概算費用', '費用', '見積コスト', 'Estimated cost', 'Cost'],
  status: ['ステータス', '状態', '承認状況', '進捗', 'Status'],
};

export const FIELD_SYNONYMS: { readonly [K in TabKind]: SynonymTable<K> } = {
  deals: DEAL_SYNONYMS,
  visits: VISIT_SYNONYMS,
  requests: REQUEST_SYNONYMS,
};

/** Tab names that hint at a kind; headers decide, the name only breaks ties. */
export const TAB_NAME_HINTS: Readonly<Record<TabKind, readonly string[]>> = {
  deals: ['案件', '商談', 'パイプライン', '営業管理', 'deal', 'pipeline', 'opportunit'],
  visits: ['訪問', '活動', '日報', '面談', 'visit', 'activit'],
  requests: ['申請', '特別対応', '稟議', '依頼', 'request', 'approval'],
};

/** The fields a tab of each kind must have for it to be recognised as that kind. */
export const REQUIRED_FIELDS: { readonly [K in TabKind]: readonly (readonly FieldOf<K>[])[] } = {
  // Each inner list is one acceptable set: all of its fields must be mapped.
  deals: [['title', 'stage'], ['account', 'stage']],
  visits: [['visitedOn', 'account'], ['visitedOn', 'dealTitle']],
  requests: [['background'], ['type', 'description']],
};
