import type { BigintColumn, NullableDateColumn, Timestamp } from '../db/column-types.ts';

export interface TrackedRowColumns {
  spreadsheet_id: string;
  id: string;
  row_hash: string;
  cell_issue_count: number;
  first_seen_at: Timestamp;
  updated_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface DealTable extends TrackedRowColumns {
  account: string | null;
  title: string | null;
  stage: string | null;
  stage_label: string | null;
  stage_changed_on: NullableDateColumn;
  owner: string | null;
  team: string | null;
  amount: BigintColumn;
  gross_margin: BigintColumn;
  probability: number | null;
  quote_sent_on: NullableDateColumn;
  ball: string | null;
  last_contact_on: NullableDateColumn;
  next_action: string | null;
  next_action_on: NullableDateColumn;
  expected_close_on: NullableDateColumn;
  created_on: NullableDateColumn;
  stage_entered_on: NullableDateColumn;
  previous_stage: string | null;
  ball_changed_on: NullableDateColumn;
  status_as_of: NullableDateColumn;
  status_hash: string | null;
  /** Comma-joined flag codes, e.g. "stale,ball_follow_up". */
  flag_codes: string | null;
  days_in_stage: number | null;
  ball_days: number | null;
  stale_threshold: number | null;
}
