import type { FlagCode } from '../../shared/flags/flag.ts';

/** How loudly the sidebar shows a flag: as the sheet's red, its amber, or a quiet note. */
export type FlagTone = 'stale' | 'warning' | 'info';

// Red and amber follow the sheet's highlights; data-quality flags ask for a fix, not a call.
export const FLAG_TONES: Readonly<Record<FlagCode, FlagTone>> = Object.freeze({
  stale: 'stale',
  stale_warning: 'warning',
  ball_follow_up: 'warning',
  next_action_overdue: 'warning',
  handoff_unattended: 'warning',
  cost_review: 'warning',
  unknown_stage: 'info',
  no_owner: 'info',
  bad_cells: 'info',
  status_tampered: 'info',
});
