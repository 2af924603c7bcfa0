import { z } from 'zod';
import { isIsoDate } from '../../shared/calendar/iso-date.ts';
import { FLAG_CODES } from '../../shared/flags/flag.ts';
import { MAX_TEXT_LENGTH } from '../../shared/cells/parse-text.ts';
import { SpreadsheetId } from '../http/common-schemas.ts';
import { WritePlanWireSchema } from '../push-sync/plan-wire.ts';

// Names and titles fit on one line of a cell; notes may run as long as the sync reads a cell.
const NAME_LENGTH = 200;
const PEOPLE_LENGTH = 500;

const IsoDateText = z
  .string()
  .refine(isIsoDate, { message: 'must be a calendar date as YYYY-MM-DD, e.g. 2026-11-20' })
  .meta({ description: 'A calendar date, YYYY-MM-DD', example: '2026-11-20' });

/** Text trimmed; empty text is the same as leaving the field out. */
function text(max: number, description: string) {
  return z
    .string({ message: 'must be text' })
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v))
    .meta({ description });
}

export const VisitBody = z
  .strictObject({
    visitedOn: IsoDateText.meta({ description: 'The day of the visit or contact; not in the future (the spreadsheet\'s time zone)' }),
    dealId: z.string().trim().min(1).max(128).optional().meta({ description: 'The deal\'s id (its ID [SFA] cell); or name it by dealTitle and account' }),
    dealTitle: text(NAME_LENGTH, 'The deal\'s title, matched with the account as the sync matches visits to deals'),
    account: text(NAME_LENGTH, 'The customer; required when no deal is named'),
    owner: text(NAME_LENGTH, 'The rep who visited; the caller when left out'),
    met: text(PEOPLE_LENGTH, 'Whom we met on the customer\'s side'),
    attendees: text(PEOPLE_LENGTH, 'Our own attendees'),
    discussed: text(MAX_TEXT_LENGTH, 'What was discussed'),
    customerAsked: text(MAX_TEXT_LENGTH, 'What the customer asked for: the voice of the customer'),
    nextAction: text(MAX_TEXT_LENGTH, 'The next action'),
    nextActionOn: IsoDateText.optional().meta({ description: 'When the next action is due; not before the visit' }),
    ballAfter: z
      .enum(['us', 'customer'], { message: "must be 'us' or 'customer'" })
      .optional()
      .meta({ description: 'Who must act next after this contact' }),
  })
  .meta({ id: 'VisitInput' });
export type VisitBody = z.infer<typeof VisitBody>;

export const VisitSchema = z
  .object({
    id: z.string(),
    visitedOn: z.string().nullable(),
    account: z.string().nullable(),
    dealId: z.string().nullable(),
    dealTitle: z.string().nullable(),
    owner: z.string().nullable(),
    met: z.string().nullable(),
    attendees: z.string().nullable(),
    discussed: z.string().nullable(),
    customerAsked: z.string().nullable(),
    nextAction: z.string().nullable(),
    nextActionOn: z.string().nullable(),
    ballAfter: z.enum(['us', 'customer']).nullable(),
    loggedBy: z.string().nullable().meta({ description: 'Who logged it through the API; null for a visit typed into the sheet' }),
    loggedAt: z.string().meta({ description: 'When the service first saw it' }),
    onSheet: z.boolean().meta({ description: 'False until the sheet shows the row the API asked the add-on to add' }),
  })
  .meta({ id: 'Visit' });

const FlagView = z
  .object({ code: z.enum(FLAG_CODES), label: z.string(), reason: z.string() })
  .meta({ id: 'FlagView' });

export const VisitDealOutcome = z
  .object({
    id: z.string(),
    account: z.string().nullable(),
    title: z.string().nullable(),
    sheetRow: z.number().nullable().meta({ description: 'The deal\'s row as of the last sync; the plan writes its cells there' }),
    daysInStage: z.number().nullable(),
    ball: z.enum(['us', 'customer']).nullable(),
    ballSince: z.string().nullable(),
    ballDays: z.number().nullable(),
    flags: z.array(FlagView).meta({ description: 'The deal\'s flags with this visit, in the sheet\'s language' }),
    raised: z.array(z.enum(FLAG_CODES)),
    cleared: z.array(z.enum(FLAG_CODES)),
  })
  .meta({ id: 'VisitDealOutcome' });

export const LoggedVisit = z
  .object({
    visit: VisitSchema,
    deal: VisitDealOutcome.nullable().meta({ description: 'Null when the visit names an account but no deal' }),
    plan: WritePlanWireSchema.meta({ description: 'Apply as after a sync: the visit\'s row to append, the deal row\'s changed cells' }),
  })
  .meta({ id: 'LoggedVisit' });

export const VisitPage = z
  .object({
    visits: z.array(VisitSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `before` for the next page; null on the last page' }),
  })
  .meta({ id: 'VisitPage' });

const Limit = z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(50).meta({ description: 'Page size, 1–200 (50)' });
const Before = z.string().min(1).max(400).optional().meta({ description: 'The nextCursor of the previous page' });

export const VisitListQuery = z
  .strictObject({
    dealId: z.string().trim().min(1).max(128).optional(),
    account: z.string().trim().min(1).max(NAME_LENGTH).optional().meta({ description: 'Width, case and spaces do not count' }),
    limit: Limit,
    before: Before,
  });

export const VoiceQuery = z.strictObject({
  q: z.string().trim().max(200).optional().meta({ description: 'Only requests containing this text; width and case do not count' }),
  limit: Limit,
  before: Before,
});

export const VoiceParams = z.object({
  spreadsheetId: SpreadsheetId,
  account: z.string().trim().min(1).max(NAME_LENGTH).meta({ description: 'The account, URL-encoded; width, case and spaces do not count' }),
});

// A visit as the visits API shows it, cut to who asked what; an entry always has the ask.
export const VoiceEntry = VisitSchema.pick({ visitedOn: true, account: true, dealId: true, dealTitle: true, owner: true, met: true })
  .extend({ visitId: z.string(), customerAsked: z.string() })
  .meta({ id: 'VoiceEntry' });

export const VoicePage = z
  .object({ account: z.string(), entries: z.array(VoiceEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'VoicePage' });
