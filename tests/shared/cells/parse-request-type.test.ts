import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { parseRequestType } from '../../../shared/cells/parse-request-type.ts';
import type { RequestType } from '../../../shared/records/request.ts';

describe('parseRequestType', () => {
  it.each<[CellValue, RequestType]>([
    ['契約変更', 'contract_change'],
    ['Contract Change', 'contract_change'],
    ['値引き', 'discount'],
    ['値引', 'discount'],
    ['割引', 'discount'],
    ['ﾃﾞｨｽｶｳﾝﾄ', 'discount'],
    ['値引き申請', 'discount'],
    ['特別納品', 'special_delivery'],
    ['特急納品', 'special_delivery'],
    ['納期', 'special_delivery'],
    ['配送', 'special_delivery'],
    ['納期調整依頼', 'special_delivery'],
    ['特別対応', 'special_support'],
    ['特別サポート', 'special_support'],
    ['サポート', 'special_support'],
    ['Special support', 'special_support'],
    ['その他', 'other'],
    ['Other', 'other'],
  ])('reads %j as %s', (cell, expected) => {
    expect(parseRequestType(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<CellValue>(['返品', '謝罪訪問', 3, true])('reports %j as unknown, not other', (cell) => {
    expect(parseRequestType(cell)).toEqual({ ok: false, error: 'requestType.unknown' });
  });

  it.each<CellValue>([null, '', '未定'])('is empty when the cell is %j', (cell) => {
    expect(parseRequestType(cell)).toEqual({ ok: true, value: null });
  });
});
