import { describe, expect, it } from 'vitest';
import type { TabPlan, WritePlan } from '../../../shared/write-plan/write-plan.ts';
import { planWire, WritePlanWireSchema } from '../../../server/push-sync/plan-wire.ts';

const dealsTab: TabPlan = {
  sheet: '案件',
  kind: 'deals',
  headerRow: 2,
  lastRow: 5,
  columns: { id: 6, flags: 7 },
  newColumns: [
    { key: 'id', column: 6, header: 'ID [SFA]' },
    { key: 'flags', column: 7, header: 'フラグ [SFA]' },
  ],
  writes: [
    { row: 4, column: 7, value: '停滞' },
    { row: 3, column: 6, value: 'd2' },
    { row: 2, column: 6, value: 'ID [SFA]' },
    { row: 5, column: 7, value: null },
    { row: 4, column: 6, value: 'd3' },
  ],
  setup: [
    { kind: 'hideColumn', column: 6 },
    { kind: 'dateFormat', column: 8, pattern: 'yyyy/mm/dd' },
    { kind: 'highlight', columns: [6, 7], flagsColumn: 7, containsText: '停滞', tone: 'stale' },
    { kind: 'protectColumns', columns: [6, 7], description: 'sheets-sfa' },
    { kind: 'filterView', title: '要対応', flagsColumn: 7, containsText: '停滞' },
    { kind: 'dropdown', column: 3, values: ['提案', '受注'] },
  ],
};

const visitsTab: TabPlan = {
  sheet: '訪問',
  kind: 'visits',
  headerRow: 1,
  lastRow: 1,
  columns: { id: 4 },
  newColumns: [],
  writes: [],
  setup: [],
};

const plan: WritePlan = { spreadsheetId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCd', tabs: [dealsTab, visitsTab] };

describe('planWire', () => {
  it('keeps every tab field and replaces the writes with column runs', () => {
    const { writes: _writes, ...dealsFields } = dealsTab;
    const { writes: _none, ...visitsFields } = visitsTab;
    expect(planWire(plan)).toEqual({
      spreadsheetId: plan.spreadsheetId,
      tabs: [
        {
          ...dealsFields,
          runs: [
            { column: 6, startRow: 2, values: ['ID [SFA]', 'd2', 'd3'] },
            { column: 7, startRow: 4, values: ['停滞', null] },
          ],
        },
        { ...visitsFields, runs: [] },
      ],
    });
  });

  it('leaves no writes field on a tab when it converts it', () => {
    for (const tab of planWire(plan).tabs) expect(Object.keys(tab)).not.toContain('writes');
  });

  it('returns no tabs when the plan has none', () => {
    expect(planWire({ spreadsheetId: 'x', tabs: [] })).toEqual({ spreadsheetId: 'x', tabs: [] });
  });

  it('matches the documented WritePlan schema when every kind of setup step is present', () => {
    const wire = planWire(plan);
    expect(WritePlanWireSchema.parse(wire)).toEqual(wire);
  });
});
