import type { StageCode } from '../stages/stage.ts';
import { STAGE_SYNONYMS } from '../stages/stage-synonyms.ts';
import { empty, failed, parsed, type CellValue, type ParseResult } from './cell-value.ts';
import { indexLabels, isBlankMarker, labelKey, normalizeText } from './normalize-text.ts';

/**
 * Reads a stage label onto a canonical stage: the team's own labels first, then the built-in
 * synonyms, compared without case, width or spaces. A leading stage number (`3.見積提出`,
 * `03_見積提出`, `(3)見積提出`) is ignored when the whole label does not match.
 */
export function parseStage(
  cell: CellValue,
  teamLabels: Readonly<Record<string, StageCode>>,
): ParseResult<StageCode> {
  if (cell === null) return empty();
  if (typeof cell === 'boolean') return failed('stage.unknown');
  const text = String(cell);
  if (isBlankMarker(text)) return empty();
  const keys = stageKeys(text);
  const code = findStage(keys, teamIndex(teamLabels)) ?? findStage(keys, BUILT_IN);
  return code === undefined ? failed('stage.unknown') : parsed(code);
}

const BUILT_IN = indexLabels(STAGE_SYNONYMS);

// Teams number their stages so the sheet sorts: `3.`, `03_`, `(3)`, `【3】`, `③` (NFKC makes it 3).
const RANK_PREFIX = /^[(\[【<]?\d{1,2}[)\]】>]?[.:_\-、,)\s]*/u;

// The whole label first, then without its stage number.
function stageKeys(text: string): readonly string[] {
  const normalized = normalizeText(text);
  const keys = [labelKey(normalized), labelKey(normalized.replace(RANK_PREFIX, ''))];
  return keys.filter((key, i) => key !== '' && keys.indexOf(key) === i);
}

function findStage(
  keys: readonly string[],
  index: ReadonlyMap<string, StageCode>,
): StageCode | undefined {
  for (const key of keys) {
    const code = index.get(key);
    if (code !== undefined) return code;
  }
  return undefined;
}

// A memo: settings objects are immutable and reused for every row of a sync.
const teamIndexes = new WeakMap<object, ReadonlyMap<string, StageCode>>();

function teamIndex(
  teamLabels: Readonly<Record<string, StageCode>>,
): ReadonlyMap<string, StageCode> {
  const cached = teamIndexes.get(teamLabels);
  if (cached !== undefined) return cached;
  const index = new Map<string, StageCode>();
  // Whole labels first, so a bare `見積` is not shadowed by `3.見積` shortened to `見積`.
  const entries = Object.entries(teamLabels).map(
    ([label, code]) => [stageKeys(label), code] as const,
  );
  for (const depth of [0, 1]) {
    for (const [keys, code] of entries) {
      const key = keys[depth];
      if (key !== undefined && !index.has(key)) index.set(key, code);
    }
  }
  teamIndexes.set(teamLabels, index);
  return index;
}
