import type { Message } from '../../../shared/i18n/locale.ts';

export const SETUP_MESSAGES = {
  dealsTabRequired: { ja: '案件の一覧があるシートを選んでください。', en: 'Choose the tab that lists your deals.' },
  kindTwice: { ja: '同じ種類のシートが2回選ばれています。', en: 'This kind of tab was chosen twice.' },
  sheetTwice: { ja: 'このシートは「{other}」にも選ばれています。', en: 'This tab is also chosen as the {other} tab.' },
  sheetMissing: { ja: 'シート「{sheet}」が見つかりません。', en: 'There is no tab named "{sheet}".' },
  headerRowInvalid: { ja: '見出し行は 1〜{max} 行目から選んでください。', en: 'Choose a header row from 1 to {max}.' },
  fieldUnknown: { ja: '「{field}」はこのシートの項目ではありません。', en: '"{field}" is not a field of this tab.' },
  columnOutside: { ja: '{column}列は見出し行の外です。', en: 'Column {column} is outside the header row.' },
  columnNoHeader: { ja: '{column}列には見出しがありません。見出しのある列を選んでください。', en: 'Column {column} has no header. Choose a column with a header.' },
  columnService: { ja: '{column}列はアドオンの列([SFA])です。', en: 'Column {column} is one of the add-on\'s own columns ([SFA]).' },
  columnTwice: { ja: '{column}列は「{other}」にも使われています。', en: 'Column {column} is also used for "{other}".' },
  headerRepeated: { ja: '見出し「{header}」の列が複数あります({columns}列)。見出しを区別できる列を選んでください。', en: 'Several columns are headed "{header}" ({columns}). Choose a column whose header is unique.' },
  requiredMissing: { ja: '必須の項目を選んでください: {fields}', en: 'Choose the required fields: {fields}' },
  stageInvalid: { ja: '「{label}」の対応するステージを選んでください。', en: 'Choose the stage "{label}" stands for.' },
  thresholdInvalid: { ja: '日数は 1 以上の整数で入力してください(終了ステージは空欄)。', en: 'Enter a whole number of days from 1 (blank for final stages).' },
  refused: { ja: '設定を保存できません。赤字の項目を確認してください。', en: 'The set-up cannot be saved yet: check the fields marked in red.' },
  keptWithoutTriggers: {
    ja: '設定は保存しましたが、自動同期を設定できませんでした: {message}',
    en: 'The set-up was saved, but automatic sync could not be set: {message}',
  },
  keptAfterSyncError: { ja: '設定は保存しました。最初の同期はできませんでした: {message}', en: 'The set-up was saved, but the first sync failed: {message}' },
  or: { ja: ' または ', en: ' or ' },
  and: { ja: '・', en: ', ' },
} as const satisfies Record<string, Message>;

/** Names of the tabs set-up creates when a team has none, in Japanese as their headers. */
export const NEW_TAB_NAMES = {
  visits: '訪問記録',
  requests: '特別対応申請',
} as const;
