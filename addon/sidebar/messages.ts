// The sidebar's own text in Japanese (the default) and English. Flag labels and reasons, cost
// lines and error messages from the add-on arrive already localised; this is everything else.
import { format, type Locale, type Message, type MessageParams } from '../../shared/i18n/locale.ts';

export const MESSAGES = {
  // Common
  loading: { ja: '読み込み中…', en: 'Loading…' },
  retry: { ja: '再試行', en: 'Try again' },
  reload: { ja: '再読み込み', en: 'Reload' },
  close: { ja: '閉じる', en: 'Close' },
  internalError: { ja: '予期しないエラーが発生しました: {detail}', en: 'Something went wrong: {detail}' },
  noScriptRunner: {
    ja: 'このページはスプレッドシートのサイドバーとして開いてください(google.script.run がありません)',
    en: 'Open this page as the spreadsheet’s sidebar (google.script.run is missing)',
  },
  checkFields: { ja: '入力内容を確認してください', en: 'Please check the highlighted fields' },
  offlineBanner: {
    ja: 'サービスに接続できません。初期設定と設定は使えます。',
    en: 'The service cannot be reached. Set-up and settings still work.',
  },
  notSetUpTitle: { ja: 'このシートはまだ設定されていません', en: 'This sheet is not set up yet' },
  notSetUpBody: {
    ja: '案件・訪問記録・申請のタブと列を確認して、初期設定を済ませてください。',
    en: 'Confirm the deals, visits and requests tabs and their columns first.',
  },
  startSetup: { ja: '初期設定を始める', en: 'Start set-up' },
  daysLabel: { ja: '{label}(日)', en: '{label} (days)' },

  // Dates, counts of days and durations (model/format.ts); names in CALENDAR_NAMES below
  dateLong: { ja: '{year}/{month}/{day}({weekday})', en: '{weekday}, {month} {day}, {year}' },
  instantShort: { ja: '{month}/{day} {time}', en: '{month} {day}, {time}' },
  daysOne: { ja: '{days}日', en: '{days} day' },
  daysMany: { ja: '{days}日', en: '{days} days' },
  seconds: { ja: '{seconds}秒', en: '{seconds} s' },
  listSeparator: { ja: '、', en: ', ' },

  // Header, tabs and sync
  viewsLabel: { ja: '表示の切り替え', en: 'Views' },
  tabDeal: { ja: '案件', en: 'Deal' },
  tabVisit: { ja: '訪問', en: 'Visit' },
  tabRequest: { ja: '申請', en: 'Request' },
  tabApprovals: { ja: '承認', en: 'Approvals' },
  tabSettings: { ja: '設定', en: 'Settings' },
  subnavLabel: { ja: '設定の種類', en: 'Kind of settings' },
  subnavSettings: { ja: '同期と表示', en: 'Sync & display' },
  subnavSetup: { ja: 'シートの対応', en: 'Sheet mapping' },
  syncNow: { ja: '今すぐ同期', en: 'Sync now' },
  autoSyncOff: { ja: 'あなたの自動同期はオフです', en: 'Your automatic sync is off' },
  openSettings: { ja: '設定を開く', en: 'Open settings' },
  syncing: { ja: '同期中…', en: 'Syncing…' },
  syncDone: { ja: '同期しました', en: 'Synced' },
  syncSummary: {
    ja: '{rows}行を読み込み、新規{inserted}・更新{updated}・削除{removed}、{cells}セルを書き込みました({duration})',
    en: 'Read {rows} rows: {inserted} new, {updated} updated, {removed} removed; wrote {cells} cells ({duration})',
  },
  syncFlagged: { ja: '要注意の案件: {count}件', en: 'Flagged deals: {count}' },
  syncDeferred: {
    ja: '{count}セルは同期中に行が移動したため、次回の同期で書き込みます',
    en: '{count} cells moved during the sync; the next sync writes them',
  },
  syncIssues: { ja: '読み取れなかったセル({count}件)', en: 'Cells that could not be read ({count})' },
  syncIssuesTruncated: { ja: '読み取れなかったセル({count}件中{shown}件)', en: 'Cells that could not be read ({shown} of {count})' },
  syncNoIssues: { ja: '読み取れなかったセルはありません', en: 'Every cell could be read' },
  issueAtLetter: { ja: '{sheet} {row}行目 {column}列', en: '{sheet} row {row}, column {column}' },
  issueAtHeader: { ja: '{sheet} {row}行目「{column}」', en: '{sheet} row {row}, “{column}”' },

  // Deal card
  refresh: { ja: '更新', en: 'Refresh' },
  refreshed: { ja: '最新の内容に更新しました', en: 'Updated' },
  refreshHint: { ja: '選択中の行が変わったら「更新」を押してください', en: 'Selected another row? Press Refresh.' },
  showFlagged: { ja: 'フラグ行を表示', en: 'Show flagged' },
  flaggedShown: { ja: '「{sheet}」でフラグのある{count}行を表示しました', en: 'Showing {count} flagged rows on “{sheet}”' },
  untitledDeal: { ja: '(案件名なし)', en: '(untitled deal)' },
  rowOf: { ja: '{sheet} {row}行目', en: '{sheet}, row {row}' },
  stage: { ja: 'ステージ', en: 'Stage' },
  noStage: { ja: '未設定', en: 'Not set' },
  daysInStage: { ja: '滞留 {days}', en: '{days} in stage' },
  since: { ja: '{date}から', en: 'since {date}' },
  ball: { ja: 'ボール', en: 'Ball' },
  ballUs: { ja: '自社', en: 'Us' },
  ballCustomer: { ja: 'お客様', en: 'Customer' },
  ballUnknown: { ja: '不明', en: 'Unknown' },
  nextAction: { ja: '次のアクション', en: 'Next action' },
  notSet: { ja: '未設定', en: 'Not set' },
  due: { ja: '期日 {date}', en: 'due {date}' },
  overdue: { ja: '期限切れ', en: 'Overdue' },
  flags: { ja: 'フラグ', en: 'Flags' },
  noFlags: { ja: 'フラグはありません', en: 'No flags' },
  recentVisits: { ja: '最近の訪問', en: 'Recent visits' },
  noVisits: { ja: '訪問記録はまだありません', en: 'No visits yet' },
  feed: { ja: 'フィード', en: 'Feed' },
  noFeed: { ja: '更新情報はありません', en: 'No updates yet' },
  logVisit: { ja: '訪問を記録', en: 'Log a visit' },
  newRequest: { ja: '申請を作成', en: 'New request' },
  visitMetLine: { ja: '面談: {text}', en: 'Met: {text}' },
  visitAskedLine: { ja: '要望: {text}', en: 'Asked: {text}' },
  visitNextLine: { ja: '次: {text}', en: 'Next: {text}' },
  noDealRowTitle: { ja: '案件の行が選択されていません', en: 'No deal row is selected' },
  noDealRowBody: {
    ja: '案件タブの行を選んでから「更新」を押してください。',
    en: 'Select a row on the deals tab, then press Refresh.',
  },
  account: { ja: '顧客', en: 'Account' },
  owner: { ja: '担当', en: 'Owner' },

  // Visit form
  visitHeading: { ja: '訪問を記録', en: 'Log a visit' },
  visitedOn: { ja: '訪問日', en: 'Date' },
  visitDeal: { ja: '案件', en: 'Deal' },
  visitDealLinked: { ja: '選択中の行の案件に記録します', en: 'Logged against the selected deal row' },
  visitDealFree: { ja: '案件名と顧客で案件を探します(空欄なら顧客のみ)', en: 'Matched to a deal by title and account (or the account only)' },
  visitMet: { ja: '面談者(お客様側)', en: 'Met (customer side)' },
  visitAttendees: { ja: '同行者(自社)', en: 'Our attendees' },
  visitDiscussed: { ja: '話した内容', en: 'Discussed' },
  visitAsked: { ja: 'お客様の要望', en: 'Customer asked for' },
  visitNextAction: { ja: '次のアクション', en: 'Next action' },
  visitNextActionOn: { ja: '次のアクションの期日', en: 'Next action due' },
  ballAfter: { ja: '訪問後のボール', en: 'Ball after the visit' },
  ballKeep: { ja: '変えない', en: 'No change' },
  ballNow: { ja: '現在: {who}', en: 'Now: {who}' },
  saveVisit: { ja: '記録する', en: 'Save visit' },
  visitSaved: { ja: '訪問記録を保存しました', en: 'Visit saved' },
  cellsWritten: { ja: 'シートに{count}セルを書き込みました', en: 'Wrote {count} cells to the sheet' },
  visitDeferred: {
    ja: '行が移動したため{count}セルは次回の同期で書き込みます',
    en: '{count} cells will be written by the next sync (their row moved)',
  },
  visitNoCard: { ja: '案件に紐付けずに記録しました', en: 'Saved without a deal' },
  logAnother: { ja: '続けて記録', en: 'Log another' },
  errDateRequired: { ja: '日付を入力してください', en: 'Enter a date' },
  errDateInvalid: { ja: '日付は YYYY-MM-DD で入力してください', en: 'Enter the date as YYYY-MM-DD' },
  errFuture: { ja: '未来の日付は記録できません(今日は {today})', en: 'The visit cannot be in the future (today is {today})' },
  errNextBefore: { ja: '期日は訪問日以降にしてください', en: 'The due date cannot be before the visit' },
  errAccountRequired: {
    ja: '案件の行を選んでいないときは顧客名を入力してください',
    en: 'Enter the account when no deal row is selected',
  },
  errTooLong: { ja: '{max}文字以内で入力してください', en: 'At most {max} characters' },

  // Request form
  requestHeading: { ja: '特別対応の申請', en: 'Special request' },
  requestDealLine: { ja: '案件: {deal}', en: 'Deal: {deal}' },
  requestAccount: { ja: '顧客', en: 'Account' },
  requestType: { ja: '種類', en: 'Type' },
  chooseOne: { ja: '選んでください', en: 'Choose…' },
  background: { ja: '背景(お客様がなぜ求めているか)', en: 'Background (why the customer asks)' },
  backgroundCount: { ja: '{chars}文字 / {min}文字以上', en: '{chars} / at least {min} characters' },
  description: { ja: '依頼内容', en: 'What is asked' },
  alternative: { ja: '検討した代替案', en: 'Alternative considered' },
  alternativeHint: { ja: 'もっと費用のかからない方法はありませんか', en: 'Is there a cheaper way?' },
  costHeading: { ja: '費用', en: 'Cost' },
  hoursHeading: { ja: '作業時間', en: 'Work hours' },
  roleN: { ja: '役割 {n}', en: 'Role {n}' },
  hoursN: { ja: '時間 {n}', en: 'Hours {n}' },
  hoursPlaceholder: { ja: '時間', en: 'hours' },
  addRole: { ja: '役割を追加', en: 'Add a role' },
  removeLine: { ja: '{n}行目を削除', en: 'Remove line {n}' },
  directHeading: { ja: '直接費', en: 'Direct costs' },
  directLabelN: { ja: '直接費 {n} の内容', en: 'Direct cost {n}: what for' },
  directAmountN: { ja: '直接費 {n} の金額(円)', en: 'Direct cost {n}: amount (¥)' },
  directLabelPlaceholder: { ja: '内容', en: 'what for' },
  amountPlaceholder: { ja: '金額(円)', en: 'amount (¥)' },
  addDirect: { ja: '直接費を追加', en: 'Add a direct cost' },
  discount: { ja: '値引き額(円)', en: 'Discount (¥)' },
  recurringHeading: { ja: '継続費用', en: 'Recurring cost' },
  monthly: { ja: '月額(円)', en: 'Monthly (¥)' },
  months: { ja: '月数', en: 'Months' },
  estimateHeading: { ja: '見積', en: 'Estimate' },
  estimateEmpty: { ja: '費用の入力はまだありません', en: 'No cost entered yet' },
  total: { ja: '合計', en: 'Total' },
  approvalRoute: { ja: '承認ルート', en: 'Approval route' },
  estimateInvalid: { ja: '費用の入力に誤りがあります', en: 'Some cost entries need fixing' },
  saveDraft: { ja: '下書き保存', en: 'Save draft' },
  submitRequest: { ja: '申請する', en: 'Submit' },
  requestFiled: { ja: '申請しました', en: 'Request submitted' },
  requestDrafted: { ja: '下書きを保存しました', en: 'Draft saved' },
  requestState: { ja: '状態', en: 'State' },
  newRequestAgain: { ja: '新しい申請', en: 'Another request' },
  policyUnavailable: {
    ja: 'サービスに接続できないため、費用の見積と申請ができません。',
    en: 'The service cannot be reached, so costs cannot be estimated and requests cannot be filed.',
  },
  errTypeRequired: { ja: '種類を選んでください', en: 'Choose the type' },
  errBackgroundRequired: {
    ja: '背景を入力してください(判断の前に必要です)',
    en: 'Enter the background: it is needed before the request can be judged',
  },
  errBackgroundShort: {
    ja: '背景が{chars}文字です。{min}文字以上で書いてください',
    en: 'The background has {chars} characters: write at least {min}',
  },
  errDescriptionRequired: { ja: '依頼内容を入力してください', en: 'Say what the customer asks for' },
  errNumber: { ja: '数値で入力してください', en: 'Enter a number' },
  errNotNegative: { ja: '0以上で入力してください', en: 'Must not be negative' },
  errHoursMax: { ja: '1行あたり{max}時間までです', en: 'At most {max} hours per line' },
  errRoleRequired: { ja: '役割を選んでください', en: 'Choose a role' },
  errHoursRequired: { ja: '時間を入力してください', en: 'Enter the hours' },
  errDirectLabelRequired: { ja: '内容を入力してください', en: 'Say what the cost is for' },
  errAmountRequired: { ja: '金額を入力してください', en: 'Enter the amount' },
  errMonthlyRequired: { ja: '月額を入力してください', en: 'Enter the monthly cost' },
  errMonths: { ja: '1〜{max}の整数で入力してください', en: 'A whole number from 1 to {max}' },

  // Approval queue
  approvalsHeading: { ja: '承認待ちの申請', en: 'Awaiting a decision' },
  approvalsEmpty: { ja: '承認待ちの申請はありません', en: 'Nothing is awaiting a decision' },
  requester: { ja: '申請者', en: 'Requester' },
  costBreakdown: { ja: '費用の内訳', en: 'Cost breakdown' },
  approvalSteps: { ja: '承認ステップ', en: 'Approval steps' },
  currentStep: { ja: '現在', en: 'now' },
  winWinHeading: { ja: '取引バランス(過去{months}か月)', en: 'Win-win balance (last {months} months)' },
  specialCost: { ja: '特別対応費', en: 'Special-handling cost' },
  wonRevenue: { ja: '受注額', en: 'Won revenue' },
  share: { ja: '比率', en: 'Share' },
  shareVsThreshold: { ja: '{share}(基準 {threshold})', en: '{share} (threshold {threshold})' },
  noRevenue: { ja: '受注実績なし', en: 'Nothing won' },
  overThreshold: { ja: '基準超過', en: 'Over threshold' },
  backgroundLabel: { ja: '背景', en: 'Background' },
  descriptionLabel: { ja: '依頼内容', en: 'What is asked' },
  alternativeLabel: { ja: '検討した代替案', en: 'Alternative considered' },
  notWritten: { ja: '未記入', en: 'Not given' },
  comment: { ja: 'コメント', en: 'Comment' },
  commentHint: { ja: '却下・差戻しには理由が必要です', en: 'Required to reject or return' },
  actionApprove: { ja: '承認', en: 'Approve' },
  actionReject: { ja: '却下', en: 'Reject' },
  actionReturn: { ja: '差戻し', en: 'Return' },
  decidedApprove: { ja: '承認しました', en: 'Approved' },
  decidedReject: { ja: '却下しました', en: 'Rejected' },
  decidedReturn: { ja: '差戻しました', en: 'Returned' },
  errCommentRequired: { ja: '「{action}」には理由のコメントが必要です', en: 'Say why in a comment to {action}' },
  conflictReloaded: {
    ja: '他の人が先に判断しました。最新の内容を読み込み直しました。',
    en: 'Someone decided first. The list has been reloaded.',
  },

  // Set-up
  setupHeading: { ja: 'シートの初期設定', en: 'Set up this sheet' },
  setupIntro: {
    ja: '今の列をそのまま使います。列の並べ替えや名前の変更はしません。',
    en: 'Your columns stay where they are: nothing is moved or renamed.',
  },
  tabKindDeals: { ja: '案件タブ', en: 'Deals tab' },
  tabKindVisits: { ja: '訪問記録タブ', en: 'Visits tab' },
  tabKindRequests: { ja: '申請タブ', en: 'Requests tab' },
  sheetAt: { ja: '「{sheet}」・見出しは{row}行目', en: '“{sheet}”, headers on row {row}' },
  tabNotFound: { ja: '見つかりませんでした', en: 'Not found' },
  dealsNotFound: {
    ja: '案件のタブが見つかりません。案件名・顧客・ステージなどの見出し行があるタブを用意してから、もう一度開いてください。',
    en: 'No deals tab was found. Add a tab with a header row (deal, account, stage…) and open set-up again.',
  },
  columnNone: { ja: '— 使わない —', en: '— not used —' },
  columnChoose: { ja: '— 選んでください —', en: '— choose —' },
  createMissingTabs: {
    ja: '見つからないタブ(訪問記録・申請)を日本語の見出しで作成する',
    en: 'Create the missing tabs (visits, requests) with Japanese headers',
  },
  stageLabelsHeading: { ja: 'ステージ名の対応', en: 'Stage names' },
  stageLabelsIntro: {
    ja: 'シートで使っているステージ名を、標準のステージに対応付けます。',
    en: 'Map the stage names your sheet uses onto the standard stages.',
  },
  stageLabelRows: { ja: '{count}行', en: '{count} rows' },
  noStageLabels: { ja: 'ステージ列にまだ値がありません', en: 'The stage column has no values yet' },
  thresholdsHeading: { ja: '停滞とみなす日数', en: 'Days before a deal is stale' },
  thresholdHint: { ja: '空欄にすると、そのステージでは停滞を判定しません', en: 'Leave blank to never flag that stage' },
  terminalStage: { ja: '対象外', en: 'n/a' },
  saveSetup: { ja: '保存して同期', en: 'Save and sync' },
  setupSaved: { ja: '初期設定を保存しました', en: 'Set-up saved' },
  createdTabs: { ja: '作成したタブ: {tabs}', en: 'Created tabs: {tabs}' },
  firstSync: { ja: '初回の同期', en: 'First sync' },
  firstSyncSkipped: {
    ja: 'サービスに接続できなかったため同期していません。設定は保存済みです。',
    en: 'The service could not be reached, so nothing was synced. The set-up is kept.',
  },
  openDealCard: { ja: '案件カードを開く', en: 'Open the deal card' },
  errFieldRequired: { ja: 'この項目の列を選んでください', en: 'Choose the column for this field' },
  errColumnTwice: { ja: '「{other}」と同じ列です', en: 'Same column as “{other}”' },
  errStageRequired: { ja: '標準のステージを選んでください', en: 'Choose the stage this name means' },
  errStaleDays: { ja: '1〜3650の整数で入力してください(空欄で判定なし)', en: 'A whole number from 1 to 3650 (blank: never)' },

  // Settings
  settingsHeading: { ja: '同期と表示', en: 'Sync & display' },
  language: { ja: '表示言語', en: 'Language' },
  autoSync: { ja: '自動同期', en: 'Automatic sync' },
  autoSyncPerUser: {
    ja: 'オンにすると、あなたのアカウントでシート全体を同期します。ほかのメンバーの設定は変わりません。',
    en: 'When on, your account syncs the whole sheet. Other members’ settings stay as they are.',
  },
  hourlySync: { ja: '1時間ごとに同期する', en: 'Sync every hour' },
  syncOnChange: { ja: 'シートの編集後に同期する', en: 'Sync after edits to the sheet' },
  followUpHeading: { ja: 'フォローと注意', en: 'Follow-up and warnings' },
  ballFollowUpDays: { ja: 'お客様ボールのフォロー(日)', en: 'Follow up a customer’s ball after (days)' },
  warningPercent: { ja: '「注意」を出す割合(停滞日数の%)', en: 'Warn at this share of the stale days (%)' },
  saveSettings: { ja: '保存', en: 'Save' },
  settingsSaved: { ja: '設定を保存しました', en: 'Settings saved' },
  errWholeDays: { ja: '0〜3650の整数で入力してください', en: 'A whole number from 0 to 3650' },
  errPercent: { ja: '1〜100の数値で入力してください', en: 'A number from 1 to 100' },
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;

/** Names the date messages fill in: weekdays from Sunday, months from January. */
export const CALENDAR_NAMES = {
  weekdays: { ja: ['日', '月', '火', '水', '木', '金', '土'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] },
  months: {
    ja: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
} as const satisfies Readonly<Record<string, Readonly<Record<Locale, readonly string[]>>>>;

let current: Locale = 'ja';

/** The language of everything the sidebar renders from now on. */
export function setLocale(locale: Locale): void {
  current = locale;
}

export function currentLocale(): Locale {
  return current;
}

/** A message in the sidebar's current language. */
export function t(key: MessageKey, params?: MessageParams): string {
  return format(MESSAGES[key][current], params);
}

/** A message in the given language (view models take the locale explicitly). */
export function tr(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return format(MESSAGES[key][locale], params);
}
