import type { IsoDate } from '../calendar/iso-date.ts';
import type { Locale } from '../i18n/locale.ts';
import { DEFAULT_STAGES, type StageCode, type StageDefinition } from '../stages/stage.ts';

export type DayCounting = 'calendar' | 'business';

/** A span the company is closed (both ends inclusive), skipped when counting business days. */
export interface Closure {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Per-spreadsheet settings: every threshold the flag rules use, and how cells are read. */
export interface SyncSettings {
  readonly stages: readonly StageDefinition[];
  /** The team's own stage labels onto canonical stages, on top of the built-in synonyms. */
  readonly stageLabels: Readonly<Record<string, StageCode>>;
  /** A deal is flagged as a warning at this share of its stage's stale threshold. */
  readonly warningRatio: number;
  readonly dayCounting: DayCounting;
  readonly companyClosures: readonly Closure[];
  /** Days the ball may sit with the customer before a follow-up is due. */
  readonly ballFollowUpDays: number;
  /** Days a deal may sit unvisited after moving into another team's stage. */
  readonly handoffUnattendedDays: number;
  /** Probability ranks (A/B/C…) onto percentages. */
  readonly probabilityRanks: Readonly<Record<string, number>>;
  /** How to read `1/4/2024`: month first (the contract's default) or day first. */
  readonly dateOrder: 'mdy' | 'dmy';
  /** The spreadsheet's IANA time zone; instants are read as dates there. */
  readonly timeZone: string;
  /** Language of headers and flag text the service writes; null follows the sheet's headers. */
  readonly locale: Locale | null;
}

export const DEFAULT_SETTINGS: SyncSettings = Object.freeze({
  stages: DEFAULT_STAGES,
  stageLabels: Object.freeze({}),
  warningRatio: 0.8,
  dayCounting: 'calendar',
  companyClosures: Object.freeze([]),
  ballFollowUpDays: 7,
  handoffUnattendedDays: 3,
  probabilityRanks: Object.freeze({ A: 80, B: 50, C: 20 }),
  dateOrder: 'mdy',
  timeZone: 'Asia/Tokyo',
  locale: null,
});
