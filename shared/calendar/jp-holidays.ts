import { addDays, dayOfWeek, isoDateFromParts, type IsoDate } from './iso-date.ts';

// The rules below are those of the Act on National Holidays (国民の祝日に関する法律) and the
// special acts in force from 1990; outside this span no holidays are known.
const FIRST_YEAR = 1990;
const LAST_YEAR = 2099;

const SUBSTITUTE = '振替休日';
const SANDWICHED = '国民の休日';

function date(year: number, month: number, day: number): IsoDate {
  // Every caller passes a real day, so the fallback never shows.
  return isoDateFromParts(year, month, day) ?? `${year}-01-01`;
}

function nthMonday(year: number, month: number, n: number): IsoDate {
  const first = date(year, month, 1);
  const firstMonday = 1 + ((8 - dayOfWeek(first)) % 7);
  return date(year, month, firstMonday + 7 * (n - 1));
}

// The standard approximation of the equinox days, valid 1980–2099.
function vernalEquinoxDay(year: number): number {
  return Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

function autumnalEquinoxDay(year: number): number {
  return Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

// One-off holidays set by special acts; the acts make them count as 国民の祝日, so they take part
// in the substitute and sandwich rules (2019-04-30 and 2019-05-02 come from that).
const SPECIAL_DAYS: ReadonlyMap<IsoDate, string> = new Map([
  ['1990-11-12', '即位礼正殿の儀'],
  ['1993-06-09', '皇太子徳仁親王の結婚の儀'],
  ['2019-05-01', '天皇の即位の日'],
  ['2019-10-22', '即位礼正殿の儀'],
]);

/** The 国民の祝日 proper (no substitute or sandwiched days) of a year in range. */
function nationalHolidays(year: number): Map<IsoDate, string> {
  const days = new Map<IsoDate, string>();
  const add = (day: IsoDate, name: string): void => {
    days.set(day, name);
  };

  add(date(year, 1, 1), '元日');
  add(year < 2000 ? date(year, 1, 15) : nthMonday(year, 1, 2), '成人の日');
  add(date(year, 2, 11), '建国記念の日');
  if (year >= 2020) add(date(year, 2, 23), '天皇誕生日');
  add(date(year, 3, vernalEquinoxDay(year)), '春分の日');
  add(date(year, 4, 29), year < 2007 ? 'みどりの日' : '昭和の日');
  add(date(year, 5, 3), '憲法記念日');
  if (year >= 2007) add(date(year, 5, 4), 'みどりの日');
  add(date(year, 5, 5), 'こどもの日');

  // Olympic years moved three holidays around the opening and closing ceremonies.
  if (year === 2020) add(date(year, 7, 23), '海の日');
  else if (year === 2021) add(date(year, 7, 22), '海の日');
  else if (year >= 2003) add(nthMonday(year, 7, 3), '海の日');
  else if (year >= 1996) add(date(year, 7, 20), '海の日');

  if (year === 2020) add(date(year, 8, 10), '山の日');
  else if (year === 2021) add(date(year, 8, 8), '山の日');
  else if (year >= 2016) add(date(year, 8, 11), '山の日');

  add(year < 2003 ? date(year, 9, 15) : nthMonday(year, 9, 3), '敬老の日');
  add(date(year, 9, autumnalEquinoxDay(year)), '秋分の日');

  if (year === 2020) add(date(year, 7, 24), 'スポーツの日');
  else if (year === 2021) add(date(year, 7, 23), 'スポーツの日');
  else if (year >= 2020) add(nthMonday(year, 10, 2), 'スポーツの日');
  else if (year >= 2000) add(nthMonday(year, 10, 2), '体育の日');
  else add(date(year, 10, 10), '体育の日');

  add(date(year, 11, 3), '文化の日');
  add(date(year, 11, 23), '勤労感謝の日');
  // 2019 had no emperor's birthday: Akihito abdicated in April, Naruhito's falls in February.
  if (year <= 2018) add(date(year, 12, 23), '天皇誕生日');

  for (const [day, name] of SPECIAL_DAYS) {
    if (day.startsWith(`${year}-`)) add(day, name);
  }
  return days;
}

function computeYear(year: number): ReadonlyMap<IsoDate, string> {
  if (year < FIRST_YEAR || year > LAST_YEAR) return new Map();
  const national = nationalHolidays(year);
  const all = new Map(national);

  for (const day of national.keys()) {
    if (dayOfWeek(day) !== 0) continue;
    if (year < 2007) {
      // Before the 2007 amendment only the Monday itself could be a substitute.
      const next = addDays(day, 1);
      if (!national.has(next)) all.set(next, SUBSTITUTE);
    } else {
      let next = addDays(day, 1);
      while (national.has(next)) next = addDays(next, 1);
      all.set(next, SUBSTITUTE);
    }
  }

  for (const day of national.keys()) {
    const between = addDays(day, 1);
    if (national.has(between) || !national.has(addDays(day, 2)) || all.has(between)) continue;
    // Before 2007 a sandwiched Sunday or substitute Monday did not become a 国民の休日.
    if (year < 2007 && dayOfWeek(between) === 0) continue;
    all.set(between, SANDWICHED);
  }

  return new Map([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// Memoised per year: a sync asks about the same few years for every row.
const byYear = new Map<number, ReadonlyMap<IsoDate, string>>();

/** Every Japanese public holiday of a year in date order, with names; empty outside 1990–2099. */
export function japaneseHolidaysInYear(year: number): ReadonlyMap<IsoDate, string> {
  let days = byYear.get(year);
  if (days === undefined) {
    days = computeYear(year);
    byYear.set(year, days);
  }
  return days;
}

/** The name of the Japanese public holiday on a date (振替休日 and 国民の休日 included), or null. */
export function japaneseHolidayName(date: IsoDate): string | null {
  return japaneseHolidaysInYear(Number(date.slice(0, 4))).get(date) ?? null;
}

/** True when the date is a Japanese public holiday (1990–2099; always false outside). */
export function isJapanesePublicHoliday(date: IsoDate): boolean {
  return japaneseHolidayName(date) !== null;
}
