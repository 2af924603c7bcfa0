import type { Message } from '../../shared/i18n/locale.ts';

export const CLI_MESSAGES = {
  title: { ja: '同期結果: {title}({asOf} 時点)', en: 'Sync of {title} (as of {asOf})' },
  dryRun: { ja: '※ドライラン: データベースもブックも変更していません', en: 'Dry run: neither the database nor the workbook was changed' },
  tabsHeading: { ja: 'タブ', en: 'Tabs' },
  tabLine: {
    ja: '  {sheet}({kind}): 読込 {read} / 追加 {inserted} / 更新 {updated} / 変更なし {unchanged} / 削除 {removed}',
    en: '  {sheet} ({kind}): read {read} / inserted {inserted} / updated {updated} / unchanged {unchanged} / removed {removed}',
  },
  reissued: { ja: '    重複したIDを振り直した行: {count}', en: '    rows whose duplicated id was re-issued: {count}' },
  flagsHeading: { ja: 'フラグ', en: 'Flags' },
  flagLine: { ja: '  {label}: {count}件', en: '  {label}: {count}' },
  noFlags: { ja: '  なし', en: '  none' },
  stalestHeading: { ja: '滞留の長い案件(上位{count}件)', en: 'Stalest deals (top {count})' },
  stalestLine: {
    ja: '  {row}行目 {account} / {title}  {stage} {days}日(基準{threshold}日) 担当: {owner}',
    en: '  row {row} {account} / {title}  {stage} {days}d (limit {threshold}d) owner: {owner}',
  },
  issuesHeading: { ja: '読めなかったセル: {count}件(行はそのまま同期しました)', en: 'Cells that could not be read: {count} (their rows were synced)' },
  issueLine: { ja: '  {sheet}!{column}{row}「{header}」: {message}', en: '  {sheet}!{column}{row} "{header}": {message}' },
  moreIssues: { ja: '  …ほか{count}件(--json ですべて出力)', en: '  … {count} more (--json lists them all)' },
  warningsHeading: { ja: '注意', en: 'Warnings' },
  written: { ja: '書き込んだセル: {count}(SFA列とID列のみ)', en: 'Cells written: {count} (service and id columns only)' },
  wouldWrite: { ja: '書き込む予定のセル: {count}(SFA列とID列のみ)', en: 'Cells a sync would write: {count} (service and id columns only)' },
  savedTo: { ja: '保存先: {path}', en: 'Saved to: {path}' },
  backup: { ja: 'バックアップ: {path}', en: 'Backup: {path}' },
  duration: { ja: '所要時間: {ms} ms', en: 'Took {ms} ms' },
  progressRead: { ja: '読込', en: 'Reading' },
  progressDiff: { ja: '照合', en: 'Comparing' },
  progressWrite: { ja: '保存', en: 'Saving' },
  progressApply: { ja: '書き戻し', en: 'Writing back' },
} as const satisfies Readonly<Record<string, Message>>;
