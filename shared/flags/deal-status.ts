import { countDays } from '../calendar/business-days.ts';
import { stageDefinition } from '../settings/stage-definition.ts';
import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import { TERMINAL_STAGES, type StageDefinition } from '../stages/stage.ts';
import { ballState } from './ball-state.ts';
import { FLAG_CODES, type DealFlagInput, type DealStatus, type Flag } from './flag.ts';
import { effectiveNextAction } from './next-action.ts';

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === '';
}


// 14 × 0.8 is 11.200000000000001 and 10 × 0.7 is 7.000000000000001: the epsilon keeps the
// second from rounding up to 8.
function warningThreshold(staleAfterDays: number, ratio: number): number {
  return Math.ceil(staleAfterDays * ratio - 1e-9);
}

function stageFlag(
  definition: StageDefinition,
  daysInStage: number,
  settings: SyncSettings,
): Flag | null {
  const threshold = definition.staleAfterDays;
  if (threshold === null) return null;
  const params = { stage: definition.label, days: daysInStage, threshold };
  if (daysInStage >= threshold) return { code: 'stale', params };
  if (daysInStage >= warningThreshold(threshold, settings.warningRatio)) {
    return { code: 'stale_warning', params };
  }
  return null;
}

function handoffFlag(
  input: DealFlagInput,
  settings: SyncSettings,
  now: IsoDate,
): Flag | null {
  const { deal, memory, visits } = input;
  const enteredOn = memory.stageEnteredOn;
  if (deal.stage === null || deal.stage === 'lost' || enteredOn === null) return null;
  const to = stageDefinition(settings, deal.stage)?.team ?? null;
  const from = stageDefinition(settings, memory.previousStage)?.team ?? null;
  if (to === null || from === null || to === from) return null;
  if (visits.some((v) => v.visitedOn >= enteredOn)) return null;
  const days = countDays(enteredOn, now, settings.dayCounting, settings.companyClosures);
  if (days < settings.handoffUnattendedDays) return null;
  return { code: 'handoff_unattended', params: { from, to, days } };
}

/**
 * Days in stage, the ball and its age, and the flags raised for one deal at `now` (today in the
 * spreadsheet's time zone). Every threshold and the day counting come from `settings`.
 */
export function computeDealStatus(
  input: DealFlagInput,
  settings: SyncSettings,
  now: IsoDate,
): DealStatus {
  const { deal, memory, visits } = input;
  const count = (from: IsoDate): number =>
    countDays(from, now, settings.dayCounting, settings.companyClosures);
  const terminal = deal.stage !== null && TERMINAL_STAGES.has(deal.stage);
  const definition = stageDefinition(settings, deal.stage);
  const flags: Flag[] = [];

  const daysInStage =
    deal.stage !== null && memory.stageEnteredOn !== null ? count(memory.stageEnteredOn) : null;
  if (!terminal && definition !== null && daysInStage !== null) {
    const flag = stageFlag(definition, daysInStage, settings);
    if (flag !== null) flags.push(flag);
  }

  const ball = ballState(deal, memory, visits);
  // A won or lost deal waits for nobody: its ball days would only be noise in the sheet.
  const ballDays = !terminal && ball.ball === 'customer' && ball.since !== null ? count(ball.since) : null;
  if (!terminal && ballDays !== null && ballDays >= settings.ballFollowUpDays) {
    flags.push({
      code: 'ball_follow_up',
      params: { days: ballDays, threshold: settings.ballFollowUpDays, since: ball.since ?? '' },
    });
  }

  // The date a visit planned counts as the card shows it, and the reason names the date used.
  const dueOn = effectiveNextAction(deal, visits).nextActionOn;
  if (!terminal && dueOn !== null && dueOn < now) {
    // Overdue is told in calendar days whatever the counting: the deadline is a calendar date.
    flags.push({ code: 'next_action_overdue', params: { date: dueOn, days: daysBetween(dueOn, now) } });
  }

  const handoff = handoffFlag(input, settings, now);
  if (handoff !== null) flags.push(handoff);

  if (deal.stage === null && !isBlank(deal.stageLabel)) {
    flags.push({ code: 'unknown_stage', params: { label: deal.stageLabel?.trim() ?? '' } });
  }
  const isDealRow = deal.stage !== null || !isBlank(deal.stageLabel) || !isBlank(deal.title);
  if (isDealRow && isBlank(deal.owner)) flags.push({ code: 'no_owner', params: {} });
  if (input.cellIssueCount > 0) {
    flags.push({ code: 'bad_cells', params: { count: input.cellIssueCount } });
  }

  flags.sort((a, b) => FLAG_CODES.indexOf(a.code) - FLAG_CODES.indexOf(b.code));
  return { daysInStage, ball: ball.ball, ballDays, flags };
}
