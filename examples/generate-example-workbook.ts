// Generates examples/sales-pipeline.xlsx: a Tokyo B2B sales team's own workbook, messy cells
// included, so the sync can be tried (and tested) against something that looks like the real thing.
// Everything comes from a seeded PRNG and a fixed "today": the same options give the same cells.
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Borders, CellValue, Fill, Workbook, Worksheet } from 'exceljs';
import { addDays, dayOfWeek, daysBetween } from '../shared/calendar/iso-date.ts';
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import { DEFAULT_STAGES } from '../shared/stages/stage.ts';
import type { StageCode, Team } from '../shared/stages/stage.ts';
import { createRng, type Rng } from './seeded-rng.ts';

export interface ExampleWorkbookOptions {
  seed?: number;
  deals?: number;
  /** YYYY-MM-DD; every date in the workbook is placed relative to it. */
  today?: string;
}

export const EXAMPLE_DEFAULTS = Object.freeze({ seed: 20261120, deals: 300, today: '2026-11-20' });

export const SHEET_NAMES = Object.freeze({
  deals: '案件一覧',
  visits: '訪問記録',
  requests: '特別対応申請',
  memo: 'メモ',
});

export const DEAL_HEADER_ROW = 4;
export const DEAL_FIRST_DATA_ROW = 5;
export const VISIT_HEADER_ROW = 2;
export const REQUEST_HEADER_ROW = 1;

// The team's own column order, not the canonical one; 見込金額 is their formula column.
export const DEAL_HEADERS = [
  'No.',
  '顧客名',
  '案件名',
  '担当者',
  'ステージ',
  'ステージ変更日',
  '確度',
  '見積金額',
  '見込金額',
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
type DealHeader = (typeof DEAL_HEADERS)[number];

export const VISIT_HEADERS = [
  '訪問日',
  '顧客名',
  '案件名',
  '担当者',
  '面談者',
  '同行者',
  '商談内容',
  'お客様の要望',
  '次回アクション',
  '次回予定日',
  'ボール',
] as const;

export const REQUEST_HEADERS = [
  '申請日',
  '申請種別',
  '顧客名',
  '案件名',
  '申請者',
  '背景',
  '依頼内容',
  '代替案',
  '概算コスト',
  'ステータス',
] as const;

// ---------------------------------------------------------------------------------------------
// Seeded randomness


// ---------------------------------------------------------------------------------------------
// The team and its customers

interface Owner {
  readonly name: string;
  readonly team: Team;
  /** One rep writes 確度 as A/B/C ranks instead of percentages. */
  readonly usesRanks: boolean;
}

const OWNERS: readonly Owner[] = [
  { name: '佐藤 健', team: 'IS', usesRanks: false },
  { name: '田中 彩', team: 'IS', usesRanks: false },
  { name: '鈴木 美咲', team: 'FS', usesRanks: false },
  { name: '高橋 誠', team: 'FS', usesRanks: false },
  { name: '伊藤 大輔', team: 'FS', usesRanks: true },
  { name: '渡辺 由美', team: 'FS', usesRanks: false },
  { name: '山本 翔太', team: 'CS', usesRanks: false },
  { name: '中村 恵', team: 'CS', usesRanks: false },
];

function ownerNamed(name: string): Owner {
  const owner = OWNERS.find((o) => o.name === name);
  if (owner === undefined) throw new Error(`no owner ${name}`);
  return owner;
}

const COMPANY_CORES = [
  '東洋', '三栄', '北斗', '中央', '丸山', '大和', '富士', '新光', '協和', '大成', '昭和', '日栄',
  '東邦', '関東', '太平', '明和', '高砂', '相模', '湘南', '武蔵', '城南', '京浜', '千代田', '品川',
  '多摩', '青葉', '光洋', '旭', '朝日', '日進', '共栄', '三協', '大東', '東和', '扶桑', '平和',
  '山田', '小松', '岡本', '竹内', 'アルファ', 'サンライズ', 'ミライ', 'オリオン', 'ユニオン', 'ダイヤ',
];
const COMPANY_TRADES = [
  '工業', '商事', '精機', '電機', '化学', '製作所', '物産', '電子', '金属', '産業', '技研', '建設',
  '食品', '印刷', '運輸', '樹脂', '機械', '工機', '興産', 'システムズ', '通商', '鋼業', '製薬', '倉庫',
];

const CUSTOMER_DEPARTMENTS = [
  '製造部', '生産管理部', '情報システム部', '総務部', '購買部', '品質保証部', '経営企画部', '設備保全課',
  '経理部', '物流部',
];
const CUSTOMER_SURNAMES = [
  '木村', '小林', '加藤', '吉田', '山口', '松本', '井上', '斎藤', '清水', '山崎', '森', '池田', '橋本',
  '阿部', '石川', '前田', '藤田', '小川', '岡田', '後藤', '長谷川', '村上', '近藤', '坂本',
];
const CUSTOMER_TITLES = ['部長', '課長', '課長', '係長', '主任', '様'];

interface Account {
  readonly name: string;
  /** Whom the reps usually meet, and the decision maker they meet late in the deal. */
  readonly contact: string;
  readonly boss: string;
}

const ACCOUNT_COUNT = 120;

function generateAccounts(rng: Rng): Account[] {
  const cores = new Set<string>();
  const accounts: Account[] = [];
  while (accounts.length < ACCOUNT_COUNT) {
    const core = rng.pick(COMPANY_CORES) + rng.pick(COMPANY_TRADES);
    if (cores.has(core)) continue;
    cores.add(core);
    const form = rng.weighted([
      ['prefix', 60],
      ['suffix', 36],
      ['yugen', 4],
    ] as const);
    const name =
      form === 'prefix' ? `株式会社${core}` : form === 'suffix' ? `${core}株式会社` : `有限会社${core}`;
    const dept = rng.pick(CUSTOMER_DEPARTMENTS);
    const contact = `${dept} ${rng.pick(CUSTOMER_SURNAMES)}${rng.pick(CUSTOMER_TITLES)}`;
    const boss = `${rng.pick(CUSTOMER_DEPARTMENTS)} ${rng.pick(CUSTOMER_SURNAMES)}部長`;
    accounts.push({ name, contact, boss });
  }
  return accounts;
}

interface TitleTemplate {
  readonly title: string;
  readonly min: number;
  readonly max: number;
}

const NEW_DEAL_TITLES: readonly TitleTemplate[] = [
  { title: '生産管理システム更新', min: 8_000_000, max: 45_000_000 },
  { title: '基幹システム刷新', min: 15_000_000, max: 50_000_000 },
  { title: '工場IoT導入(設備稼働監視)', min: 3_000_000, max: 20_000_000 },
  { title: '在庫管理クラウド移行', min: 2_000_000, max: 12_000_000 },
  { title: '受発注EDI導入', min: 2_500_000, max: 15_000_000 },
  { title: 'ネットワーク機器入替', min: 1_500_000, max: 9_000_000 },
  { title: 'PC入替(120台)', min: 12_000_000, max: 22_000_000 },
  { title: 'PC入替(40台)', min: 4_000_000, max: 8_000_000 },
  { title: '品質管理システム導入', min: 4_000_000, max: 25_000_000 },
  { title: '設備保全システム導入', min: 3_000_000, max: 15_000_000 },
  { title: '勤怠管理SaaS導入', min: 600_000, max: 4_000_000 },
  { title: '会計システム更改', min: 3_000_000, max: 18_000_000 },
  { title: 'BIツール導入', min: 1_000_000, max: 6_000_000 },
  { title: '倉庫管理システム(WMS)導入', min: 5_000_000, max: 30_000_000 },
  { title: 'セキュリティ診断', min: 800_000, max: 3_500_000 },
  { title: 'UTM更新', min: 500_000, max: 2_500_000 },
  { title: 'サーバー仮想化', min: 3_000_000, max: 16_000_000 },
  { title: 'バックアップ環境構築', min: 1_200_000, max: 7_000_000 },
  { title: 'RPA導入支援', min: 1_000_000, max: 6_000_000 },
  { title: '図面管理システム導入', min: 2_000_000, max: 12_000_000 },
  { title: '原価管理システム導入', min: 4_000_000, max: 20_000_000 },
  { title: 'ヘルプデスク業務委託', min: 1_800_000, max: 9_000_000 },
  { title: '生産スケジューラ導入', min: 3_000_000, max: 14_000_000 },
  { title: 'MES導入(第1工場)', min: 10_000_000, max: 40_000_000 },
  { title: '外観検査装置更新', min: 6_000_000, max: 30_000_000 },
  { title: '制御盤更新', min: 2_000_000, max: 12_000_000 },
  { title: '無線LAN整備(本社・工場)', min: 1_500_000, max: 8_000_000 },
  { title: '電子帳簿保存法対応', min: 800_000, max: 5_000_000 },
  { title: 'Web受注サイト構築', min: 3_000_000, max: 15_000_000 },
  { title: 'テレワーク環境整備', min: 1_000_000, max: 6_000_000 },
];

const EXPANSION_TITLES: readonly TitleTemplate[] = [
  { title: '保守契約更新', min: 300_000, max: 3_600_000 },
  { title: '追加ライセンス(30本)', min: 600_000, max: 2_400_000 },
  { title: '他拠点展開(大阪工場)', min: 3_000_000, max: 15_000_000 },
  { title: '機能追加開発', min: 1_000_000, max: 8_000_000 },
  { title: '上位プラン移行', min: 500_000, max: 3_000_000 },
  { title: '運用保守サービス追加', min: 600_000, max: 4_800_000 },
];

// ---------------------------------------------------------------------------------------------
// Stages and what people write at each of them

const STAGE_BY_CODE = new Map(DEFAULT_STAGES.map((s) => [s.code, s]));

function stageLabel(code: StageCode): string {
  const stage = STAGE_BY_CODE.get(code);
  if (stage === undefined) throw new Error(`no stage ${code}`);
  return stage.label;
}

function staleAfter(code: StageCode): number | null {
  return STAGE_BY_CODE.get(code)?.staleAfterDays ?? null;
}

// Many leads and proposals, fewer closing, some won and lost.
const STAGE_WEIGHTS: readonly (readonly [StageCode, number])[] = [
  ['lead', 20],
  ['nurturing', 15],
  ['proposal', 20],
  ['quote', 12],
  ['closing', 7],
  ['won', 13],
  ['expansion', 5],
  ['lost', 8],
];

const PIPELINE: readonly StageCode[] = ['lead', 'nurturing', 'proposal', 'quote', 'closing', 'won'];

const PROBABILITIES: Readonly<Record<StageCode, readonly number[]>> = {
  lead: [0.1],
  nurturing: [0.1, 0.2],
  proposal: [0.2, 0.3, 0.4],
  quote: [0.4, 0.5, 0.6],
  closing: [0.7, 0.8, 0.9],
  won: [1],
  expansion: [0.3, 0.5],
  lost: [0],
};

/** The ranks the team uses; the same table sits on the メモ sheet for the 見込金額 formula. */
const RANKS: readonly (readonly [string, number, string])[] = [
  ['A', 0.8, '内示・口頭合意あり'],
  ['B', 0.5, '見積提出済み・競合あり'],
  ['C', 0.2, '情報収集段階'],
];

function rankOf(probability: number): string {
  return probability >= 0.7 ? 'A' : probability >= 0.4 ? 'B' : 'C';
}

const NEXT_ACTIONS: Readonly<Record<StageCode, readonly string[]>> = {
  lead: ['初回訪問のアポ取り', '資料送付', 'ウェビナー案内', '課題ヒアリング', '電話フォロー'],
  nurturing: ['導入事例の送付', 'セミナー案内', '予算時期の確認', '情報提供メール', '定期フォロー電話'],
  proposal: ['提案書修正', 'デモ日程調整', '要件定義書の確認', '技術担当同行で再訪', '概算見積の作成'],
  quote: ['見積回答の確認', '見積再提出', '稟議状況の確認', '値引き条件の社内調整', '決裁者への説明'],
  closing: ['契約書ドラフト送付', '発注書受領', '稟議結果の確認', '導入スケジュール提示', '最終条件の合意'],
  won: ['キックオフ日程調整', '導入スケジュール確定', '請求書発行', '納品日確認'],
  expansion: ['利用状況レビュー', '追加提案書作成', '更新見積の提出', '他拠点への紹介依頼'],
  lost: ['失注理由の共有', '半年後に再アプローチ'],
};

const DISCUSSED: Readonly<Record<StageCode, readonly string[]>> = {
  lead: ['会社紹介と課題ヒアリング', '展示会でご挨拶したお礼訪問', '現状の業務フローをヒアリング', '製品概要の説明'],
  nurturing: ['導入事例の紹介', '業界動向の情報交換', '次年度の投資計画をヒアリング', 'セミナー参加のお礼と感想確認'],
  proposal: ['提案書の説明', 'デモ実施(現場担当者同席)', '要件ヒアリング(2回目)', '現行システムの調査', '導入効果の試算を説明'],
  quote: ['見積内容の説明', '見積の再提出と差分説明', '値引き要請への回答', '競合比較表の説明', '決裁者への見積説明'],
  closing: ['契約条件の最終確認', '稟議状況の確認', '契約書文言のすり合わせ', '導入スケジュールの合意'],
  won: ['キックオフ', '導入スケジュール確認', '納品・検収の立ち会い', '稼働後の状況確認'],
  expansion: ['利用状況の定期レビュー', '追加ライセンスの提案', '他拠点展開の相談', '保守更新のご案内'],
  lost: ['失注理由のヒアリング', '今後の情報交換のお願い'],
};

const CUSTOMER_ASKS = [
  '納期を2週間前倒しできないか',
  '保守費用の分割払いを希望',
  '既存システムとのデータ連携が必須',
  '同業他社の導入実績を知りたい',
  '見積をもう少し下げてほしい',
  '現場向けの操作説明会を開いてほしい',
  'クラウドではなくオンプレミスで検討したい',
  '支払サイトを60日にしてほしい',
  '来期予算での検討になる',
  '上長向けの説明資料がほしい',
  '検収を分割にしてほしい',
  'トライアル期間を1か月延長したい',
  '英語版のマニュアルがほしい',
  '土日の作業対応は可能か',
  '工場の停止期間(年末年始)に入替したい',
  'ランニングコストを年額で比較したい',
  '情報システム部の承認が必要、セキュリティ資料を提出してほしい',
  '担当者が異動するので引継ぎに同席してほしい',
  '他部署にも展開したいので追加見積がほしい',
  'サポート窓口の対応時間を延ばしてほしい',
];

const OUR_COMPANIONS = ['SE 森田', '営業部長 石井', '技術部 岡本', 'SE 森田、技術部 岡本'];

const REMARKS = [
  '競合:A社',
  '競合:B社(価格勝負)',
  '予算確保済み',
  '決裁者は工場長',
  '年度末予算で検討',
  '紹介案件(山田部長経由)',
  '展示会リード',
  '前回も弊社で導入',
  '要件未確定',
  '稟議は来月の役員会',
];

const LOST_REASONS = ['失注理由:価格(競合他社)', '失注理由:時期見送り', '失注理由:機能不足', '失注理由:予算凍結'];

// ---------------------------------------------------------------------------------------------
// Deals

interface StageEntry {
  readonly stage: StageCode;
  readonly from: IsoDate;
}

type BallLabel = '自社' | '顧客';

interface DealModel {
  readonly no: number;
  readonly account: Account;
  readonly title: string;
  readonly stage: StageCode;
  readonly owner: Owner;
  /** Who worked it in each team before the hand-off (IS → FS → CS); the sheet shows only the current owner. */
  readonly ownerByTeam: Readonly<Record<Team, Owner>>;
  /** When it entered each stage it went through, oldest first; the last one is the current one. */
  readonly path: readonly StageEntry[];
  readonly createdOn: IsoDate;
  readonly amount: number | null;
  readonly grossMargin: number | null;
  readonly probability: number | null;
  readonly quoteSentOn: IsoDate | null;
  readonly remarks: string | null;
  // Filled in once the visits exist.
  ball: BallLabel | null;
  lastVisitOn: IsoDate | null;
  nextAction: string | null;
  nextActionOn: IsoDate | null;
  expectedCloseOn: IsoDate | null;
}

/** What a planted row forces so its messy cell still makes sense with the rest of the row. */
interface DealForce {
  readonly stage?: StageCode;
  readonly owner?: string;
  readonly title?: string;
  readonly amount?: number | null;
  readonly grossMargin?: number;
  readonly stageChangedOn?: IsoDate;
}

export interface PlantedCell {
  readonly sheet: string;
  readonly address: string;
  /** null: the cell is deliberately empty. */
  readonly value: string | null;
  readonly why: string;
}

interface DealPlant {
  readonly no: number;
  readonly header: DealHeader;
  readonly value: string | null;
  readonly why: string;
  readonly force: DealForce;
}

// Fixed rows and values, independent of the seed, so examples/README.md can list them by address.
const DEAL_PLANTS: readonly DealPlant[] = [
  { no: 3, header: '見積金額', value: '350万円', why: 'amount in 万円, typed as text', force: { stage: 'proposal', amount: 3_500_000 } },
  { no: 8, header: 'ステージ変更日', value: '令和8年9月15日', why: 'Japanese-era date as text (2026-09-15)', force: { stage: 'proposal', stageChangedOn: '2026-09-15' } },
  { no: 12, header: '確度', value: 'B', why: 'rank instead of a percentage, from a rep who otherwise writes %', force: { stage: 'quote', owner: '鈴木 美咲' } },
  { no: 17, header: '粗利', value: '△120,000', why: '△ negative (loss-making deal), as text', force: { stage: 'closing', amount: 2_400_000, grossMargin: -120_000 } },
  { no: 23, header: 'ステージ', value: '保留', why: 'unknown stage label (not in the validation list)', force: { stage: 'proposal' } },
  { no: 31, header: '見積金額', value: '１，２００，０００', why: 'full-width digits and commas, as text', force: { stage: 'quote', amount: 1_200_000 } },
  { no: 38, header: '次回予定日', value: '来週', why: 'relative word: not a date (unparseable)', force: { stage: 'nurturing' } },
  { no: 46, header: '見積提出日', value: 'R8.10.1', why: 'era-initial date as text (2026-10-01)', force: { stage: 'quote', stageChangedOn: '2026-10-01' } },
  { no: 52, header: '担当者', value: null, why: 'deal with no owner', force: { stage: 'lead' } },
  { no: 64, header: '見積金額', value: '100万〜200万', why: 'a range, not an amount (unparseable)', force: { stage: 'proposal', amount: null } },
  { no: 71, header: '受注予定日', value: '未定', why: 'placeholder for "undecided"', force: { stage: 'proposal' } },
  { no: 85, header: '粗利', value: '—', why: 'dash placeholder', force: { stage: 'nurturing' } },
  { no: 188, header: '見積金額', value: '1億2000万円', why: '億/万 amount as text (120,000,000)', force: { stage: 'closing', amount: 120_000_000, title: '全社基幹システム刷新' } },
  { no: 205, header: 'ステージ変更日', value: '2026/10/20', why: 'date typed as text, not a date cell', force: { stage: 'closing', stageChangedOn: '2026-10-20' } },
];

interface RequestPlant {
  readonly index: number;
  readonly header: (typeof REQUEST_HEADERS)[number];
  readonly value: string | null;
  readonly why: string;
}

const REQUEST_PLANTS: readonly RequestPlant[] = [
  { index: 2, header: '背景', value: '顧客要望', why: 'thin background: says nothing about why' },
  { index: 9, header: '背景', value: null, why: 'background missing' },
];

/** Sheet rows of the deals tab: a blank row sits after the middle deal. */
function blankRowAfter(dealCount: number): number {
  return Math.floor(dealCount / 2);
}

function dealRow(no: number, dealCount: number): number {
  return DEAL_FIRST_DATA_ROW + no - 1 + (no > blankRowAfter(dealCount) ? 1 : 0);
}

/** The planted messy cells for these options, with their addresses (what examples/README.md lists). */
export function plantedCells(options: ExampleWorkbookOptions = {}): PlantedCell[] {
  const dealCount = options.deals ?? EXAMPLE_DEFAULTS.deals;
  const requestCount = requestCountFor(dealCount);
  const cells: PlantedCell[] = [];
  for (const plant of DEAL_PLANTS) {
    if (plant.no > dealCount) continue;
    const column = columnLetter(DEAL_HEADERS.indexOf(plant.header) + 1);
    cells.push({ sheet: SHEET_NAMES.deals, address: `${column}${dealRow(plant.no, dealCount)}`, value: plant.value, why: plant.why });
  }
  for (const plant of REQUEST_PLANTS) {
    if (plant.index >= requestCount) continue;
    const column = columnLetter(REQUEST_HEADERS.indexOf(plant.header) + 1);
    cells.push({ sheet: SHEET_NAMES.requests, address: `${column}${REQUEST_HEADER_ROW + 1 + plant.index}`, value: plant.value, why: plant.why });
  }
  return cells;
}

function requestCountFor(dealCount: number): number {
  return Math.max(1, Math.round((dealCount * 40) / 300));
}

function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Sales people date things on weekdays: Saturday moves back to Friday, Sunday on to Monday. */
function weekday(date: IsoDate, notAfter: IsoDate): IsoDate {
  const dow = dayOfWeek(date);
  const moved = dow === 6 ? addDays(date, -1) : dow === 0 ? addDays(date, 1) : date;
  return moved > notAfter ? addDays(moved, -3) : moved;
}

/** Days in stage: fresh, near the stale threshold, or past it, so the flags have work to do. */
function daysInStage(rng: Rng, stage: StageCode): number {
  const threshold = staleAfter(stage);
  if (threshold === null) return rng.int(3, 170);
  const nearFrom = Math.ceil(threshold * 0.7);
  const bucket = rng.weighted([
    ['fresh', 40],
    ['near', 25],
    ['stale', 35],
  ] as const);
  if (bucket === 'fresh') return rng.int(0, nearFrom - 1);
  if (bucket === 'near') return rng.int(nearFrom, threshold - 1);
  return rng.int(threshold, Math.min(threshold * 4, 150));
}

function roundAmount(value: number): number {
  const step = value >= 3_000_000 ? 10_000 : 1_000;
  return Math.round(value / step) * step;
}

function ownerFor(rng: Rng, stage: StageCode): Owner {
  const team: Team =
    stage === 'lead' || stage === 'nurturing'
      ? 'IS'
      : stage === 'won' || stage === 'expansion'
        ? 'CS'
        : stage === 'lost'
          ? rng.chance(0.8)
            ? 'FS'
            : 'IS'
          : 'FS';
  return rng.pick(OWNERS.filter((o) => o.team === team));
}

function generateDeals(rng: Rng, accounts: readonly Account[], count: number, today: IsoDate): DealModel[] {
  const forces = new Map(DEAL_PLANTS.map((p) => [p.no, p.force]));
  // Every customer appears at least once; the rest lean on a few big accounts (Zipf-like).
  const firstPass = rng.shuffle(accounts);
  const repeatWeights = accounts.map((a, i) => [a, 1 / (1 + (i % 40))] as const);
  const taken = new Set<string>();
  const deals: DealModel[] = [];

  for (let no = 1; no <= count; no++) {
    const force = forces.get(no) ?? {};
    const drawnStage = rng.weighted(STAGE_WEIGHTS);
    const stage = force.stage ?? drawnStage;
    const drawnOwner = ownerFor(rng, stage);
    const owner = force.owner !== undefined ? ownerNamed(force.owner) : drawnOwner;
    const teamOwner = (team: Team): Owner =>
      owner.team === team ? owner : rng.pick(OWNERS.filter((o) => o.team === team));
    const ownerByTeam: Record<Team, Owner> = { IS: teamOwner('IS'), FS: teamOwner('FS'), CS: teamOwner('CS') };
    const account = no <= firstPass.length ? (firstPass[no - 1] ?? rng.pick(accounts)) : rng.weighted(repeatWeights);

    const pool = stage === 'expansion' ? EXPANSION_TITLES : NEW_DEAL_TITLES;
    let template = rng.pick(pool);
    for (let tries = 0; taken.has(`${account.name}\t${template.title}`) && tries < 10; tries++) {
      template = rng.pick(pool);
    }
    let title = force.title ?? template.title;
    if (taken.has(`${account.name}\t${title}`)) title = `${title}(第2期)`;
    taken.add(`${account.name}\t${title}`);

    // Walk back from the current stage to when the deal was registered.
    const drawnChange = weekday(addDays(today, -daysInStage(rng, stage)), today);
    const stageChangedOn =
      force.stageChangedOn !== undefined && force.stageChangedOn <= today ? force.stageChangedOn : drawnChange;
    const path: StageEntry[] = [{ stage, from: stageChangedOn }];
    let lostFrom: StageCode | null = null;
    if (stage === 'lost') lostFrom = rng.pick(['proposal', 'quote', 'closing'] as const);
    const reachedIndex = stage === 'lost' ? PIPELINE.indexOf(lostFrom ?? 'proposal') : PIPELINE.indexOf(stage);
    let cursor = stageChangedOn;
    for (let i = reachedIndex - (stage === 'lost' ? 0 : 1); i >= 0; i--) {
      const earlier = PIPELINE[i];
      if (earlier === undefined) break;
      // Deals skip 育成 often: a lead that is ready goes straight to a proposal.
      if (earlier === 'nurturing' && rng.chance(0.4)) continue;
      cursor = weekday(addDays(cursor, -rng.int(5, 40)), today);
      path.unshift({ stage: earlier, from: cursor });
    }
    // Upsell deals are registered by CS shortly before they are worked on.
    const createdOn = stage === 'expansion' ? weekday(addDays(stageChangedOn, -rng.int(0, 20)), today) : cursor;

    const quoteEntry = path.find((e) => e.stage === 'quote');
    const quoteSentOn = quoteEntry?.from ?? null;

    const drawnAmount = roundAmount(template.min * Math.pow(template.max / template.min, rng.next()));
    const noAmountYet = (stage === 'lead' && rng.chance(0.5)) || (stage === 'nurturing' && rng.chance(0.25));
    const amount = force.amount !== undefined ? force.amount : noAmountYet ? null : Math.max(300_000, Math.min(50_000_000, drawnAmount));
    const marginRate = 0.15 + rng.next() * 0.3;
    const grossMargin = force.grossMargin ?? (amount === null ? null : Math.round((amount * marginRate) / 1000) * 1000);

    const probability = stage === 'lead' && rng.chance(0.3) ? null : rng.pick(PROBABILITIES[stage]);

    const remarks =
      stage === 'lost' ? rng.pick(LOST_REASONS) : rng.chance(0.25) ? rng.pick(REMARKS) : null;

    deals.push({
      no,
      account,
      title,
      stage,
      owner,
      ownerByTeam,
      path,
      createdOn,
      amount,
      grossMargin,
      probability,
      quoteSentOn,
      remarks,
      ball: null,
      lastVisitOn: null,
      nextAction: null,
      nextActionOn: null,
      expectedCloseOn: null,
    });
  }
  return deals;
}

function ownerOn(deal: DealModel, stage: StageCode): Owner {
  const team = STAGE_BY_CODE.get(stage)?.team ?? null;
  return team === null ? deal.owner : deal.ownerByTeam[team];
}

function stageOn(deal: DealModel, date: IsoDate): StageCode {
  let current = deal.path[0]?.stage ?? deal.stage;
  for (const entry of deal.path) if (entry.from <= date) current = entry.stage;
  return current;
}

// ---------------------------------------------------------------------------------------------
// Visits

interface VisitModel {
  readonly deal: DealModel;
  readonly visitedOn: IsoDate;
  readonly owner: Owner;
  readonly met: string;
  readonly companions: string | null;
  readonly discussed: string;
  readonly customerAsked: string | null;
  nextAction: string;
  nextActionOn: IsoDate;
  ball: BallLabel;
}

const VISIT_WEIGHTS: Readonly<Record<StageCode, number>> = {
  lead: 0.5,
  nurturing: 1.5,
  proposal: 2.5,
  quote: 3,
  closing: 4,
  won: 3,
  expansion: 2,
  lost: 2,
};

const VISIT_WINDOW_DAYS = 182;

function generateVisits(rng: Rng, deals: readonly DealModel[], count: number, today: IsoDate): VisitModel[] {
  const windowStart = addDays(today, -VISIT_WINDOW_DAYS);
  const windows = deals
    .map((deal) => {
      const from = deal.createdOn > windowStart ? deal.createdOn : windowStart;
      // Nobody visits about a lost deal long after it was lost.
      const to = deal.stage === 'lost' ? (deal.path.at(-1)?.from ?? today) : today;
      return { deal, from, to };
    })
    .filter((w) => w.from <= w.to);
  if (windows.length === 0) return [];

  const weighted = windows.map((w) => [w, VISIT_WEIGHTS[w.deal.stage]] as const);
  const visits: VisitModel[] = [];
  for (let i = 0; i < count; i++) {
    const { deal, from, to } = rng.weighted(weighted);
    const visitedOn = weekday(addDays(from, rng.int(0, daysBetween(from, to))), today);
    const stage = stageOn(deal, visitedOn);
    const lateInDeal = stage === 'quote' || stage === 'closing';
    const owner = ownerOn(deal, stage);
    visits.push({
      deal,
      visitedOn,
      owner,
      met: lateInDeal && rng.chance(0.35) ? `${deal.account.contact}、${deal.account.boss}` : deal.account.contact,
      companions: rng.chance(0.6)
        ? null
        : rng.chance(0.5)
          ? rng.pick(OUR_COMPANIONS)
          : rng.pick(OWNERS.filter((o) => o.name !== owner.name)).name,
      discussed: rng.pick(DISCUSSED[stage]),
      customerAsked: rng.chance(0.25) ? null : rng.pick(CUSTOMER_ASKS),
      nextAction: rng.pick(NEXT_ACTIONS[stage]),
      nextActionOn: weekday(addDays(visitedOn, rng.int(3, 21)), addDays(today, 60)),
      ball: stage === 'quote' ? (rng.chance(0.8) ? '顧客' : '自社') : rng.chance(0.55) ? '自社' : '顧客',
    });
  }
  visits.sort((a, b) => (a.visitedOn === b.visitedOn ? a.deal.no - b.deal.no : a.visitedOn < b.visitedOn ? -1 : 1));
  return visits;
}

const CLOSE_IN_DAYS: Readonly<Record<StageCode, readonly [number, number]>> = {
  lead: [60, 200],
  nurturing: [60, 240],
  proposal: [30, 150],
  quote: [14, 90],
  closing: [5, 45],
  expansion: [30, 180],
  won: [0, 0],
  lost: [0, 0],
};

/** The deals sheet's ボール / 最終訪問日 / 次回… follow the latest visit, as a diligent rep would. */
function settleDeals(rng: Rng, deals: readonly DealModel[], visits: readonly VisitModel[], today: IsoDate): void {
  const latest = new Map<number, VisitModel>();
  for (const visit of visits) latest.set(visit.deal.no, visit);

  for (const deal of deals) {
    const last = latest.get(deal.no) ?? null;
    const stageChangedOn = deal.path.at(-1)?.from ?? today;
    deal.lastVisitOn = last?.visitedOn ?? null;

    if (deal.stage === 'won') {
      deal.ball = rng.chance(0.3) ? '自社' : null;
      deal.nextAction = rng.chance(0.6) ? rng.pick(NEXT_ACTIONS.won) : null;
      deal.nextActionOn = deal.nextAction === null ? null : weekday(addDays(stageChangedOn, rng.int(5, 30)), addDays(today, 60));
      deal.expectedCloseOn = stageChangedOn;
      continue;
    }
    if (deal.stage === 'lost') continue;

    const ballRoll = rng.next();
    deal.ball =
      ballRoll < 0.12 ? null : (last?.ball ?? (deal.stage === 'quote' ? '顧客' : ballRoll < 0.55 ? '自社' : '顧客'));
    const basis = last?.visitedOn ?? stageChangedOn;
    deal.nextAction = last?.nextAction ?? rng.pick(NEXT_ACTIONS[deal.stage]);
    deal.nextActionOn = last?.nextActionOn ?? weekday(addDays(basis, rng.int(3, 30)), addDays(today, 60));
    // A call since the last visit often moved the next step on; the rest are genuinely overdue.
    if (deal.nextActionOn < today && rng.chance(0.4)) {
      deal.nextAction = rng.pick(NEXT_ACTIONS[deal.stage]);
      deal.nextActionOn = weekday(addDays(today, rng.int(1, 21)), addDays(today, 60));
    }
    const [min, max] = CLOSE_IN_DAYS[deal.stage];
    // Some expected close dates have already slipped past: nobody updated them.
    const offset = rng.chance(0.1) ? -rng.int(3, 40) : rng.int(min, max);
    deal.expectedCloseOn = rng.chance(0.1) && (deal.stage === 'lead' || deal.stage === 'nurturing') ? null : weekday(addDays(today, offset), addDays(today, 400));
  }
}

// ---------------------------------------------------------------------------------------------
// Special-handling requests

const REQUEST_TYPES = ['契約変更', '値引き', '特別納品', '特別サポート', 'その他'] as const;
type RequestTypeLabel = (typeof REQUEST_TYPES)[number];

const REQUEST_ASKS: Readonly<Record<RequestTypeLabel, readonly string[]>> = {
  契約変更: ['検収条件を分割検収に変更', '支払サイトを90日に延長', '契約期間を3年から1年に短縮', '損害賠償上限の条項を修正'],
  値引き: ['見積金額から10%値引き', '初年度保守費用を無償化', '端数値引き(50万円)', 'ライセンス費用を15%値引き'],
  特別納品: ['納期を2週間前倒し', '土曜日に納品・設置', '分納(3回)に対応', '年末年始の工場停止中に入替作業'],
  特別サポート: ['導入後3か月間の常駐サポート', '24時間電話サポート(稼働月のみ)', '現場向け操作研修を追加で3回', '英語版マニュアルの作成'],
  その他: ['自社仕様の帳票フォーマット作成', '見積書の宛名を親会社に変更', '社内セキュリティ審査用の資料作成', 'デモ機の長期貸出(2か月)'],
};

const REQUEST_BACKGROUNDS: Readonly<Record<RequestTypeLabel, readonly string[]>> = {
  契約変更: ['顧客の経理規程で一括検収ができない', '親会社の購買ルール変更で支払条件が統一された', '顧客法務部から修正依頼'],
  値引き: ['競合B社が15%安い見積を提示。決裁者が価格を最重視', '予算上限が決まっており超過分は来期に回せない', '3拠点展開の前提で初回を戦略価格にしたい'],
  特別納品: ['顧客工場の稼働開始が前倒しになった', '平日は生産ラインを止められない', '倉庫スペースが足りず一括では受け入れられない'],
  特別サポート: ['現場の担当者がITに不慣れで定着が不安', '海外拠点のスタッフも利用する', '前回ベンダーのサポート不足で失敗した経緯あり'],
  その他: ['グループ会社間で帳票を統一している', '決裁が親会社で行われる', '顧客の情報セキュリティ規程による'],
};

const REQUEST_ALTERNATIVES: Readonly<Record<RequestTypeLabel, readonly string[]>> = {
  契約変更: ['2回分割検収で調整', '支払サイト60日で提案'],
  値引き: ['値引きではなく研修1回を無償提供', '複数年契約を条件に5%値引き'],
  特別納品: ['先行して1台のみ納品', '通常便+休日設置費のみ顧客負担'],
  特別サポート: ['リモートサポートで代替', '常駐は最初の2週間のみ'],
  その他: ['標準帳票のレイアウト変更で対応', '既存の資料を流用'],
};

interface RequestModel {
  readonly requestedOn: IsoDate;
  readonly type: RequestTypeLabel;
  readonly deal: DealModel;
  readonly background: string | null;
  readonly ask: string;
  readonly alternative: string | null;
  readonly cost: number | null;
  readonly status: string;
}

function generateRequests(rng: Rng, deals: readonly DealModel[], count: number, today: IsoDate): RequestModel[] {
  const candidates = deals.filter(
    (d) => d.stage === 'proposal' || d.stage === 'quote' || d.stage === 'closing' || d.stage === 'won' || d.stage === 'expansion',
  );
  if (candidates.length === 0) return [];
  const requests: RequestModel[] = [];
  for (let i = 0; i < count; i++) {
    const deal = rng.pick(candidates);
    const type = rng.weighted([
      ['値引き', 30],
      ['契約変更', 20],
      ['特別納品', 20],
      ['特別サポート', 20],
      ['その他', 10],
    ] as const);
    const earliest = deal.createdOn > addDays(today, -120) ? deal.createdOn : addDays(today, -120);
    const requestedOn = weekday(addDays(earliest, rng.int(0, daysBetween(earliest, today))), today);
    const thin = rng.next();
    const background = thin < 0.12 ? '顧客要望' : thin < 0.2 ? null : rng.pick(REQUEST_BACKGROUNDS[type]);
    const age = daysBetween(requestedOn, today);
    const status =
      background === null || background === '顧客要望'
        ? rng.pick(['差戻し', '申請中'])
        : age < 10
          ? '申請中'
          : rng.weighted([
              ['承認', 55],
              ['却下', 20],
              ['差戻し', 10],
              ['申請中', 15],
            ] as const);
    const amount = deal.amount ?? 3_000_000;
    const cost =
      status === '申請中' && rng.chance(0.3)
        ? null
        : type === '値引き'
          ? Math.round((amount * rng.int(5, 15)) / 100 / 1000) * 1000
          : type === '特別サポート'
            ? rng.int(20, 200) * 10_000
            : rng.int(3, 50) * 10_000;
    requests.push({
      requestedOn,
      type,
      deal,
      background,
      ask: rng.pick(REQUEST_ASKS[type]),
      alternative: rng.chance(0.5) ? rng.pick(REQUEST_ALTERNATIVES[type]) : null,
      cost,
      status,
    });
  }
  requests.sort((a, b) => (a.requestedOn < b.requestedOn ? -1 : a.requestedOn > b.requestedOn ? 1 : 0));
  return requests;
}

// ---------------------------------------------------------------------------------------------
// Rendering

const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
const TITLE_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const FORMULA_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = 'Meiryo UI';
const DATE_FORMAT = 'yyyy/mm/dd';
const YEN_FORMAT = '#,##0';

/** exceljs writes a Date as its UTC day, which is exactly the spreadsheet serial we want. */
function excelDate(date: IsoDate | null): Date | null {
  return date === null ? null : new Date(`${date}T00:00:00Z`);
}

function styleHeader(sheet: Worksheet, row: number, columns: number): void {
  const header = sheet.getRow(row);
  header.height = 22;
  for (let c = 1; c <= columns; c++) {
    const cell = header.getCell(c);
    cell.font = { name: FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
}

function styleBody(sheet: Worksheet, fromRow: number, toRow: number, columns: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 10 };
      cell.border = THIN_BORDER;
    }
  }
}

function setColumnFormats(sheet: Worksheet, formats: Readonly<Record<number, string>>, fromRow: number, toRow: number): void {
  for (const [column, numFmt] of Object.entries(formats)) {
    for (let r = fromRow; r <= toRow; r++) sheet.getRow(r).getCell(Number(column)).numFmt = numFmt;
  }
}

function columnOf(header: DealHeader): number {
  return DEAL_HEADERS.indexOf(header) + 1;
}

/** What Excel itself would compute for 見込金額, cached so readers that never recalculate see it. */
function expectedAmount(amount: CellValue, probability: CellValue): number | string {
  const h = amount === null ? 0 : typeof amount === 'number' ? amount : null;
  const rank = typeof probability === 'string' ? RANKS.find(([r]) => r === probability) : undefined;
  const g = typeof probability === 'number' ? probability : rank !== undefined ? rank[1] : null;
  return h === null || g === null ? '' : h * g;
}

function addDealsSheet(workbook: Workbook, deals: readonly DealModel[]): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.deals, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: DEAL_HEADER_ROW, topLeftCell: 'D5', activeCell: 'D5' }],
    properties: { tabColor: { argb: 'FF1F4E78' } },
  });
  const widths: Readonly<Record<DealHeader, number>> = {
    'No.': 6, 顧客名: 28, 案件名: 30, 担当者: 12, ステージ: 18, ステージ変更日: 14, 確度: 7,
    見積金額: 14, 見込金額: 14, 粗利: 13, 見積提出日: 13, ボール: 8, 最終訪問日: 13,
    次回アクション: 24, 次回予定日: 13, 受注予定日: 13, 登録日: 13, 備考: 30,
  };
  sheet.columns = DEAL_HEADERS.map((header) => ({ width: widths[header] }));
  const lastColumn = columnLetter(DEAL_HEADERS.length);

  sheet.getCell('A1').value = '2026年度 営業案件管理表(第3四半期)';
  sheet.mergeCells(`A1:${lastColumn}1`);
  const title = sheet.getCell('A1');
  title.font = { name: FONT, bold: true, size: 14, color: { argb: 'FF1F4E78' } };
  title.fill = TITLE_FILL;
  title.alignment = { vertical: 'middle', horizontal: 'left' };
  sheet.getRow(1).height = 28;
  sheet.getCell('A2').value = '※ステージ変更時はステージ変更日も更新してください';
  sheet.getCell('A2').font = { name: FONT, size: 9, color: { argb: 'FFC00000' } };

  sheet.getRow(DEAL_HEADER_ROW).values = [...DEAL_HEADERS];
  styleHeader(sheet, DEAL_HEADER_ROW, DEAL_HEADERS.length);

  const plants = new Map(DEAL_PLANTS.map((p) => [`${p.no}\t${p.header}`, p.value]));
  // The row after the middle deal is never written: someone cleared it instead of deleting it.
  let lastRow = DEAL_HEADER_ROW;
  for (const deal of deals) {
    const rowNumber = dealRow(deal.no, deals.length);
    lastRow = rowNumber;
    const probability =
      deal.probability === null ? null : deal.owner.usesRanks ? rankOf(deal.probability) : deal.probability;
    const values: Record<DealHeader, CellValue> = {
      'No.': deal.no,
      顧客名: deal.account.name,
      案件名: deal.title,
      担当者: deal.owner.name,
      ステージ: stageLabel(deal.stage),
      ステージ変更日: excelDate(deal.path.at(-1)?.from ?? null),
      確度: probability,
      見積金額: deal.amount,
      見込金額: null,
      粗利: deal.grossMargin,
      見積提出日: excelDate(deal.quoteSentOn),
      ボール: deal.ball,
      最終訪問日: excelDate(deal.lastVisitOn),
      次回アクション: deal.nextAction,
      次回予定日: excelDate(deal.nextActionOn),
      受注予定日: excelDate(deal.expectedCloseOn),
      登録日: excelDate(deal.createdOn),
      備考: deal.remarks,
    };
    for (const header of DEAL_HEADERS) {
      const key = `${deal.no}\t${header}`;
      if (plants.has(key)) values[header] = plants.get(key) ?? null;
    }
    const h = `H${rowNumber}`;
    const g = `G${rowNumber}`;
    // The team's own formula: ranks are looked up in the table on the メモ sheet.
    values.見込金額 = {
      formula: `IFERROR(${h}*IF(ISNUMBER(${g}),${g},VLOOKUP(${g},${SHEET_NAMES.memo}!$A$12:$B$14,2,FALSE)),"")`,
      result: expectedAmount(values.見積金額, values.確度),
    };
    const row = sheet.getRow(rowNumber);
    DEAL_HEADERS.forEach((header, i) => {
      row.getCell(i + 1).value = values[header];
    });
  }
  styleBody(sheet, DEAL_FIRST_DATA_ROW, lastRow, DEAL_HEADERS.length);
  setColumnFormats(
    sheet,
    {
      [columnOf('ステージ変更日')]: DATE_FORMAT,
      [columnOf('確度')]: '0%',
      [columnOf('見積金額')]: YEN_FORMAT,
      [columnOf('見込金額')]: YEN_FORMAT,
      [columnOf('粗利')]: YEN_FORMAT,
      [columnOf('見積提出日')]: DATE_FORMAT,
      [columnOf('最終訪問日')]: DATE_FORMAT,
      [columnOf('次回予定日')]: DATE_FORMAT,
      [columnOf('受注予定日')]: DATE_FORMAT,
      [columnOf('登録日')]: DATE_FORMAT,
    },
    DEAL_FIRST_DATA_ROW,
    lastRow,
  );
  for (let r = DEAL_FIRST_DATA_ROW; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    row.getCell(columnOf('見込金額')).fill = FORMULA_FILL;
    row.getCell(columnOf('確度')).alignment = { horizontal: 'center' };
    row.getCell(columnOf('ボール')).alignment = { horizontal: 'center' };
    row.getCell(columnOf('ステージ')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${DEFAULT_STAGES.map((s) => s.label).join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'ステージ',
      error: 'リストから選択してください',
    };
    row.getCell(columnOf('ボール')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"自社,顧客"'],
    };
  }
  sheet.autoFilter = { from: `A${DEAL_HEADER_ROW}`, to: `${lastColumn}${Math.max(lastRow, DEAL_HEADER_ROW)}` };
}

function addVisitsSheet(workbook: Workbook, visits: readonly VisitModel[]): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.visits, {
    views: [{ state: 'frozen', ySplit: VISIT_HEADER_ROW, topLeftCell: 'A3', activeCell: 'A3' }],
    properties: { tabColor: { argb: 'FF548235' } },
  });
  const widths = [12, 28, 30, 12, 30, 18, 32, 40, 24, 12, 8];
  sheet.columns = widths.map((width) => ({ width }));
  sheet.getCell('A1').value = '訪問記録(2026年度下期)';
  sheet.getCell('A1').font = { name: FONT, bold: true, size: 13, color: { argb: 'FF548235' } };
  sheet.getRow(VISIT_HEADER_ROW).values = [...VISIT_HEADERS];
  styleHeader(sheet, VISIT_HEADER_ROW, VISIT_HEADERS.length);
  visits.forEach((visit, i) => {
    sheet.getRow(VISIT_HEADER_ROW + 1 + i).values = [
      excelDate(visit.visitedOn),
      visit.deal.account.name,
      visit.deal.title,
      visit.owner.name,
      visit.met,
      visit.companions,
      visit.discussed,
      visit.customerAsked,
      visit.nextAction,
      excelDate(visit.nextActionOn),
      visit.ball,
    ];
  });
  const lastRow = VISIT_HEADER_ROW + visits.length;
  styleBody(sheet, VISIT_HEADER_ROW + 1, lastRow, VISIT_HEADERS.length);
  setColumnFormats(sheet, { 1: DATE_FORMAT, 10: DATE_FORMAT }, VISIT_HEADER_ROW + 1, lastRow);
  sheet.autoFilter = { from: `A${VISIT_HEADER_ROW}`, to: `${columnLetter(VISIT_HEADERS.length)}${lastRow}` };
}

function addRequestsSheet(workbook: Workbook, requests: readonly RequestModel[]): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.requests, {
    views: [{ state: 'frozen', ySplit: REQUEST_HEADER_ROW, topLeftCell: 'A2', activeCell: 'A2' }],
    properties: { tabColor: { argb: 'FFC55A11' } },
  });
  const widths = [12, 12, 28, 30, 12, 40, 32, 28, 13, 10];
  sheet.columns = widths.map((width) => ({ width }));
  sheet.getRow(REQUEST_HEADER_ROW).values = [...REQUEST_HEADERS];
  styleHeader(sheet, REQUEST_HEADER_ROW, REQUEST_HEADERS.length);
  const plants = new Map(REQUEST_PLANTS.map((p) => [`${p.index}\t${p.header}`, p.value]));
  requests.forEach((request, i) => {
    const values: Record<(typeof REQUEST_HEADERS)[number], CellValue> = {
      申請日: excelDate(request.requestedOn),
      申請種別: request.type,
      顧客名: request.deal.account.name,
      案件名: request.deal.title,
      申請者: request.deal.owner.name,
      背景: request.background,
      依頼内容: request.ask,
      代替案: request.alternative,
      概算コスト: request.cost,
      ステータス: request.status,
    };
    for (const header of REQUEST_HEADERS) {
      const key = `${i}\t${header}`;
      if (plants.has(key)) values[header] = plants.get(key) ?? null;
    }
    const row = sheet.getRow(REQUEST_HEADER_ROW + 1 + i);
    REQUEST_HEADERS.forEach((header, c) => {
      row.getCell(c + 1).value = values[header];
    });
    row.getCell(2).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${REQUEST_TYPES.join(',')}"`] };
    row.getCell(10).dataValidation = { type: 'list', allowBlank: true, formulae: ['"申請中,承認,却下,差戻し"'] };
  });
  const lastRow = REQUEST_HEADER_ROW + requests.length;
  styleBody(sheet, REQUEST_HEADER_ROW + 1, lastRow, REQUEST_HEADERS.length);
  setColumnFormats(sheet, { 1: DATE_FORMAT, 9: YEN_FORMAT }, REQUEST_HEADER_ROW + 1, lastRow);
  sheet.autoFilter = { from: `A${REQUEST_HEADER_ROW}`, to: `${columnLetter(REQUEST_HEADERS.length)}${lastRow}` };
}

function addMemoSheet(workbook: Workbook): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.memo, { properties: { tabColor: { argb: 'FF7F7F7F' } } });
  sheet.columns = [{ width: 24 }, { width: 14 }, { width: 28 }];
  const notes = [
    '・確度はパーセントで入力。伊藤さんはA/B/Cランクで入力しているので下の表で換算(見込金額の式が参照)',
    '・ボール:自社=こちらのアクション待ち、顧客=お客様の返事待ち',
    '・失注時は備考に理由(価格/競合/時期)を書くこと',
    '・特別対応は必ず「特別対応申請」シートに背景を書いてから営業サポートへ',
    '・2026/10/1 から粗利の入力を必須化(部長指示)',
  ];
  sheet.getCell('A1').value = 'メモ(営業一課)';
  sheet.getCell('A1').font = { name: FONT, bold: true, size: 13 };
  notes.forEach((note, i) => {
    sheet.getCell(`A${3 + i}`).value = note;
  });

  // Looked up by the 見込金額 formula on the deals sheet: keep it at A12:B14.
  sheet.getCell('A10').value = '確度ランク換算表';
  sheet.getCell('A10').font = { name: FONT, bold: true };
  sheet.getRow(11).values = ['ランク', '確度', '目安'];
  styleHeader(sheet, 11, 3);
  RANKS.forEach(([rank, probability, meaning], i) => {
    const row = sheet.getRow(12 + i);
    row.values = [rank, probability, meaning];
    row.getCell(2).numFmt = '0%';
  });
  styleBody(sheet, 12, 14, 3);

  sheet.getCell('A17').value = 'ステージ定義(2026/4 営業会議で決定)';
  sheet.getCell('A17').font = { name: FONT, bold: true };
  sheet.getRow(18).values = ['ステージ', '担当チーム', '停滞の目安(日)'];
  styleHeader(sheet, 18, 3);
  DEFAULT_STAGES.forEach((stage, i) => {
    sheet.getRow(19 + i).values = [stage.label, stage.team ?? '—', stage.staleAfterDays ?? '—'];
  });
  styleBody(sheet, 19, 18 + DEFAULT_STAGES.length, 3);
}

/**
 * Builds the example workbook. Deterministic: the same options always give the same cells,
 * because all randomness comes from `seed` and every date from `today`.
 */
export async function generateExampleWorkbook(options: ExampleWorkbookOptions = {}): Promise<Workbook> {
  const seed = options.seed ?? EXAMPLE_DEFAULTS.seed;
  const dealCount = options.deals ?? EXAMPLE_DEFAULTS.deals;
  const today = options.today ?? EXAMPLE_DEFAULTS.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  if (!Number.isInteger(dealCount) || dealCount < 1) throw new Error(`deals must be a positive integer, got ${dealCount}`);

  const rng = createRng(seed);
  const accounts = generateAccounts(rng);
  const deals = generateDeals(rng, accounts, dealCount, today);
  const visits = generateVisits(rng, deals, dealCount * 2, today);
  settleDeals(rng, deals, visits, today);
  const requests = generateRequests(rng, deals, requestCountFor(dealCount), today);

  const workbook = new ExcelJS.Workbook();
  // Fixed metadata: exceljs would otherwise stamp the real clock into docProps.
  const stamp = new Date(`${today}T00:00:00Z`);
  workbook.creator = '営業一課';
  workbook.lastModifiedBy = '営業一課';
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.calcProperties.fullCalcOnLoad = true;
  addDealsSheet(workbook, deals);
  addVisitsSheet(workbook, visits);
  addRequestsSheet(workbook, requests);
  addMemoSheet(workbook);
  return workbook;
}

if (import.meta.main) {
  const out = fileURLToPath(new URL('./sales-pipeline.xlsx', import.meta.url));
  const workbook = await generateExampleWorkbook({ today: EXAMPLE_DEFAULTS.today });
  await workbook.xlsx.writeFile(out);
  console.log(`wrote ${out}`);
}
