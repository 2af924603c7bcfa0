import { parseStage } from '../../shared/cells/parse-stage.ts';
import type { Ball } from '../../shared/records/ball.ts';
import type { Deal } from '../../shared/records/deal.ts';
import { stageLabelMap } from '../../shared/settings/stage-label-map.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import { isStageCode, TEAMS, type StageCode, type Team } from '../../shared/stages/stage.ts';

/** The stored columns a deal's record is rebuilt from. */
export interface StoredDealColumns {
  readonly account: string | null;
  readonly title: string | null;
  readonly stage_label: string | null;
  readonly stage_changed_on: string | null;
  readonly owner: string | null;
  readonly team: string | null;
  readonly amount: string | null;
  readonly gross_margin: string | null;
  readonly probability: number | null;
  readonly quote_sent_on: string | null;
  readonly ball: string | null;
  readonly last_contact_on: string | null;
  readonly next_action: string | null;
  readonly next_action_on: string | null;
  readonly expected_close_on: string | null;
  readonly created_on: string | null;
}

// Stored text back to its union: anything else (hand-edited, older data) reads as none.
export const asBall = (value: string | null): Ball | null => (value === 'us' || value === 'customer' ? value : null);
export const asStage = (value: string | null): StageCode | null => (value !== null && isStageCode(value) ? value : null);
const asTeam = (value: string | null): Team | null => TEAMS.find((t) => t === value) ?? null;
// int8 comes back as text (column-types.ts): yen amounts stay exact up to 2^53.
const asNumber = (value: string | null): number | null => (value === null ? null : Number(value));

/**
 * The deal's record as the sheet's row reads with `settings` (the sheet's own, as the sync read
 * it). The stage is re-read from the stored label: a label that maps to no stage is stored under
 * the deal's last known stage, while the sheet reads it as unknown.
 */
export function dealRecordOf(row: StoredDealColumns, settings: SyncSettings): Deal {
  return {
    account: row.account,
    title: row.title,
    stage: storedStage(row.stage_label, stageLabelMap(settings)),
    stageLabel: row.stage_label,
    stageChangedOn: row.stage_changed_on,
    owner: row.owner,
    team: asTeam(row.team),
    amount: asNumber(row.amount),
    grossMargin: asNumber(row.gross_margin),
    probability: row.probability,
    quoteSentOn: row.quote_sent_on,
    ball: asBall(row.ball),
    lastContactOn: row.last_contact_on,
    nextAction: row.next_action,
    nextActionOn: row.next_action_on,
    expectedCloseOn: row.expected_close_on,
    createdOn: row.created_on,
  };
}

/**
 * The stage a stored label reads as with the sheet's labels (stageLabelMap), as the sheet's cell
 * reads: a label that maps to no stage is stored under the deal's last known stage, yet reads as none.
 */
export function storedStage(label: string | null, labels: Readonly<Record<string, StageCode>>): StageCode | null {
  const stage = label === null ? null : parseStage(label, labels);
  return stage !== null && stage.ok ? stage.value : null;
}
