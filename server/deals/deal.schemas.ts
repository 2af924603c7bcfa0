import { z } from 'zod';
import { FLAG_CODES } from '../../shared/flags/flag.ts';
import { STAGE_CODES } from '../../shared/stages/stage.ts';
import { SpreadsheetId } from '../http/common-schemas.ts';

// Any text: an id that is not one of ours is a 404 like any unknown id (and path parameters are
// checked before roles, so a strict pattern would answer strangers 400 rather than 403).
export const DealId = z.string().min(1).max(200).meta({ description: 'The deal id (the deals tab\'s hidden ID [SFA] column)' });

export const DealParams = z.object({ spreadsheetId: SpreadsheetId, dealId: DealId });

const Day = z.string().meta({ description: 'YYYY-MM-DD' });

const DealCardFlag = z
  .object({
    code: z.enum(FLAG_CODES),
    label: z.string().meta({ description: 'As the flags cell shows it, in the reader\'s language', example: '停滞' }),
    reason: z.string().meta({ description: 'As the reasons cell shows it, in the reader\'s language', example: '見積提出に15日滞留(基準14日)' }),
    tone: z.enum(['stale', 'warning', 'info']).meta({ description: 'stale: the sheet\'s red; warning: needs a call soon; info: data to fix' }),
  })
  .meta({ id: 'DealCardFlag' });

export const DealCardSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    account: z.string().nullable(),
    owner: z.string().nullable(),
    stage: z
      .object({ code: z.enum(STAGE_CODES), label: z.string().meta({ description: 'The stage\'s label in the spreadsheet\'s settings, in the reader\'s language' }) })
      .nullable()
      .meta({ description: 'Null when the stage cell is empty or maps onto no stage (see the unknown_stage flag)' }),
    enteredStageOn: Day.nullable(),
    daysInStage: z.number().int().nullable().meta({ description: 'Counted to today in the spreadsheet\'s time zone, as the settings count days' }),
    ball: z.enum(['us', 'customer']).nullable(),
    ballSince: Day.nullable(),
    ballDays: z.number().int().nullable().meta({ description: 'Days the ball has been with the customer; null when it is with us' }),
    nextAction: z.string().nullable().meta({ description: 'The sheet\'s next action, or the one a visit logged through the API planned for later' }),
    nextActionOn: Day.nullable(),
    amount: z.number().nullable().meta({ description: 'Yen' }),
    flags: z.array(DealCardFlag).meta({ description: 'What the flags cell shows, computed for today (要コスト確認 included)' }),
    lastContactOn: Day.nullable().meta({ description: 'The latest of the sheet\'s last contact and the deal\'s visits' }),
    sheetRow: z.number().int().nullable().meta({ description: 'The deals tab row the last sync left the deal on; null when it is not on the tab' }),
    removed: z.boolean().meta({ description: 'Gone from the deals tab: what was last known of it' }),
  })
  .meta({ id: 'DealCard' });
