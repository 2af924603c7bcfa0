// Synthetic deal sheets as a sales team keeps them: 17 Japanese-headed columns, dates as serial
// numbers (now and then typed as text), amounts as numbers (now and then as `1,200,000円` or
// `120万円`), stage labels as text. Every row also comes with the Deal it stands for, so the
// COPY floor and the naive upsert load the same rows without going through the engine.
import { addDays, daysBetween, serialFromIsoDate, type IsoDate } from '../shared/calendar/iso-date.ts';
import type { CellValue } from '../shared/cells/cell-value.ts';
import type { Ball } from '../shared/records/ball.ts';
import type { Deal } from '../shared/records/deal.ts';
import { STAGE_SYNONYMS } from '../shared/stages/stage-synonyms.ts';
import { DEFAULT_STAGES, type StageCode, type StageDefinition } from '../shared/stages/stage.ts';
import { createRng, type Rng } from '../examples/seeded-rng.ts';

export const DEAL_SHEET_NAME = '案件一覧';

export const DEAL_SHEET_HEADERS = [
  'No.',
  '顧客名',
  '案件名',
  '担当者',
  'ステージ',
  'ステージ変更日',
  '確度',
  '見積金額',
  '粗利',
  '見積提出日',
  'ボール',
  '最終訪問日',
  '次回アクション',
  '次回予定日',
  '受注予定日',
  '登録日',
  '備考',
] as const;
type Header = (typeof DEAL_SHEET_HEADERS)[number];

/** 0-based index of a header's column in every generated row. */
export function columnIndex(header: Header): number {
  return DEAL_SHEET_HEADERS.indexOf(header);
}

export interface GeneratedRow {
  readonly deal: Deal;
  readonly cells: CellValue[];
}

export interface SheetOptions {
  readonly seed: number;
  /** Every date is placed relative to this day; syncs should use it as `now`. */
  readonly today: IsoDate;
}

const PLACES = ['東京', '大阪', '名古屋', '横浜', '福岡', '札幌', '神戸', '京都', '仙台', '広島'] as const;
const MIDDLES = ['北', '南', '東', '西', '中央', '日本', '新', '第一', '三和', '大同'] as const;
const TRADES = ['精機', '商事', '物産', '工業', '電機', 'システム', 'ソリューションズ', '製作所', '化学', '食品', '建設', '運輸', 'テクノ', 'データ', 'ロジスティクス'] as const;
const PRODUCTS = ['基幹システム', '生産管理', '勤怠管理', '経費精算', '在庫管理', 'CRM', 'ECサイト', 'BIダッシュボード', 'ネットワーク', 'セキュリティ診断', 'クラウド移行', '保守契約'] as const;
const ACTIONS = ['導入', '更改', '刷新', '追加', '拡張', '更新', 'PoC'] as const;
const OWNERS = [
  '佐藤 健', '鈴木 一郎', '高橋 美咲', '田中 翔', '伊藤 真理', '渡辺 大輔', '山本 彩', '中村 拓也',
  '小林 優子', '加藤 誠', '吉田 恵', '山田 太郎', '佐々木 修', '山口 愛', '松本 亮', '井上 直美',
  '木村 蓮', '林 千尋', '斎藤 悠', '清水 葵', '山崎 陽介', '森 里奈', '池田 剛', '橋本 舞',
] as const;
const NEXT_ACTIONS = ['見積再提出', '役員プレゼン', 'デモ実施', '要件ヒアリング', '稟議フォロー', '契約書送付', '導入キックオフ', 'お礼メール', '価格交渉', '技術QA回答'] as const;
const NOTES = ['競合あり', '予算確定済み', '決裁者未接触', '来期予算で検討', '紹介案件', '展示会リード', '既存顧客', '値引き要請あり'] as const;

const STAGE_WEIGHTS: readonly (readonly [StageCode, number])[] = [
  ['lead', 15], ['nurturing', 10], ['proposal', 20], ['quote', 15], ['closing', 10], ['won', 15], ['expansion', 5], ['lost', 10],
];
const QUOTED_STAGES: ReadonlySet<StageCode> = new Set<StageCode>(['quote', 'closing', 'won', 'expansion']);
const PROBABILITIES = [10, 20, 30, 50, 70, 80, 90, 100] as const;
const RANK_OF: Readonly<Record<number, string>> = { 80: 'A', 50: 'B', 20: 'C' };
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

function stageOf(code: StageCode): StageDefinition {
  const stage = DEFAULT_STAGES.find((s) => s.code === code);
  if (stage === undefined) throw new Error(`no default stage ${code}`);
  return stage;
}

/** The team's usual label for a stage: its default label (the stage edits use these). */
export function defaultStageLabel(code: StageCode): string {
  return stageOf(code).label;
}

function stageLabel(rng: Rng, code: StageCode): string {
  const roll = rng.next();
  if (roll < 0.8) return defaultStageLabel(code);
  const synonyms = STAGE_SYNONYMS[code].filter((label) => JAPANESE.test(label));
  if (roll < 0.95) return rng.pick(synonyms);
  // Numbered so the sheet sorts: `4.見積提出`.
  return `${DEFAULT_STAGES.findIndex((s) => s.code === code) + 1}.${defaultStageLabel(code)}`;
}

function companyNames(): string[] {
  const names: string[] = [];
  for (const place of PLACES) {
    for (const middle of MIDDLES) {
      for (const trade of TRADES) {
        names.push(`株式会社${place}${middle}${trade}`, `${place}${middle}${trade}株式会社`);
      }
    }
  }
  return names;
}

function dateCell(rng: Rng, date: IsoDate | null): CellValue {
  if (date === null) return null;
  const roll = rng.next();
  if (roll < 0.93) return serialFromIsoDate(date);
  const [y, m, d] = [date.slice(0, 4), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  if (roll < 0.97) return `${y}/${m}/${d}`;
  if (roll < 0.99) return `${y}年${m}月${d}日`;
  return date;
}

const withCommas = (n: number): string => n.toLocaleString('en-US');

function amountCell(rng: Rng, amount: number | null): CellValue {
  if (amount === null) return null;
  const roll = rng.next();
  if (roll < 0.88) return amount;
  if (roll < 0.94) return withCommas(amount);
  if (roll < 0.97) return `¥${withCommas(amount)}`;
  return amount % 10_000 === 0 ? `${amount / 10_000}万円` : `${withCommas(amount)}円`;
}

function probabilityCell(rng: Rng, probability: number | null): CellValue {
  if (probability === null) return null;
  const roll = rng.next();
  const rank = RANK_OF[probability];
  if (roll < 0.1 && rank !== undefined) return rank;
  if (roll < 0.3) return `${probability}%`;
  return probability / 100; // a percent-formatted cell holds the fraction
}

function between(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

const maybe = <T>(rng: Rng, p: number, value: () => T): T | null => (rng.chance(p) ? value() : null);

/**
 * Yields `count` data rows (sheet rows 2…count+1), each as its cells and as the Deal those cells
 * say. About 0.1% of amounts are unreadable (`要確認`): a cell issue, and a null amount.
 */
export function* generateDealRows(count: number, options: SheetOptions): Generator<GeneratedRow> {
  const rng = createRng(options.seed);
  const companies = companyNames();
  const today = options.today;
  for (let i = 0; i < count; i++) {
    const code = rng.weighted(STAGE_WEIGHTS);
    const label = stageLabel(rng, code);
    const createdOn = addDays(today, -rng.int(10, 720));
    const stageChangedOn = maybe(rng, 0.95, () => between(rng, createdOn, today));
    const lastContactOn = maybe(rng, 0.85, () => between(rng, stageChangedOn ?? createdOn, today));
    const nextAction = maybe(rng, 0.7, () => rng.pick(NEXT_ACTIONS));
    const nextActionOn = maybe(rng, 0.65, () => addDays(today, rng.int(-20, 40)));
    const quoteSentOn = QUOTED_STAGES.has(code) ? maybe(rng, 0.8, () => between(rng, createdOn, today)) : null;
    const expectedCloseOn = maybe(rng, 0.75, () => addDays(today, rng.int(-30, 200)));
    const ball = maybe(rng, 0.7, (): Ball => (rng.chance(0.5) ? 'us' : 'customer'));
    const unreadableAmount = rng.chance(0.001);
    const amount = unreadableAmount ? null : maybe(rng, 0.9, () => rng.int(5, 5000) * 10_000 + (rng.chance(0.5) ? rng.int(1, 9) * 1000 : 0));
    const grossMargin = amount === null ? null : maybe(rng, 0.8, () => Math.round((amount * rng.int(10, 50)) / 100_000) * 1000);
    const probability = maybe(rng, 0.85, () => rng.pick(PROBABILITIES));
    const account = rng.pick(companies);
    const title = `${rng.pick(PRODUCTS)}${rng.pick(ACTIONS)} 案件${i + 1}`;
    const owner = rng.pick(OWNERS);
    const note = maybe(rng, 0.3, () => rng.pick(NOTES));

    const cells: CellValue[] = [
      i + 1,
      account,
      title,
      owner,
      label,
      dateCell(rng, stageChangedOn),
      probabilityCell(rng, probability),
      unreadableAmount ? '要確認' : amountCell(rng, amount),
      amountCell(rng, grossMargin),
      dateCell(rng, quoteSentOn),
      ball === null ? null : ball === 'us' ? rng.pick(['自社', '当社']) : rng.pick(['先方', 'お客様', '顧客']),
      dateCell(rng, lastContactOn),
      nextAction,
      dateCell(rng, nextActionOn),
      dateCell(rng, expectedCloseOn),
      dateCell(rng, createdOn),
      note,
    ];
    const deal: Deal = {
      account,
      title,
      stage: code,
      stageLabel: label,
      stageChangedOn,
      owner,
      team: stageOf(code).team,
      amount,
      grossMargin,
      probability,
      quoteSentOn,
      ball,
      lastContactOn,
      nextAction,
      nextActionOn,
      expectedCloseOn,
      createdOn,
    };
    yield { deal, cells };
  }
}

/** The sheet's rows as a source hands them over: the header row, then `count` data rows. */
export function generateDealGrid(count: number, options: SheetOptions): CellValue[][] {
  const rows: CellValue[][] = [[...DEAL_SHEET_HEADERS]];
  for (const row of generateDealRows(count, options)) rows.push(row.cells);
  return rows;
}

/** The Deals the sheet's rows stand for, in row order. */
export function generateDeals(count: number, options: SheetOptions): Deal[] {
  const deals: Deal[] = [];
  for (const row of generateDealRows(count, options)) deals.push(row.deal);
  return deals;
}
