import { describe, expect, it } from 'vitest';
import { REQUEST_STATE_LABELS, REQUEST_STATES } from '../../../shared/requests/request-state.ts';
import { stateFromSheetStatus } from '../../../shared/requests/sheet-status.ts';

describe('stateFromSheetStatus', () => {
  it.each(REQUEST_STATES.flatMap((s) => [[REQUEST_STATE_LABELS[s].ja, s], [REQUEST_STATE_LABELS[s].en, s]]))('reads the service\'s own label %s as %s', (label, state) => {
    expect(stateFromSheetStatus(label)).toBe(state);
  });

  it.each([
    ['承認済', 'approved'],
    ['承認済み', 'approved'],
    [' ＯＫ ', 'approved'],
    ['申請中', 'submitted'],
    ['差し戻し', 'returned'],
    ['取り下げ', 'recalled'],
    ['NG', 'rejected'],
    ['approved', 'approved'],
  ])('reads what teams type, %j, as %s', (text, state) => {
    expect(stateFromSheetStatus(text)).toBe(state);
  });

  it.each([null, '', '  ', '-', '未定', '確認します', '承認?'])('reads %j as nothing known', (text) => {
    expect(stateFromSheetStatus(text)).toBeNull();
  });
});
