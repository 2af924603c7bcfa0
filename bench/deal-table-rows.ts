// The generated deals as rows of the `deals` table's columns, for loads that bypass the engine
// (the COPY floor and the naive upsert). Ids and hashes are made up, with the engine's shapes
// (a 36-character uuid, 14 hex digits), and prepared before any timing starts.
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import type { Deal } from '../shared/records/deal.ts';
import { DEAL_COLUMNS } from '../server/deals/deal.columns.ts';
import type { CopyValue } from '../server/db/copy-text.ts';
import { createRng, type Rng } from '../examples/seeded-rng.ts';

const TRACKED_COLUMNS = ['spreadsheet_id', 'id', 'row_hash', 'cell_issue_count', 'first_seen_at', 'updated_at', 'removed_at'] as const;

/** Every column of the deals table, in the order deal rows list their values. */
export const DEAL_TABLE_COLUMNS: readonly string[] = [...TRACKED_COLUMNS, ...DEAL_COLUMNS.map((c) => c.name)];

export interface PreparedDeal {
  readonly id: string;
  readonly hash: string;
  readonly deal: Deal;
}

const hex = (rng: Rng, digits: number): string => {
  let out = '';
  for (let i = 0; i < digits; i++) out += '0123456789abcdef'[rng.int(0, 15)];
  return out;
};

/** Gives each deal an id and a content hash. */
export function prepareDeals(deals: readonly Deal[], seed: number): PreparedDeal[] {
  const rng = createRng(seed ^ 0x5eed);
  return deals.map((deal) => ({
    id: `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`,
    hash: hex(rng, 14),
    deal,
  }));
}

/** One deals-table row, values in DEAL_TABLE_COLUMNS order. */
export function dealTableRow(spreadsheetId: string, prepared: PreparedDeal, at: Date, today: IsoDate): CopyValue[] {
  const value = {
    deal: prepared.deal,
    memory: { stageEnteredOn: prepared.deal.stageChangedOn ?? today, previousStage: null, ballChangedOn: null },
    // A status like the engine stores, so the floor carries the same columns.
    status: { asOf: today, hash: prepared.hash, flagCodes: 'stale', daysInStage: 10, ballDays: null, staleThreshold: 14 },
  };
  return [spreadsheetId, prepared.id, prepared.hash, 0, at, at, null, ...DEAL_COLUMNS.map((c) => c.get(value))];
}
