import type { DealMemory } from '../../shared/flags/flag.ts';
import type { Deal } from '../../shared/records/deal.ts';
import type { RecordColumn } from '../db/tracked-rows.ts';
import type { PersistedStatus } from '../sync/deal-status-record.ts';

/** A deal as stored: the row's record plus what the sheet forgets. */
export interface StoredDealValue {
  readonly deal: Deal;
  readonly memory: DealMemory;
  readonly status: PersistedStatus;
}

/** The stored status alone, rewritten when only the date or the settings changed it. */
export const DEAL_STATUS_COLUMNS: readonly RecordColumn<PersistedStatus>[] = [
  { name: 'status_as_of', type: 'date', get: (s) => s.asOf },
  { name: 'status_hash', type: 'text', get: (s) => s.hash },
  { name: 'flag_codes', type: 'text', get: (s) => s.flagCodes },
  { name: 'days_in_stage', type: 'integer', get: (s) => s.daysInStage },
  { name: 'ball_days', type: 'integer', get: (s) => s.ballDays },
  { name: 'stale_threshold', type: 'integer', get: (s) => s.staleThreshold },
];

export const DEAL_COLUMNS: readonly RecordColumn<StoredDealValue>[] = [
  { name: 'account', type: 'text', get: (v) => v.deal.account },
  { name: 'title', type: 'text', get: (v) => v.deal.title },
  { name: 'stage', type: 'text', get: (v) => v.deal.stage },
  { name: 'stage_label', type: 'text', get: (v) => v.deal.stageLabel },
  { name: 'stage_changed_on', type: 'date', get: (v) => v.deal.stageChangedOn },
  { name: 'owner', type: 'text', get: (v) => v.deal.owner },
  { name: 'team', type: 'text', get: (v) => v.deal.team },
  { name: 'amount', type: 'bigint', get: (v) => v.deal.amount },
  { name: 'gross_margin', type: 'bigint', get: (v) => v.deal.grossMargin },
  { name: 'probability', type: 'integer', get: (v) => v.deal.probability },
  { name: 'quote_sent_on', type: 'date', get: (v) => v.deal.quoteSentOn },
  { name: 'ball', type: 'text', get: (v) => v.deal.ball },
  { name: 'last_contact_on', type: 'date', get: (v) => v.deal.lastContactOn },
  { name: 'next_action', type: 'text', get: (v) => v.deal.nextAction },
  { name: 'next_action_on', type: 'date', get: (v) => v.deal.nextActionOn },
  { name: 'expected_close_on', type: 'date', get: (v) => v.deal.expectedCloseOn },
  { name: 'created_on', type: 'date', get: (v) => v.deal.createdOn },
  { name: 'stage_entered_on', type: 'date', get: (v) => v.memory.stageEnteredOn },
  { name: 'previous_stage', type: 'text', get: (v) => v.memory.previousStage },
  { name: 'ball_changed_on', type: 'date', get: (v) => v.memory.ballChangedOn },
  ...DEAL_STATUS_COLUMNS.map((c) => ({ ...c, get: (v: StoredDealValue) => c.get(v.status) })),
];
