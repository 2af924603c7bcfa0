// The add-on side's own text: menu items, toasts, alerts and error messages. The sidebar has its
// own catalogue; what the service says (flag reasons, cell issues) comes localised already.
import { format, type Locale, type Message, type MessageParams } from '../../../shared/i18n/locale.ts';
import { addonLocale } from './addon-locale.ts';

export const ADDON_MESSAGES = {
  'menu.openSidebar': { ja: 'サイドバーを開く', en: 'Open sidebar' },
  'menu.syncNow': { ja: '今すぐ同期', en: 'Sync now' },
  'menu.setUp': { ja: 'このシートを設定', en: 'Set up this sheet' },
  'menu.showFlagged': { ja: 'フラグ付きの行を表示', en: 'Show flagged rows' },
  'menu.settings': { ja: '設定', en: 'Settings' },
  'sidebar.title': { ja: 'sheets-sfa 営業支援', en: 'sheets-sfa' },
  'toast.title': { ja: 'sheets-sfa', en: 'sheets-sfa' },
  'sync.started': { ja: '同期しています…', en: 'Syncing…' },
  'sync.done': {
    ja: '同期しました: {rows} 行を読み込み、{cells} セルを更新しました(新規 {inserted}・更新 {updated}・削除 {removed})。フラグ付きの案件 {flagged} 件。',
    en: 'Synced: read {rows} rows and updated {cells} cells ({inserted} new, {updated} changed, {removed} removed). {flagged} deals flagged.',
  },
  'sync.deferred': {
    ja: '並べ替えられた行の {deferred} セルは次回の同期で書き込みます。',
    en: '{deferred} cells of rows that moved meanwhile will be written by the next sync.',
  },
  'sync.issues': { ja: '読み取れないセルが {count} 件あります(サイドバーで確認できます)。', en: '{count} cells could not be read (see the sidebar).' },
  'sync.issuesTruncated': {
    ja: '読み取れないセルが {count} 件あります({count} 件中 {shown} 件をサイドバーで確認できます)。',
    en: '{count} cells could not be read (the sidebar lists {shown} of {count}).',
  },
  'flagged.shown': { ja: '「{sheet}」のフラグ付きの行 {rows} 件を表示しています。', en: 'Showing {rows} flagged rows of "{sheet}".' },
  'alert.failed': { ja: 'sheets-sfa: {message}', en: 'sheets-sfa: {message}' },
  'error.unreachable': {
    ja: 'サービスに接続できません。シートには何も書き込んでいません。しばらくしてからもう一度お試しください。',
    en: 'The service cannot be reached. Nothing was written to the sheet. Please try again later.',
  },
  'error.unauthenticated': { ja: 'サインインを確認できませんでした。シートを開き直してください。', en: 'Your sign-in could not be verified. Please reopen the sheet.' },
  'error.forbidden': { ja: 'このスプレッドシートでこの操作を行う権限がありません。', en: 'You do not have permission to do this on this spreadsheet.' },
  'error.not_found': { ja: '対象が見つかりません。', en: 'Not found.' },
  'error.invalid': { ja: '入力を受け付けられませんでした。', en: 'The input was refused.' },
  'error.conflict': { ja: '他の人が先に変更しました。読み込み直してください。', en: 'Someone else changed it first. Please reload.' },
  'error.busy': { ja: '別の同期が実行中です。終わってからもう一度お試しください。', en: 'Another sync is running. Please try again when it has finished.' },
  'error.not_set_up': { ja: 'このシートはまだ設定されていません。「このシートを設定」から始めてください。', en: 'This sheet is not set up yet. Start with "Set up this sheet".' },
  'error.no_deals_tab': {
    ja: '案件シートが見つかりません。メニューの「{menu}」から設定してください。',
    en: 'No deals tab was found. Set up this sheet first ("{menu}" in the add-on menu).',
  },
  'error.no_deal_row': { ja: '選択中の行は案件ではありません。案件の行を選んでください。', en: 'The selected row is not a deal. Select a deal row.' },
  'error.too_large': {
    ja: 'シートが大きすぎて一度に送れません(Apps Script の上限 50 MB)。シートには何も書き込んでいません。',
    en: 'The sheet is too large to send at once (Apps Script\'s 50 MB limit). Nothing was written to the sheet.',
  },
  'error.timeout': {
    ja: 'Apps Script の実行時間(6 分)が足りなくなったため、書き込みを中止しました。次回の同期で続きを書き込みます。',
    en: 'Apps Script\'s 6-minute limit was running out, so writing stopped. The next sync will finish it.',
  },
  'error.internal': { ja: '予期しないエラーが発生しました。', en: 'An unexpected error occurred.' },
} as const satisfies Readonly<Record<string, Message>>;

export type AddonMessageKey = keyof typeof ADDON_MESSAGES;

export function messageIn(locale: Locale, key: AddonMessageKey, params?: MessageParams): string {
  return format(ADDON_MESSAGES[key][locale], params);
}

/** The message in the add-on's language (addonLocale()). */
export function t(key: AddonMessageKey, params?: MessageParams): string {
  return messageIn(addonLocale(), key, params);
}
