import { describe, expect, it } from 'vitest';
import { expectedDealRow, planCellCount } from '../../../addon/src/visits/plan-cells.ts';
import { visitBody, visitFormProblems } from '../../../addon/src/visits/visit-form.ts';
import type { WritePlanWire } from '../../../shared/write-plan/plan-wire.ts';

describe('visitFormProblems', () => {
  it('accepts a visit to a deal named by id', () => {
    expect(visitFormProblems({ visitedOn: '2026-11-20', dealId: 'd-1' }, 'ja')).toEqual({});
  });

  it.each([
    [{ visitedOn: '2026/11/20', account: 'A社' }, 'visitedOn', '日付を YYYY-MM-DD で入力してください(例: 2026-11-20)。'],
    [{ visitedOn: '2026-02-30', account: 'A社' }, 'visitedOn', '日付を YYYY-MM-DD で入力してください(例: 2026-11-20)。'],
    [{ visitedOn: '2026-11-20', account: 'A社', nextActionOn: 'あした' }, 'nextActionOn', '日付を YYYY-MM-DD で入力してください(例: 2026-11-20)。'],
    [{ visitedOn: '2026-11-20', account: 'A社', nextActionOn: '2026-11-19' }, 'nextActionOn', '次回予定日が訪問日より前です。'],
    [{ visitedOn: '2026-11-20', account: '  ', dealTitle: null }, 'account', '案件か顧客名を指定してください。'],
    [{ visitedOn: '2026-11-20', account: 'A社', ballAfter: 'them' as never }, 'ballAfter', '「自社」か「顧客」を選んでください。'],
  ])('refuses %j at %s', (form, field, message) => {
    expect(visitFormProblems(form, 'ja')[field]).toBe(message);
  });

  it('speaks English when asked', () => {
    expect(visitFormProblems({ visitedOn: '', account: 'A' }, 'en').visitedOn).toBe('Enter a date as YYYY-MM-DD (e.g. 2026-11-20).');
  });
});

describe('visitBody', () => {
  it('sends a deal by its id alone and leaves blanks out, when the form names the deal', () => {
    expect(visitBody({ visitedOn: '2026-11-20', dealId: 'd-1', dealTitle: '基幹', account: 'A社', met: ' 山田部長 ', discussed: '', nextAction: null, ballAfter: 'us' })).toEqual({
      visitedOn: '2026-11-20',
      dealId: 'd-1',
      met: '山田部長',
      ballAfter: 'us',
    });
  });

  it('sends the title and account when there is no id', () => {
    expect(visitBody({ visitedOn: '2026-11-20', dealTitle: '基幹', account: 'A社', ballAfter: null })).toEqual({ visitedOn: '2026-11-20', dealTitle: '基幹', account: 'A社' });
  });
});

const plan: WritePlanWire = {
  spreadsheetId: 's',
  tabs: [
    { sheet: '案件', kind: 'deals', headerRow: 1, lastRow: 9, columns: {}, newColumns: [], setup: [], runs: [{ column: 9, startRow: 4, values: ['停滞', null] }] },
    { sheet: '訪問', kind: 'visits', headerRow: 1, lastRow: 2, columns: {}, newColumns: [], setup: [], runs: [], appends: [{ id: 'v', cells: [{ column: 1, value: 46346, format: 'date' }, { column: 5, value: 'v' }] }] },
  ],
};

describe('planCellCount', () => {
  it('counts run cells and appended cells', () => {
    expect(planCellCount(plan)).toBe(4);
  });
});

describe('expectedDealRow', () => {
  it('expects the deal\'s id on its row of the deals tab', () => {
    expect(expectedDealRow(plan, 'd-1', 4)).toEqual(new Map([['案件', new Map([[4, 'd-1']])]]));
  });

  it('expects nothing when the service does not know the row', () => {
    expect(expectedDealRow(plan, 'd-1', null).size).toBe(0);
  });
});
