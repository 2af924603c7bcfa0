import { describe, expect, it } from 'vitest';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { ResolvedTab } from '../../../shared/mapping/tab-mapping.ts';
import { DEFAULT_SETTINGS, type SyncSettings } from '../../../shared/settings/sync-settings.ts';
import { SERVICE_COLUMNS_BY_KIND, type ServiceColumnKey } from '../../../shared/write-plan/service-columns.ts';
import { stageDropdownValues, tabSetup } from '../../../shared/write-plan/tab-setup.ts';
import type { SetupStep } from '../../../shared/write-plan/write-plan.ts';

// 案件: A 顧客名, B 案件名, C ステージ, D 担当者; the service columns were appended at E–J.
const DEALS_COLUMNS: Readonly<Partial<Record<ServiceColumnKey, number>>> = {
  id: 5,
  stageEnteredOn: 6,
  daysInStage: 7,
  ballDays: 8,
  flags: 9,
  flagReasons: 10,
};

const dealsTab = (fields: ResolvedTab<'deals'>['fields'] = { account: 1, title: 2, stage: 3, owner: 4 }): ResolvedTab<'deals'> => ({
  kind: 'deals',
  sheet: '案件',
  headerRow: 1,
  fields,
  serviceColumns: {},
  headers: ['顧客名', '案件名', 'ステージ', '担当者'],
  lastHeaderColumn: 4,
  lastUsedColumn: 4,
  locale: 'ja',
});

const visitsTab: ResolvedTab<'visits'> = {
  kind: 'visits',
  sheet: '訪問記録',
  headerRow: 1,
  fields: { visitedOn: 1, account: 2, dealTitle: 3, owner: 4 },
  serviceColumns: {},
  headers: ['訪問日', '顧客名', '案件名', '担当者'],
  lastHeaderColumn: 4,
  lastUsedColumn: 4,
  locale: 'ja',
};

const ALL_CREATED: ReadonlySet<ServiceColumnKey> = new Set(SERVICE_COLUMNS_BY_KIND.deals);

const ofKind = <K extends SetupStep['kind']>(steps: readonly SetupStep[], kind: K): Extract<SetupStep, { kind: K }>[] =>
  steps.filter((s): s is Extract<SetupStep, { kind: K }> => s.kind === kind);

const FILTER_CODES = ['stale', 'ball_follow_up', 'next_action_overdue', 'handoff_unattended', 'cost_review'] as const;

describe('tabSetup', () => {
  describe('a freshly created deals tab', () => {
    it.each<[Locale, string, string, string[], string]>([
      ['ja', '停滞', '滞留注意', ['停滞', 'ボール滞留', '期限切れ', '引継ぎ放置', '要コスト確認'], 'sheets-sfa が更新する列です'],
      ['en', 'Stale', 'Aging', ['Stale', 'Ball with customer', 'Overdue', 'Hand-off unattended', 'Cost review'], 'Columns maintained by sheets-sfa'],
    ])('sets up every service column when the locale is %s', (locale, stale, warning, filters, description) => {
      const steps = tabSetup(dealsTab(), DEFAULT_SETTINGS, locale, DEALS_COLUMNS, ALL_CREATED);
      expect(steps.slice(0, 9)).toEqual([
        { kind: 'hideColumn', column: 5 },
        { kind: 'dateFormat', column: 6, pattern: 'yyyy/mm/dd' },
        { kind: 'highlight', columns: [6, 10], flagsColumn: 9, containsText: stale, tone: 'stale' },
        { kind: 'highlight', columns: [6, 10], flagsColumn: 9, containsText: warning, tone: 'warning' },
        ...filters.map((label) => ({ kind: 'filterView', title: label, flagsColumn: 9, containsText: label })),
      ]);
      expect(steps.map((s) => s.kind)).toEqual([
        'hideColumn',
        'dateFormat',
        'highlight',
        'highlight',
        'filterView',
        'filterView',
        'filterView',
        'filterView',
        'filterView',
        'dropdown',
        'protectColumns',
      ]);
      const [protect] = ofKind(steps, 'protectColumns');
      expect(protect?.columns).toEqual([5, 6, 7, 8, 9, 10]);
      expect(protect?.description).toContain(description);
    });

    it.each<Locale>(['ja', 'en'])('takes each filter and highlight text from its own flag label when the locale is %s', (locale) => {
      const steps = tabSetup(dealsTab(), DEFAULT_SETTINGS, locale, DEALS_COLUMNS, ALL_CREATED);
      const texts = [...ofKind(steps, 'highlight'), ...ofKind(steps, 'filterView')].map((s) => s.containsText);
      const expected = [FLAG_MESSAGES.stale.label, FLAG_MESSAGES.stale_warning.label, ...FILTER_CODES.map((c) => FLAG_MESSAGES[c].label)];
      expect(texts).toEqual(expected.map((label) => label[locale]));
      // Filters match by "contains": no text may also pick out another flag's label.
      const allLabels = Object.values(FLAG_MESSAGES).map((m) => m.label[locale]);
      for (const text of texts) expect(allLabels.filter((label) => label.includes(text)), text).toEqual([text]);
    });

    it('spans the highlights over the visible service columns only when the id sits elsewhere', () => {
      const columns = { id: 1, stageEnteredOn: 12, daysInStage: 13, ballDays: 14, flags: 15, flagReasons: 16 };
      const steps = tabSetup(dealsTab({ account: 2, stage: 3 }), DEFAULT_SETTINGS, 'ja', columns, ALL_CREATED);
      expect(ofKind(steps, 'highlight').map((s) => s.columns)).toEqual([
        [12, 16],
        [12, 16],
      ]);
      expect(ofKind(steps, 'hideColumn')).toEqual([{ kind: 'hideColumn', column: 1 }]);
    });

    it('lists the stage labels in use first, then the configured stages, then the team labels, each once', () => {
      const settings: SyncSettings = {
        ...DEFAULT_SETTINGS,
        stages: DEFAULT_SETTINGS.stages.slice(0, 3),
        stageLabels: { 保留: 'nurturing', 提案: 'proposal', '3.見積': 'quote' },
      };
      const steps = tabSetup(dealsTab(), settings, 'ja', DEALS_COLUMNS, ALL_CREATED, ['3.見積', '提案', '3.見積', 'リード']);
      expect(ofKind(steps, 'dropdown')).toEqual([
        { kind: 'dropdown', column: 3, values: ['3.見積', '提案', 'リード', '育成', '保留'] },
      ]);
    });

    it('lists every default stage label when no label is in use yet', () => {
      const steps = tabSetup(dealsTab(), DEFAULT_SETTINGS, 'en', DEALS_COLUMNS, ALL_CREATED);
      expect(ofKind(steps, 'dropdown')[0]?.values).toEqual(DEFAULT_SETTINGS.stages.map((s) => s.label));
    });

    it('keeps only plain-text labels in use when some would be read as formulas', () => {
      const settings: SyncSettings = { ...DEFAULT_SETTINGS, stages: DEFAULT_SETTINGS.stages.slice(0, 1), stageLabels: {} };
      const inUse = ['=IMPORTXML("https://evil.example","//a")', ' 提案 ', '+1', '-見積', '@me', '', '   ', '＝HYPERLINK("x")', '見積-済'];
      const steps = tabSetup(dealsTab(), settings, 'ja', DEALS_COLUMNS, ALL_CREATED, inUse);
      expect(ofKind(steps, 'dropdown')[0]?.values).toEqual(['提案', '見積-済', 'リード']);
    });

    it('adds no dropdown when no label is left to list', () => {
      const settings: SyncSettings = { ...DEFAULT_SETTINGS, stages: [], stageLabels: {} };
      const steps = tabSetup(dealsTab(), settings, 'ja', DEALS_COLUMNS, ALL_CREATED, ['=1']);
      expect(ofKind(steps, 'dropdown')).toEqual([]);
      expect(ofKind(steps, 'filterView')).toHaveLength(5);
    });

    it('adds no dropdown when the tab has no stage column', () => {
      const steps = tabSetup(dealsTab({ account: 1, title: 2 }), DEFAULT_SETTINGS, 'ja', DEALS_COLUMNS, ALL_CREATED, ['提案']);
      expect(ofKind(steps, 'dropdown')).toEqual([]);
      expect(ofKind(steps, 'filterView')).toHaveLength(5);
    });
  });

  describe('only what was created', () => {
    it('sets up the flags column alone when only it was created', () => {
      const steps = tabSetup(dealsTab(), DEFAULT_SETTINGS, 'ja', DEALS_COLUMNS, new Set<ServiceColumnKey>(['flags']));
      expect(ofKind(steps, 'hideColumn')).toEqual([]);
      expect(ofKind(steps, 'dateFormat')).toEqual([]);
      // The highlight still spans the service columns already on the sheet.
      expect(ofKind(steps, 'highlight').map((s) => [s.columns, s.flagsColumn])).toEqual([
        [[6, 10], 9],
        [[6, 10], 9],
      ]);
      expect(ofKind(steps, 'filterView')).toHaveLength(5);
      expect(ofKind(steps, 'dropdown')).toHaveLength(1);
      expect(ofKind(steps, 'protectColumns').map((s) => s.columns)).toEqual([[9]]);
    });

    it('hides and protects the id alone when only it was created', () => {
      const steps = tabSetup(dealsTab(), DEFAULT_SETTINGS, 'ja', DEALS_COLUMNS, new Set<ServiceColumnKey>(['id']));
      expect(steps).toEqual([
        { kind: 'hideColumn', column: 5 },
        { kind: 'protectColumns', columns: [5], description: expect.stringContaining('sheets-sfa') },
      ]);
    });

    it('formats and protects the stage date alone when only it and a count column were created', () => {
      const steps = tabSetup(dealsTab(), DEFAULT_SETTINGS, 'en', DEALS_COLUMNS, new Set<ServiceColumnKey>(['stageEnteredOn', 'daysInStage']));
      expect(steps.map((s) => s.kind)).toEqual(['dateFormat', 'protectColumns']);
      expect(ofKind(steps, 'protectColumns')[0]?.columns).toEqual([6, 7]);
    });

    it('sets up nothing when nothing was created', () => {
      expect(tabSetup(dealsTab(), DEFAULT_SETTINGS, 'ja', DEALS_COLUMNS, new Set())).toEqual([]);
    });

    it('skips a created column that has no position', () => {
      const steps = tabSetup(dealsTab(), DEFAULT_SETTINGS, 'ja', { daysInStage: 7 }, new Set<ServiceColumnKey>(['id', 'flags', 'daysInStage']));
      expect(steps).toEqual([{ kind: 'protectColumns', columns: [7], description: expect.any(String) }]);
    });
  });

  describe('a visits tab', () => {
    it.each<Locale>(['ja', 'en'])('gets hide and protect only when the locale is %s', (locale) => {
      const steps = tabSetup(visitsTab, DEFAULT_SETTINGS, locale, { id: 5 }, new Set<ServiceColumnKey>(['id']), ['提案']);
      expect(steps).toEqual([
        { kind: 'hideColumn', column: 5 },
        { kind: 'protectColumns', columns: [5], description: expect.stringContaining('sheets-sfa') },
      ]);
    });
  });
});

describe('stageDropdownValues', () => {
  it.each<['keeps' | 'drops', string, string]>([
    ['keeps', '見積提出', 'plain text'],
    ['keeps', 'Phase-2', 'text with a dash inside'],
    ['drops', '=SUM(A1)', 'an equals sign'],
    ['drops', '+81 3', 'a plus sign'],
    ['drops', '-1', 'a minus sign'],
    ['drops', '@stage', 'an at sign'],
    ['drops', '  =A1', 'spaces then an equals sign'],
    ['drops', '＝A1', 'a full-width equals sign'],
    ['drops', ' \u3000 ', 'nothing but spaces'],
  ])('%s the label %j when it is %s', (verdict, label) => {
    expect(stageDropdownValues([label], [])).toEqual(verdict === 'keeps' ? [label.trim()] : []);
  });

  it('leaves a label out rather than cutting it when it is longer than 255 characters', () => {
    const long = 'あ'.repeat(256);
    const longest = '😀'.repeat(255);
    expect(stageDropdownValues([long, longest, '提案'], [])).toEqual([longest, '提案']);
  });

  it('lists 500 values at most, every configured label among them, when too many labels are in use', () => {
    const inUse = Array.from({ length: 2000 }, (_, i) => `ラベル${i}`);
    const configured = ['リード', '提案', 'ラベル1999'];
    const values = stageDropdownValues(inUse, configured);
    expect(values).toHaveLength(500);
    expect(values.slice(0, 3)).toEqual(['ラベル0', 'ラベル1', 'ラベル2']);
    expect(values).toEqual(expect.arrayContaining(configured));
    // The configured label in use keeps its place among the labels in use.
    expect(values.indexOf('ラベル1999')).toBeLessThan(values.indexOf('リード'));
    expect(new Set(values).size).toBe(500);
  });

  it('lists labels in use first, then configured ones, each once when they trim to the same', () => {
    expect(stageDropdownValues(['提案 ', '受注', '提案'], ['リード', ' 受注'])).toEqual(['提案', '受注', 'リード']);
  });
});
