import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/access/role.ts';
import { isoDateInZone } from '../../shared/calendar/iso-date.ts';
import type { RequestPolicy } from '../../shared/cost/request-policy.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { RefusalCode } from '../../shared/requests/request-refusals.ts';
import type { RequestAction, RequestEventAction } from '../../shared/requests/request-state.ts';
import { transition, type WorkflowActor, type WorkflowEvent, type WorkflowRequest } from '../../shared/requests/request-workflow.ts';
import type { Db } from '../db/database.ts';
import { appendFeedEntries } from '../feed/feed.repository.ts';
import { ApiError } from '../http/api-error.ts';
import { lockSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { checkContent, type CheckedContent, type RequestContentInput } from './request-content.ts';
import { appendRequestEvent, approversOfRound } from './request-event.repository.ts';
import { contentSnapshotOf, costSnapshotOf, workflowOf } from './request-record.ts';
import { insertApiRequest, lockRequest, saveWorkflow, type ContentColumns, type RequestRow } from './request.repository.ts';
import { policyFor } from './request-settings.service.ts';
import { sheetRequesterRefusal } from './sheet-requester.ts';
import { dealsTitled, findDeal, knownAccount, sameAccount, spreadsheetFacts, type RequestDeal } from './request-subject.repository.ts';

export interface FileRequestInput extends RequestContentInput {
  readonly account: string | null;
  readonly dealId: string | null;
  readonly dealTitle: string | null;
  /** Submit at once rather than keep a draft. */
  readonly submit: boolean;
}

export interface ActOnRequestInput {
  readonly action: RequestAction;
  readonly comment: string | null;
  /** The version the caller read; a request changed since is a conflict, not a silent overwrite. */
  readonly expectedVersion: number | null;
  /** New content, with revise, submit or resubmit: applied as a revision first. */
  readonly changes: Partial<RequestContentInput> | null;
}

const REFUSAL_STATUS: Readonly<Record<RefusalCode, 400 | 403 | 409>> = {
  not_in_state: 409,
  not_requester: 403,
  missing_role: 403,
  own_request: 403,
  named_requester: 403,
  not_named_requester: 403,
  same_approver: 403,
  comment_required: 400,
  background_missing: 400,
  background_too_thin: 400,
  cost_unknown: 400,
};

const ERROR_CODE = { 400: 'invalid_request', 403: 'forbidden', 409: 'conflict' } as const;

// A decision is about the request the decider read: without its version, a racing approval of
// the step before would hand them the next step they never saw.
const DECISIONS: ReadonlySet<RequestAction> = new Set(['approve', 'reject', 'return']);
// Events that put the request forward or judge it: each keeps the content as it stood then.
const JUDGED: ReadonlySet<RequestEventAction> = new Set(['submit', 'resubmit', 'approve', 'reject', 'return']);

function contentColumns(c: CheckedContent, policy: RequestPolicy, sheetLocale: Locale): ContentColumns {
  return {
    type: c.type,
    typeLabel: policy.typeLabels[c.type][sheetLocale],
    background: c.background,
    description: c.description,
    alternative: c.alternative,
    costInput: c.costInput,
    costTotal: c.costTotal,
  };
}

async function facts(db: Db, spreadsheetId: string) {
  const found = await spreadsheetFacts(db, spreadsheetId);
  if (found === null) throw new ApiError(404, 'not_found', 'spreadsheet not found');
  return found;
}

/** The deal and the account a new request is about, as the deals tab spells them. */
async function subjectOf(db: Db, spreadsheetId: string, input: FileRequestInput): Promise<{ deal: RequestDeal | null; account: string }> {
  let deal: RequestDeal | null = null;
  if (input.dealId !== null) {
    deal = await findDeal(db, spreadsheetId, input.dealId);
    if (deal === null || deal.removed) throw new ApiError(400, 'invalid_request', `body.dealId: no deal ${input.dealId} on this spreadsheet`);
  } else if (input.dealTitle !== null) {
    const titled = await dealsTitled(db, spreadsheetId, input.dealTitle);
    const matching = [];
    for (const d of titled) if (input.account === null || (d.account !== null && (await sameAccount(db, d.account, input.account)))) matching.push(d);
    if (matching.length === 0) {
      const where = input.account === null ? '' : ` of ${input.account}`;
      throw new ApiError(400, 'invalid_request', `body.dealTitle: no deal titled "${input.dealTitle}"${where} on this spreadsheet`);
    }
    if (matching.length > 1) {
      throw new ApiError(400, 'invalid_request', `body.dealTitle: ${matching.length} deals are titled "${input.dealTitle}": give the account or the dealId (${matching.map((d) => d.id).join(', ')})`);
    }
    deal = matching[0] ?? null;
  }
  if (deal !== null) {
    if (input.account !== null && (deal.account === null || !(await sameAccount(db, deal.account, input.account)))) {
      throw new ApiError(400, 'invalid_request', `body.account: the deal belongs to ${deal.account ?? 'no account'}, not ${input.account}`);
    }
    if (deal.account === null) throw new ApiError(400, 'invalid_request', 'body.dealId: the deal has no account in the sheet: fill in its account first');
    return { deal, account: deal.account };
  }
  if (input.account === null) throw new ApiError(400, 'invalid_request', 'body.account: name the account (or the deal) the request is for');
  const known = await knownAccount(db, spreadsheetId, input.account);
  if (known === null) throw new ApiError(400, 'invalid_request', `body.account: no deal on this spreadsheet names the account "${input.account}"`);
  return { deal: null, account: known };
}

/** Runs one transition on a locked request and records it: the row, its event, its feed entry. */
async function apply(
  trx: Db,
  row: RequestRow,
  workflow: WorkflowRequest,
  input: { action: RequestAction; comment: string | null },
  actor: WorkflowActor,
  now: Date,
  policy: RequestPolicy,
  locale: Locale,
  content: ContentColumns | null,
): Promise<{ row: RequestRow; workflow: WorkflowRequest; event: WorkflowEvent }> {
  const result = transition(workflow, input, actor, now, policy);
  if (!result.ok) {
    const status = REFUSAL_STATUS[result.code];
    throw new ApiError(status, ERROR_CODE[status], result.message[locale]);
  }
  const { next, event } = result;
  const state = next.state ?? 'draft';
  const saved = await saveWorkflow(trx, row.spreadsheet_id, row.id, row.version, { ...next, state }, content, now);
  if (!saved) throw new ApiError(409, 'conflict', 'the request changed meanwhile: read it again');
  const updated: RequestRow = {
    ...row,
    state,
    cost_total: next.costTotal === null ? null : String(next.costTotal),
    requester_email: next.requesterEmail,
    route: next.route === null ? null : [...next.route],
    step: next.step,
    version: next.version,
    decided_at: next.decidedAt,
    decided_by: next.decidedBy,
    decision_comment: next.decisionComment,
    ...(content === null
      ? {}
      : {
          type: content.type,
          type_label: content.typeLabel,
          background: content.background,
          description: content.description,
          alternative: content.alternative,
          cost_input: content.costInput,
          cost_total: String(content.costTotal),
          estimated_cost: String(content.costTotal),
        }),
  };
  await record(trx, updated, event, policy);
  return { row: updated, workflow: next, event };
}

async function record(trx: Db, row: RequestRow, event: Omit<WorkflowEvent, 'action'> & { action: WorkflowEvent['action'] | 'file' }, policy: RequestPolicy): Promise<void> {
  const seq = await appendRequestEvent(trx, {
    spreadsheetId: row.spreadsheet_id,
    requestId: row.id,
    action: event.action,
    actor: event.actor,
    at: event.at,
    fromState: event.fromState,
    toState: event.toState,
    step: event.step,
    comment: event.comment,
    costSnapshot: costSnapshotOf(row, policy),
    contentSnapshot: JUDGED.has(event.action) ? contentSnapshotOf(row) : null,
  });
  const role: Role | null = event.step === null ? null : (row.route?.[event.step] ?? null);
  await appendFeedEntries(trx, [
    {
      spreadsheetId: row.spreadsheet_id,
      dealId: row.deal_id,
      account: row.account,
      kind: 'request_event',
      at: event.at,
      actor: event.actor,
      payload: {
        requestId: row.id,
        seq,
        action: event.action,
        fromState: event.fromState,
        toState: event.toState,
        step: event.step,
        role,
        type: row.type,
        dealTitle: row.deal_title,
        costTotal: event.costTotal,
        comment: event.comment,
      },
    },
  ]);
}

/**
 * Takes the spreadsheet's lock, as a sync holds it while it reads and writes, and reads the clock
 * then. A sync's run is stamped inside the lock too, so an event is after every sync that did not
 * see it and before every sync that did: the next sync tells a status cell the last sync wrote
 * (stale) from one typed by hand by the events up to that run (statesAtLastSync).
 */
async function underSpreadsheetLock(trx: Db, spreadsheetId: string, clock: () => Date): Promise<Date> {
  await lockSpreadsheet(trx, spreadsheetId);
  return clock();
}

/**
 * Files a special request through the API: checked (background, description, cost), stored as a
 * draft with its `file` event, and submitted in the same transaction when asked. A refused
 * submission files nothing.
 */
export async function fileRequest(
  db: Db,
  args: { spreadsheetId: string; actor: WorkflowActor; input: FileRequestInput; clock: () => Date; locale: Locale; newId?: () => string },
): Promise<string> {
  const { spreadsheetId, actor, input, locale } = args;
  const sheet = await facts(db, spreadsheetId);
  const policy = await policyFor(db, spreadsheetId);
  const content = checkContent(input, policy, locale);
  const { deal, account } = await subjectOf(db, spreadsheetId, input);
  const id = (args.newId ?? randomUUID)();
  const columns = contentColumns(content, policy, sheet.locale);
  await db.transaction().execute(async (trx) => {
    const now = await underSpreadsheetLock(trx, spreadsheetId, args.clock);
    await insertApiRequest(trx, {
      spreadsheetId,
      id,
      requestedOn: isoDateInZone(now, sheet.timeZone),
      type: columns.type,
      typeLabel: columns.typeLabel,
      account,
      dealId: deal?.id ?? null,
      dealTitle: deal?.title ?? null,
      requesterEmail: actor.email,
      background: columns.background,
      description: columns.description,
      alternative: columns.alternative,
      costInput: columns.costInput,
      costTotal: columns.costTotal,
      at: now,
    });
    const row = await lockRequest(trx, spreadsheetId, id);
    if (row === null) throw new Error(`request ${id} vanished inside its own transaction`);
    await record(trx, row, { action: 'file', actor: actor.email, at: now, fromState: null, toState: 'draft', step: null, comment: null, costTotal: columns.costTotal }, policy);
    if (input.submit) await apply(trx, row, workflowOf(row, []), { action: 'submit', comment: null }, actor, now, policy, locale, null);
  });
  return id;
}

/**
 * One action on one request, race-safe: the row is locked for the transaction, the caller's
 * version checked, the transition applied, and the event and feed entry appended with it. Of two
 * decisions racing on one request exactly one wins; the other is a 409.
 */
export async function actOnRequest(
  db: Db,
  args: { spreadsheetId: string; requestId: string; actor: WorkflowActor; input: ActOnRequestInput; clock: () => Date; locale: Locale },
): Promise<void> {
  const { spreadsheetId, requestId, actor, input, locale } = args;
  const sheet = await facts(db, spreadsheetId);
  const policy = await policyFor(db, spreadsheetId);
  const changes = input.changes;
  if (changes !== null && !['revise', 'submit', 'resubmit'].includes(input.action)) {
    throw new ApiError(400, 'invalid_request', `body.changes: only a revision, a submission or a resubmission changes the request, not ${input.action}`);
  }
  if (input.action === 'revise' && changes === null) throw new ApiError(400, 'invalid_request', 'body.changes: say what to revise');
  if (DECISIONS.has(input.action) && input.expectedVersion === null) {
    throw new ApiError(400, 'invalid_request', `body.expectedVersion: required to ${input.action}: the version of the request you read`);
  }
  await db.transaction().execute(async (trx) => {
    const now = await underSpreadsheetLock(trx, spreadsheetId, args.clock);
    const row = await lockRequest(trx, spreadsheetId, requestId);
    if (row === null) throw new ApiError(404, 'not_found', 'no such request on this spreadsheet');
    if (row.removed_at !== null) throw new ApiError(409, 'conflict', 'the request was removed from the sheet');
    if (input.expectedVersion !== null && row.version !== input.expectedVersion) {
      throw new ApiError(409, 'conflict', `the request changed since you read it (version ${input.expectedVersion}, now ${row.version}): read it again`);
    }
    const named = sheetRequesterRefusal(row, input.action, actor.email);
    if (named !== null) {
      const status = REFUSAL_STATUS[named.code];
      throw new ApiError(status, ERROR_CODE[status], named.message[locale]);
    }
    let current = row;
    let workflow = workflowOf(row, await approversOfRound(trx, spreadsheetId, requestId));
    if (changes !== null) {
      if (row.origin === 'sheet') throw new ApiError(409, 'conflict', 'this request lives in the requests tab: edit its row there');
      // Once appended, the sheet's row is the request's text: a change here would never reach it.
      if (!row.pending_append) throw new ApiError(409, 'conflict', 'this request is on the requests tab now: edit its row there');
      const merged = checkContent(
        {
          type: changes.type ?? (row.type as RequestContentInput['type']),
          background: changes.background !== undefined ? changes.background : row.background,
          description: changes.description !== undefined ? changes.description : row.description,
          alternative: changes.alternative !== undefined ? changes.alternative : row.alternative,
          cost: changes.cost !== undefined ? changes.cost : row.cost_input,
        },
        policy,
        locale,
      );
      const content = contentColumns(merged, policy, sheet.locale);
      const revisedWorkflow = { ...workflow, background: merged.background, costTotal: merged.costTotal };
      const revised = await apply(trx, current, revisedWorkflow, { action: 'revise', comment: input.action === 'revise' ? input.comment : null }, actor, now, policy, locale, content);
      current = revised.row;
      workflow = revised.workflow;
    }
    if (input.action !== 'revise') await apply(trx, current, workflow, { action: input.action, comment: input.comment }, actor, now, policy, locale, null);
  });
}
