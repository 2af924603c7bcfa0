import { isStageCode, type StageCode } from '../../../shared/stages/stage.ts';
import type { DealCard, FeedItem, VisitSummary } from '../rpc/sidebar-rpc.ts';
import { flagViews } from './flag-tone.ts';

/** The deal's facts the card shows exactly as the service sends them. */
type DealFacts = Pick<
  DealCard,
  'title' | 'account' | 'owner' | 'enteredStageOn' | 'daysInStage' | 'ball' | 'ballSince' | 'ballDays' | 'nextAction' | 'nextActionOn'
>;

/** `GET …/deals/{dealId}` as the service answers it. */
export interface DealJson extends DealFacts {
  readonly id: string;
  // Unchecked on the wire: the card keeps only a known stage code and a known tone.
  readonly stage: { readonly code: string; readonly label: string } | null;
  readonly flags: readonly { readonly code: string; readonly label: string; readonly reason: string; readonly tone?: string }[];
  readonly sheetRow?: number | null;
}

/** One visit of `GET …/visits?dealId=`: the card's summary fields (the answer may hold more). */
export type VisitJson = VisitSummary;

/** One entry of `GET …/feed?deal=`: the card's feed fields (the answer may hold more). */
export type FeedEntryJson = FeedItem;

function stageOf(stage: DealJson['stage']): DealCard['stage'] {
  if (stage === null || !isStageCode(stage.code)) return null;
  return { code: stage.code as StageCode, label: stage.label };
}

// Field by field, so what else the service sends does not travel to the sidebar.
function visitSummary(v: VisitJson): VisitSummary {
  return {
    id: v.id,
    visitedOn: v.visitedOn,
    owner: v.owner,
    met: v.met,
    discussed: v.discussed,
    customerAsked: v.customerAsked,
    nextAction: v.nextAction,
    nextActionOn: v.nextActionOn,
  };
}

function feedItem(e: FeedEntryJson): FeedItem {
  return { id: e.id, at: e.at, actor: e.actor, text: e.text };
}

/**
 * The sidebar's deal card from the service's answers: the deal (computed as of today in the
 * spreadsheet's zone), its latest visits and feed entries, at the sheet row the user is on.
 */
export function dealCardOf(
  deal: DealJson,
  visits: readonly VisitJson[],
  feed: readonly FeedEntryJson[],
  where: { readonly sheet: string; readonly row: number },
): DealCard {
  return {
    dealId: deal.id,
    sheet: where.sheet,
    row: where.row,
    title: deal.title,
    account: deal.account,
    owner: deal.owner,
    stage: stageOf(deal.stage),
    enteredStageOn: deal.enteredStageOn,
    daysInStage: deal.daysInStage,
    ball: deal.ball,
    ballSince: deal.ballSince,
    ballDays: deal.ballDays,
    nextAction: deal.nextAction,
    nextActionOn: deal.nextActionOn,
    flags: flagViews(deal.flags),
    recentVisits: visits.map(visitSummary),
    feed: feed.map(feedItem),
  };
}
