import type { FlagView } from '../rpc/sidebar-rpc.ts';

type Tone = FlagView['tone'];

// Data-quality flags inform; everything that asks someone to act now warns; only stale is red.
const WARNING_CODES: ReadonlySet<string> = new Set([
  'stale_warning',
  'ball_follow_up',
  'next_action_overdue',
  'handoff_unattended',
  'cost_review',
  'cost_over_routing',
  'cost_over_margin',
  'win_win_imbalance',
  'background_thin',
  'status_tampered',
]);

/** The colour a flag gets: the service's when it says one, else by its code. */
export function flagTone(code: string, given?: unknown): Tone {
  if (given === 'stale' || given === 'warning' || given === 'info') return given;
  if (code === 'stale') return 'stale';
  return WARNING_CODES.has(code) ? 'warning' : 'info';
}

/** Flags as the service answers them ({code, label, reason, tone?}), for the sidebar. */
export function flagViews(flags: readonly { readonly code: string; readonly label: string; readonly reason: string; readonly tone?: unknown }[]): FlagView[] {
  return flags.map((f) => ({ code: f.code, label: f.label, reason: f.reason, tone: flagTone(f.code, f.tone) }));
}
