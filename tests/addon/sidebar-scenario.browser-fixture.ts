// The team the browser tests and the screenshots play: a Japanese sales team's own spreadsheet
// (a title and a note above the headers, columns in their own order, text amounts, a tab the
// add-on has no business with), a rep whose quote has sat with the customer for three weeks, the
// lead who sets the add-on up, and sales-support who approves special requests.
import type { FakeSpreadsheetInit, FakeUser } from '../support/apps-script/addon-sandbox.ts';
import type { StandInCell, StandInSheetInput } from '../support/sheets-api/sheets-stand-in.ts';

/** 10:00 in Tokyo on Friday 2026-11-20: the day everything in the scenario happens. */
export const SCENARIO_NOW = new Date('2026-11-20T01:00:00Z');

export const SPREADSHEET_ID = '1sfaSidebarScenarioTowaSeikiQuote2026abcdEFG';
export const SPREADSHEET_NAME = '2026年度 営業案件管理表';
export const TIME_ZONE = 'Asia/Tokyo';

export const DEALS_SHEET = '案件一覧';
export const VISITS_SHEET = '訪問記録';
export const TARGETS_SHEET = '目標';
export const DEALS_HEADER_ROW = 3;

export interface ScenarioPerson {
  readonly email: string;
  readonly name: string;
}

/** Sets the add-on up; the first to sync, so the spreadsheet's admin. */
export const LEAD: ScenarioPerson = { email: 'yamada.k@towa-sales.example.co.jp', name: '山田 健一' };
/** Owns the stale quote; a member. */
export const REP: ScenarioPerson = { email: 'sato.t@towa-sales.example.co.jp', name: '佐藤 健' };
/** Sales support; the approver. */
export const APPROVER: ScenarioPerson = { email: 'suzuki.m@towa-sales.example.co.jp', name: '鈴木 真理' };
export const PEOPLE: readonly ScenarioPerson[] = [LEAD, REP, APPROVER];

/** The deal the rep works on: a quote sent on 10/30, three weeks in its stage, the ball with the customer since. */
export const STALE_DEAL = {
  row: 5,
  account: '東和精機株式会社',
  title: '生産管理システム更新',
  stageLabel: '見積提出',
} as const;

/** A calendar date in Tokyo as the Date a Sheets date cell holds (local midnight). */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00+09:00`);
}

type Cell = string | number | boolean | Date | null;

const DEAL_HEADERS = ['No.', '顧客名', '案件名', '担当者', 'ステージ', '金額', '確度', '見積提出日', 'ボール', '次回アクション', '次回予定日', 'ステージ変更日', '備考'];

const DEAL_ROWS: Cell[][] = [
  [1, '株式会社アルファ商事', '基幹システム刷新', '佐藤 健', '提案', 4_800_000, 'B', null, '自社', '提案書レビュー', day('2026-11-25'), day('2026-11-10'), null],
  // Nobody kept its ball and next-date cells up: the quote going out says the ball is with the customer.
  [2, STALE_DEAL.account, STALE_DEAL.title, '佐藤 健', STALE_DEAL.stageLabel, 2_400_000, 'A', day('2026-10-30'), null, '見積回答の確認', null, day('2026-10-30'), '先方で稟議中とのこと'],
  [3, STALE_DEAL.account, '保守契約(2026年度)', '佐藤 健', '受注', 3_600_000, null, day('2026-05-20'), '自社', null, null, day('2026-06-15'), '年間保守'],
  [4, 'ベータ工業株式会社', '在庫管理クラウド導入', '田中 美咲', 'クロージング', '180万円', 'A', day('2026-11-05'), '顧客', '契約書送付', day('2026-11-24'), day('2026-11-16'), null],
  [5, '株式会社ガンマ物流', '配送ルート最適化', '田中 美咲', 'リード', 1_200_000, 'C', null, '自社', '初回訪問', day('2026-11-27'), day('2026-11-18'), '展示会で名刺交換'],
  [6, 'デルタ食品株式会社', '品質管理アプリ', '高橋 誠', '育成', 800_000, 'C', null, '自社', '事例資料送付', day('2026-12-01'), day('2026-10-01'), null],
  [7, 'イプシロン建設株式会社', '現場日報の電子化', '高橋 誠', '失注', 2_000_000, null, day('2026-09-01'), null, null, null, day('2026-10-02'), '他社に決定'],
];

const VISIT_HEADERS = ['訪問日', '顧客名', '案件名', '担当者', '面談者', '商談内容', 'お客様の要望', '次回アクション', '次回予定日', 'ボール'];

const VISIT_ROWS: Cell[][] = [
  [day('2026-10-30'), STALE_DEAL.account, STALE_DEAL.title, '佐藤 健', '製造部 木村課長', '見積書を提出し、構成と費用を説明', '本稼働を来年4月にしたい', '見積回答の確認', day('2026-11-13'), '顧客'],
  [day('2026-11-16'), 'ベータ工業株式会社', '在庫管理クラウド導入', '田中 美咲', '情報システム部 森様', '契約条件の確認', '請求書払いを希望', '契約書送付', day('2026-11-24'), '顧客'],
];

export function scenarioSpreadsheet(): FakeSpreadsheetInit {
  return {
    id: SPREADSHEET_ID,
    name: SPREADSHEET_NAME,
    timeZone: TIME_ZONE,
    locale: 'ja_JP',
    sheets: [
      {
        name: DEALS_SHEET,
        rows: [['2026年度 営業案件管理表(営業1課)'], ['※ ステージは リード/育成/提案/見積提出/クロージング/受注/失注 から選んでください'], DEAL_HEADERS, ...DEAL_ROWS],
      },
      { name: VISITS_SHEET, rows: [VISIT_HEADERS, ...VISIT_ROWS] },
      { name: TARGETS_SHEET, rows: [['2026年度 目標'], ['四半期', '目標金額', '担当'], ['Q3', 30_000_000, '営業1課'], ['Q4', 36_000_000, '営業1課']] },
    ],
  };
}

/** The same spreadsheet as Google's API knows it, shared with the team: the first sync's access proof. */
export function standInSheets(init: FakeSpreadsheetInit): StandInSheetInput[] {
  const tokyoDay = (date: Date): string => new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '/');
  const cell = (value: Cell): StandInCell => (value instanceof Date ? tokyoDay(value) : value);
  return init.sheets.map((sheet) => ({ title: sheet.name, rows: sheet.rows.map((row) => row.map(cell)), valueInputOption: 'RAW' as const }));
}

/** Requests the rep files: 特別納品, ¥46,000 in all, so one approver decides it. */
export const SPECIAL_DELIVERY = {
  typeLabel: '特別納品',
  background: '先方工場の設備更新が3月末に前倒しとなり、サーバー機器を通常より2週間早く納品してほしいとの要望。本稼働4月を守るため。',
  description: 'サーバー機器一式を3月2日までに先方工場へ納品する(チャーター便)',
  alternative: '通常便で2回に分けて納品する案は、設置作業が2日に分かれるため先方が不可',
  hours: [
    { role: '物流', hours: 6 },
    { role: '営業サポート', hours: 4 },
  ],
  direct: { label: 'チャーター便', amount: 12_000 },
  /** 6 h × ¥3,000 + 4 h × ¥4,000 + ¥12,000. */
  total: 46_000,
} as const;

export async function fakeUserOf(person: ScenarioPerson, identity: { token(email: string): Promise<string> }, standIn: { userToken(email: string): string }): Promise<FakeUser> {
  return { email: person.email, idToken: await identity.token(person.email), oauthToken: standIn.userToken(person.email), locale: 'ja' };
}
