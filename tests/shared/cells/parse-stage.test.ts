import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { labelKey } from '../../../shared/cells/normalize-text.ts';
import { parseStage } from '../../../shared/cells/parse-stage.ts';
import { DEFAULT_STAGES, STAGE_CODES, type StageCode } from '../../../shared/stages/stage.ts';
import { STAGE_SYNONYMS } from '../../../shared/stages/stage-synonyms.ts';

describe('parseStage', () => {
  it.each<[CellValue, StageCode]>([
    ['3.見積提出', 'quote'],
    ['03_見積提出', 'quote'],
    ['(3)見積提出', 'quote'],
    ['（３）見積提出', 'quote'],
    ['③見積提出', 'quote'],
    ['【3】見積提出', 'quote'],
    ['3 見積提出', 'quote'],
    ['closed-won', 'won'],
    ['CLOSED WON', 'won'],
    ['Ｗｏｎ', 'won'],
    ['アップセル/クロスセル', 'expansion'],
    ['Cross sell', 'expansion'],
    ['稟議中', 'closing'],
    ['見送り', 'lost'],
    ['quote', 'quote'],
  ])('reads %j as %s', (cell, expected) => {
    expect(parseStage(cell, {})).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, Readonly<Record<string, StageCode>>, StageCode]>([
    ['保留', { 保留: 'nurturing' }, 'nurturing'],
    ['05.保留', { 保留: 'nurturing' }, 'nurturing'],
    ['提案', { 提案: 'quote' }, 'quote'],
    ['3.見積', { '3.見積': 'quote', 見積: 'closing' }, 'quote'],
    ['見積', { '3.見積': 'quote', 見積: 'closing' }, 'closing'],
    ['03 見積', { '3.見積': 'quote' }, 'quote'],
    [5, { '5': 'won' }, 'won'],
  ])('reads %j with the team labels %j when they win', (cell, labels, expected) => {
    expect(parseStage(cell, labels)).toEqual({ ok: true, value: expected });
  });

  it.each<CellValue>(['保留', '3', 'Lost deal', true])('reports %j as unknown', (cell) => {
    expect(parseStage(cell, {})).toEqual({ ok: false, error: 'stage.unknown' });
  });
});

describe('STAGE_SYNONYMS', () => {
  it('names every default label and code when built', () => {
    for (const stage of DEFAULT_STAGES) {
      expect(STAGE_SYNONYMS[stage.code]).toContain(stage.label);
      expect(STAGE_SYNONYMS[stage.code]).toContain(stage.code);
    }
  });

  it('never gives one label to two stages when compared as keys', () => {
    const owners = new Map<string, StageCode>();
    for (const code of STAGE_CODES) {
      for (const label of STAGE_SYNONYMS[code]) {
        const owner = owners.get(labelKey(label)) ?? code;
        expect(owner, label).toBe(code);
        owners.set(labelKey(label), code);
      }
    }
  });
});
