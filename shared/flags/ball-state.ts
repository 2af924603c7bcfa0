import type { IsoDate } from '../calendar/iso-date.ts';
import type { Ball } from '../records/ball.ts';
import type { Deal } from '../records/deal.ts';
import type { DealMemory, VisitFact } from './flag.ts';

/** Who holds the ball and since which day; both null when nothing says. */
export interface BallState {
  readonly ball: Ball | null;
  readonly since: IsoDate | null;
}

interface BallEvent {
  readonly on: IsoDate;
  readonly ball: Ball;
}

function ballEvents(deal: Deal, memory: DealMemory, visits: readonly VisitFact[]): BallEvent[] {
  const events: BallEvent[] = [];
  if (deal.quoteSentOn !== null) events.push({ on: deal.quoteSentOn, ball: 'customer' });
  for (const visit of visits) {
    if (visit.ballAfter !== null) events.push({ on: visit.visitedOn, ball: visit.ballAfter });
  }
  // A change observed in the ball column only says who when the column still holds a value.
  if (memory.ballChangedOn !== null && deal.ball !== null) {
    events.push({ on: memory.ballChangedOn, ball: deal.ball });
  }
  return events;
}

/**
 * Who holds the ball and since when. The sheet's ball column, when filled, says who; the latest
 * of the quote going out, visits with a ball outcome and the observed column change that agrees
 * with it says since when. With an empty column the latest of those events decides both; on a
 * same-day disagreement the customer wins, so a ball possibly left with them stays visible.
 */
export function ballState(
  deal: Deal,
  memory: DealMemory,
  visits: readonly VisitFact[],
): BallState {
  const events = ballEvents(deal, memory, visits);

  if (deal.ball !== null) {
    let since: IsoDate | null = null;
    for (const event of events) {
      if (event.ball === deal.ball && (since === null || event.on > since)) since = event.on;
    }
    return { ball: deal.ball, since };
  }

  let latest: BallEvent | null = null;
  for (const event of events) {
    if (
      latest === null ||
      event.on > latest.on ||
      (event.on === latest.on && event.ball === 'customer')
    ) {
      latest = event;
    }
  }
  return latest === null ? { ball: null, since: null } : { ball: latest.ball, since: latest.on };
}
