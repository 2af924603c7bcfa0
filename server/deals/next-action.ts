import type { IsoDate } from '../../shared/calendar/iso-date.ts';

export interface NextAction {
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
}

/**
 * The deal's next step: the sheet's, unless a visit logged through the sidebar planned one due
 * later (or the sheet has no date). A visit never writes the deal row's own cells, so without this
 * the card would show the step the visit just replaced; a later step typed into the sheet wins again.
 */
export function currentNextAction(sheet: NextAction, visit: NextAction): NextAction {
  if (visit.nextActionOn !== null) {
    return sheet.nextActionOn === null || visit.nextActionOn > sheet.nextActionOn ? visit : sheet;
  }
  const sheetEmpty = sheet.nextActionOn === null && (sheet.nextAction === null || sheet.nextAction.trim() === '');
  return sheetEmpty && visit.nextAction !== null ? visit : sheet;
}

