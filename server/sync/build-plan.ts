import type { DealMemory, DealStatus } from '../../shared/flags/flag.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import type { ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import type { Deal } from '../../shared/records/deal.ts';
import type { TabKind } from '../../shared/records/tab-kind.ts';
import type { ReadTabResult } from '../../shared/rows/read-tab.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import { buildTabPlan, type RowServiceValues } from '../../shared/write-plan/build-tab-plan.ts';
import { tabSetup } from '../../shared/write-plan/tab-setup.ts';
import type { AppendedRow, PlanValue, TabPlan, WritePlan } from '../../shared/write-plan/write-plan.ts';
import type { StatusKey } from './deal-status-record.ts';
import type { RequestOutcome } from './request-statuses.ts';

/** One deal row after the sync: what the plan writes back beside it. */
export interface DealOutcome {
  readonly sheetRow: number;
  readonly id: string;
  readonly deal: Deal;
  readonly memory: DealMemory;
  readonly status: DealStatus;
  /** The service values the row should show besides its id. */
  readonly values: Readonly<Record<StatusKey, PlanValue>>;
}

interface IdOnlyTab<K extends TabKind> {
  readonly tab: ResolvedTab<K>;
  readonly read: ReadTabResult<K>;
  readonly ids: readonly { sheetRow: number; id: string }[];
  /** Rows born in the API that the sheet lacks: appended below its last row. */
  readonly appends?: readonly AppendedRow[];
}

/** The requests tab: besides ids, what each row shows from Postgres, and the statuses set back. */
interface RequestsTab extends IdOnlyTab<'requests'> {
  readonly outcomes?: readonly RequestOutcome[];
}

export interface PlanInput {
  readonly spreadsheetId: string;
  readonly settings: SyncSettings;
  readonly locale: Locale;
  readonly grids: { of(name: string): SheetGrid };
  /** Outcomes of the deal rows whose status was computed; skipped rows need no cells written. */
  readonly deals: { tab: ResolvedTab<'deals'>; read: ReadTabResult<'deals'>; outcomes: readonly DealOutcome[] };
  readonly visits: IdOnlyTab<'visits'> | null;
  readonly requests: RequestsTab | null;
}

function dealValues(o: DealOutcome): RowServiceValues {
  return { sheetRow: o.sheetRow, values: { id: o.id, ...o.values } };
}

function idTabPlan<K extends TabKind>(input: PlanInput, t: IdOnlyTab<K>): TabPlan {
  return buildTabPlan({
    tab: t.tab,
    grid: input.grids.of(t.tab.sheet),
    locale: input.locale,
    rows: t.ids.map(({ sheetRow, id }) => ({ sheetRow, values: { id } })),
    blankRows: t.read.blankRowsWithServiceValues,
    appends: t.appends ?? [],
    setup: (columns, created) => tabSetup(t.tab, input.settings, input.locale, columns, created),
  });
}

function requestsTabPlan(input: PlanInput, t: RequestsTab): TabPlan {
  const outcomes = t.outcomes ?? [];
  const byRow = new Map(outcomes.flatMap((o) => (o.fact.sheetRow === null ? [] : [[o.fact.sheetRow, o] as const])));
  // A row the sheet lacks is appended with its service cells filled, so it shows its status at once.
  const appendValues = new Map(outcomes.flatMap((o) => (o.fact.sheetRow === null ? [[o.fact.id, o.values] as const] : [])));
  return buildTabPlan({
    tab: t.tab,
    grid: input.grids.of(t.tab.sheet),
    locale: input.locale,
    rows: t.ids.map(({ sheetRow, id }) => ({ sheetRow, values: { id, ...byRow.get(sheetRow)?.values } })),
    appendValues,
    teamWrites: outcomes.flatMap((o) => (o.teamWrite === null ? [] : [o.teamWrite])),
    blankRows: t.read.blankRowsWithServiceValues,
    appends: t.appends ?? [],
    setup: (columns, created) => tabSetup(t.tab, input.settings, input.locale, columns, created),
  });
}

function stageLabelsInUse(outcomes: readonly DealOutcome[]): string[] {
  const labels = new Set<string>();
  for (const o of outcomes) if (o.deal.stage !== null && o.deal.stageLabel !== null) labels.add(o.deal.stageLabel);
  return [...labels];
}

/** The whole write plan of a sync: service columns and ids on every mapped tab, and the rows born in the API that the sheet lacks. */
export function buildPlan(input: PlanInput): WritePlan {
  const { deals } = input;
  const tabs: TabPlan[] = [
    buildTabPlan({
      tab: deals.tab,
      grid: input.grids.of(deals.tab.sheet),
      locale: input.locale,
      rows: deals.outcomes.map(dealValues),
      blankRows: deals.read.blankRowsWithServiceValues,
      setup: (columns, created) => tabSetup(deals.tab, input.settings, input.locale, columns, created, stageLabelsInUse(deals.outcomes)),
    }),
  ];
  if (input.visits !== null) tabs.push(idTabPlan(input, input.visits));
  if (input.requests !== null) tabs.push(requestsTabPlan(input, input.requests));
  return { spreadsheetId: input.spreadsheetId, tabs };
}
