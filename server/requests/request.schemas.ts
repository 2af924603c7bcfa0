import { z } from 'zod';
import { REQUEST_TYPES } from '../../shared/records/request.ts';
import { REQUEST_ACTIONS, REQUEST_STATES } from '../../shared/requests/request-state.ts';
import { RoleSchema, SpreadsheetId } from '../http/common-schemas.ts';

// Any text: an id that is not one of ours is a 404 like any unknown id (and path parameters are
// checked before roles, so a strict pattern would answer strangers 400 rather than 403).
export const RequestId = z.string().min(1).max(200).meta({ description: 'The request id (the requests tab\'s hidden id column)' });

export const RequestParams = z.object({ spreadsheetId: SpreadsheetId, requestId: RequestId });

const LongText = z.string().max(5000);

export const CostInputSchema = z
  .object({
    hours: z.array(z.object({ role: z.string(), hours: z.number() })).optional(),
    directCosts: z.array(z.object({ label: z.string(), amount: z.number() })).optional(),
    discount: z.number().optional(),
    recurring: z.object({ monthly: z.number(), months: z.number() }).nullable().optional(),
  })
  .meta({
    id: 'RequestCostInput',
    description: 'What saying yes costs: hours per role × the spreadsheet\'s hourly rate, direct costs, the discount given, and any recurring cost × months (yen)',
  });

const RequestType = z.enum(REQUEST_TYPES).meta({ description: 'contract_change, discount, special_delivery, special_support or other; labels are configurable' });

export const FileRequestBody = z
  .object({
    type: RequestType,
    background: LongText.nullable().meta({ description: 'Why the customer asks: required, and too short is refused (policy.minBackgroundChars)' }),
    description: LongText.meta({ description: 'What exactly the customer asks for' }),
    alternative: LongText.nullable().optional().meta({ description: 'A cheaper alternative considered' }),
    account: z.string().trim().min(1).max(500).optional().meta({ description: 'The account; optional when the deal names it' }),
    dealId: z.string().min(1).max(128).optional(),
    dealTitle: z.string().trim().min(1).max(500).optional().meta({ description: 'The deal by its title (with the account when titles repeat)' }),
    // Parsed by the cost model, which names every bad field; the schema documents the shape.
    cost: z.unknown().meta({ description: 'A RequestCostInput' }),
    submit: z.boolean().optional().meta({ description: 'Submit at once instead of saving a draft' }),
  })
  .strict();

export const RequestChanges = z
  .object({
    type: RequestType.optional(),
    background: LongText.nullable().optional(),
    description: LongText.optional(),
    alternative: LongText.nullable().optional(),
    cost: z.unknown().optional(),
  })
  .strict()
  .meta({ id: 'RequestChanges', description: 'New content for a draft, returned or recalled request (the account and deal stay)' });

export const ActionBody = z
  .object({
    action: z.enum(REQUEST_ACTIONS),
    comment: z.string().max(2000).nullable().optional().meta({ description: 'Required to reject or return' }),
    expectedVersion: z.number().int().min(0).optional().meta({ description: 'The version you read: required to approve, reject or return (400 without it); a request changed since is a 409' }),
    changes: RequestChanges.optional(),
  })
  .strict();

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListQuery = z
  .object({
    state: z
      .string()
      .optional()
      .meta({ description: `Comma-separated states: ${REQUEST_STATES.join(', ')}` }),
    account: z.string().trim().min(1).max(500).optional(),
    dealId: z.string().min(1).max(128).optional(),
    mine: Bool.optional().meta({ description: 'Only requests I filed' }),
    awaitingMe: Bool.optional().meta({ description: 'Only requests whose current step I may decide' }),
    includeRemoved: Bool.optional().meta({ description: 'Also rows removed from the sheet' }),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: z.string().max(1000).optional(),
  })
  .strict();

const Timestamp = z.iso.datetime().nullable();
const State = z.enum(REQUEST_STATES).nullable();

export const RequestSummarySchema = z
  .object({
    id: z.string(),
    origin: z.enum(['sheet', 'api']),
    requestedOn: z.string().nullable(),
    type: z.string().nullable(),
    typeLabel: z.string().nullable(),
    account: z.string().nullable(),
    dealId: z.string().nullable(),
    dealTitle: z.string().nullable(),
    requester: z.string().nullable(),
    requesterEmail: z.string().nullable(),
    costTotal: z.number().int().nullable(),
    state: State.meta({ description: 'Null for a row of the requests tab nobody filed through the API' }),
    stateLabel: z.string().nullable(),
    sheetStatus: z.string().nullable().meta({ description: 'For a row nobody filed: the status typed into the sheet, unverified and never counted as a decision' }),
    route: z.array(RoleSchema).nullable(),
    step: z.number().int().nullable(),
    awaitingRole: RoleSchema.nullable(),
    version: z.number().int(),
    decidedAt: Timestamp,
    decidedBy: z.string().nullable(),
    decisionComment: z.string().nullable(),
    removed: z.boolean(),
  })
  .meta({ id: 'SpecialRequestSummary' });

const CostLineSchema = z.object({
  kind: z.enum(['labour', 'direct', 'discount', 'recurring']),
  label: z.string(),
  detail: z.string(),
  amount: z.number().int(),
  quantity: z.number().nullable(),
  unitAmount: z.number().nullable(),
});

const WinWinSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z.number().int(),
    specialCost: z.number(),
    pendingCost: z.number(),
    wonRevenue: z.number(),
    ratio: z.number().nullable(),
    overShare: z.boolean(),
    projectedRatio: z.number().nullable(),
    overShareIfApproved: z.boolean(),
    share: z.number(),
  })
  .loose()
  .meta({ id: 'WinWinBalance', description: 'The account\'s special-handling cost against its won revenue over the window' });

export const RequestDetailSchema = z
  .object({
    request: RequestSummarySchema.extend({ background: z.string().nullable(), description: z.string().nullable(), alternative: z.string().nullable() }),
    cost: z.object({ total: z.number().int().nullable(), lines: z.array(CostLineSchema), input: CostInputSchema.nullable() }),
    route: z.array(
      z.object({
        role: RoleSchema,
        status: z.enum(['approved', 'awaiting', 'waiting', 'rejected', 'returned']),
        by: z.string().nullable(),
        at: Timestamp,
        comment: z.string().nullable(),
      }),
    ),
    deal: z
      .object({
        id: z.string(),
        title: z.string().nullable(),
        account: z.string().nullable(),
        stage: z.string().nullable(),
        stageLabel: z.string().nullable(),
        owner: z.string().nullable(),
        amount: z.number().nullable(),
        grossMargin: z.number().nullable(),
        removed: z.boolean(),
      })
      .nullable(),
    account: z
      .object({
        name: z.string(),
        from: z.string(),
        to: z.string(),
        requests: z.array(
          z.object({
            id: z.string(),
            requestedOn: z.string().nullable(),
            type: z.string().nullable(),
            typeLabel: z.string().nullable(),
            dealTitle: z.string().nullable(),
            costTotal: z.number().nullable(),
            state: State,
            stateLabel: z.string().nullable(),
            sheetStatus: z.string().nullable(),
            decidedAt: Timestamp,
            decidedBy: z.string().nullable(),
            decisionComment: z.string().nullable(),
          }),
        ),
        wonDeals: z.array(z.object({ id: z.string(), title: z.string().nullable(), wonOn: z.string().nullable(), amount: z.number().nullable(), grossMargin: z.number().nullable() })),
        winWin: WinWinSchema,
      })
      .nullable(),
    flags: z.array(z.object({ code: z.string(), label: z.string(), reason: z.string() })),
    allowedActions: z.array(z.enum(REQUEST_ACTIONS)),
  })
  .meta({ id: 'SpecialRequestDetail' });

export const RequestListSchema = z.object({ requests: z.array(RequestSummarySchema), nextCursor: z.string().nullable() });

export const RequestEventsSchema = z.object({
  events: z.array(
    z.object({
      seq: z.number().int(),
      action: z.string(),
      actor: z.string(),
      at: z.iso.datetime(),
      fromState: State,
      toState: z.enum(REQUEST_STATES),
      step: z.number().int().nullable(),
      role: RoleSchema.nullable(),
      comment: z.string().nullable(),
      costTotal: z.number().nullable(),
      content: z
        .object({
          type: z.string().nullable(),
          typeLabel: z.string().nullable(),
          account: z.string().nullable(),
          dealTitle: z.string().nullable(),
          background: z.string().nullable(),
          description: z.string().nullable(),
          alternative: z.string().nullable(),
          costInput: CostInputSchema.nullable(),
        })
        .nullable()
        .meta({ description: 'What was put forward or judged, as it stood then (submit, resubmit, approve, reject, return); null for other events' }),
    }),
  ),
});

export const RequestSettingsSchema = z
  .object({
    policy: z.record(z.string(), z.unknown()).meta({ description: 'The effective policy: defaults with the overrides applied' }),
    overrides: z.record(z.string(), z.unknown()).meta({ description: 'What an admin saved' }),
    updatedAt: Timestamp,
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'RequestSettings' });

export const RequestSettingsBody = z
  .record(z.string(), z.unknown())
  .meta({ description: 'Overrides of the request policy: hourlyRates, routing, marginShare, winWinShare, winWinMonths, minBackgroundChars, typeLabels. Replaces what was saved.' });
