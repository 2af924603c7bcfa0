import type { Message } from '../i18n/locale.ts';
import type { CellErrorCode } from './cell-value.ts';

// What each cell error tells the person who typed the cell; `{value}` is the cell as written.
export const CELL_MESSAGES: Readonly<Record<CellErrorCode, Message>> = Object.freeze({
  'date.invalid': {
    ja: '日付として読めません: {value}（例: 2024/4/1、2024年4月1日、令和6年4月1日）',
    en: 'Not a date: {value} (e.g. 2024-04-01, 2024/4/1, 令和6年4月1日)',
  },
  'date.noSuchDay': {
    ja: '存在しない日付です: {value}',
    en: 'No such day: {value}',
  },
  'date.outsideEra': {
    ja: '元号の期間外の日付です: {value}（令和は2019年5月1日から）',
    en: 'The date is outside its Japanese era: {value} (Reiwa began on 2019-05-01)',
  },
  'amount.invalid': {
    ja: '金額として読めません: {value}（例: 1,200,000、120万円）',
    en: 'Not an amount: {value} (e.g. 1,200,000 or 120万円)',
  },
  'amount.range': {
    ja: '金額が範囲で書かれています: {value}。一つの金額を入力してください',
    en: 'The amount is a range: {value}. Enter a single amount',
  },
  'amount.currency': {
    ja: '円以外の通貨です: {value}。円に換算して入力してください',
    en: 'Not in yen: {value}. Enter the amount converted to yen',
  },
  'probability.invalid': {
    ja: '確度として読めません: {value}（例: 50%、A）',
    en: 'Not a probability: {value} (e.g. 50% or A)',
  },
  'probability.outOfRange': {
    ja: '確度は0〜100%で入力してください: {value}',
    en: 'Probability must be between 0% and 100%: {value}',
  },
  'stage.unknown': {
    ja: '不明なステージです: {value}。設定でステージの対応を追加してください',
    en: 'Unknown stage: {value}. Map it to a stage in the settings',
  },
  'ball.unknown': {
    ja: 'ボールの持ち主が読めません: {value}（自社 または 顧客）',
    en: 'Cannot tell who holds the ball: {value} (us or customer)',
  },
  'team.unknown': {
    ja: '不明なチームです: {value}（IS、FS、CS）',
    en: 'Unknown team: {value} (IS, FS or CS)',
  },
  'requestType.unknown': {
    ja: '不明な申請種別です: {value}（契約変更、値引き、特別納品、特別対応、その他）',
    en:
      'Unknown request type: {value} (contract change, discount, special delivery, special support, other)',
  },
  'text.tooLong': {
    ja: 'テキストが長すぎます（5000文字まで）',
    en: 'The text is too long (5,000 characters at most)',
  },
  'text.nul': {
    ja: 'NUL文字（U+0000）が含まれています。取り除いて読み込みました: {value}',
    en: 'Contains a NUL character (U+0000), removed: {value}',
  },
});
