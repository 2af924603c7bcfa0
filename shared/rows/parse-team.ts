import { failed, parsed, empty, type CellValue, type ParseResult } from '../cells/cell-value.ts';
import { isBlankMarker, normalizeText } from '../cells/normalize-text.ts';
import type { Team } from '../stages/stage.ts';

const TEAM_WORDS: Readonly<Record<string, Team>> = {
  is: 'IS',
  インサイドセールス: 'IS',
  インサイド: 'IS',
  insidesales: 'IS',
  fs: 'FS',
  フィールドセールス: 'FS',
  フィールド: 'FS',
  fieldsales: 'FS',
  営業: 'FS',
  cs: 'CS',
  カスタマーサクセス: 'CS',
  customersuccess: 'CS',
};

/** IS / FS / CS from the team's own words. */
export function parseTeam(cell: CellValue): ParseResult<Team> {
  // 未定, -, — and the like mean "not decided yet", not a team called 未定.
  if (cell === null || cell === '' || (typeof cell === 'string' && isBlankMarker(cell))) return empty();
  const key = normalizeText(String(cell)).toLowerCase().replace(/\s+/g, '');
  if (key === '') return empty();
  const team = TEAM_WORDS[key];
  return team === undefined ? failed('team.unknown') : parsed(team);
}
