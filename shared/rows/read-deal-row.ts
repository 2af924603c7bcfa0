import { parseAmount } from '../cells/parse-amount.ts';
import { parseBall } from '../cells/parse-ball.ts';
import { parseDate } from '../cells/parse-date.ts';
import { parseProbability } from '../cells/parse-probability.ts';
import { parseStage } from '../cells/parse-stage.ts';
import { cellText } from '../cells/cell-text.ts';
import type { Deal } from '../records/deal.ts';
import { stageLabelMap } from '../settings/stage-label-map.ts';
import { stageDefinition } from '../settings/stage-definition.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import { parseTeam } from './parse-team.ts';
import type { RowReader } from './read-context.ts';

/** A deals-tab row as a Deal; the team falls back to the one owning the deal's stage. */
export function readDealRow(r: RowReader<'deals'>, settings: SyncSettings): Deal {
  const dateOptions = { timeZone: settings.timeZone, dateOrder: settings.dateOrder };
  const date = (cell: Parameters<typeof parseDate>[0]) => parseDate(cell, dateOptions);
  const labels = stageLabelMap(settings);
  const stage = r.read('stage', (c) => parseStage(c, labels));
  const stageLabel = cellText(r.raw('stage'));
  const team = r.read('team', parseTeam) ?? stageDefinition(settings, stage)?.team ?? null;
  return {
    account: r.text('account'),
    title: r.text('title'),
    stage,
    stageLabel: stageLabel === '' ? null : stageLabel,
    stageChangedOn: r.read('stageChangedOn', date),
    owner: r.text('owner'),
    team,
    amount: r.read('amount', parseAmount),
    grossMargin: r.read('grossMargin', parseAmount),
    probability: r.read('probability', (c) => parseProbability(c, settings.probabilityRanks)),
    quoteSentOn: r.read('quoteSentOn', date),
    ball: r.read('ball', parseBall),
    lastContactOn: r.read('lastContactOn', date),
    nextAction: r.text('nextAction'),
    nextActionOn: r.read('nextActionOn', date),
    expectedCloseOn: r.read('expectedCloseOn', date),
    createdOn: r.read('createdOn', date),
  };
}
