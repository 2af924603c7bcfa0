import { z } from 'zod';
import { accountKey, accountName } from '../../shared/feed/account-key.ts';
import { FEED_KINDS } from '../../shared/feed/feed-kind.ts';
import { digestRoutes } from '../digest/digest.routes.ts';
import { ApiError } from '../http/api-error.ts';
import { SpreadsheetId } from '../http/common-schemas.ts';
import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { dailyReportRoute } from './daily-report.routes.ts';
import { addFollow, dealKnown, followsOf, liveDeal, removeFollow, type FeedScope } from './feed.repository.ts';
import { readFeed } from './feed.service.ts';
import { requestLocale } from './request-locale.ts';

const FeedQuery = z.object({
  deal: z.string().trim().min(1).max(200).optional().meta({ description: 'One deal\'s feed (its id), whether or not you follow it' }),
  account: z.string().trim().min(1).max(500).optional().meta({ description: 'One account\'s feed (its name; full-width, spacing and case do not matter)' }),
  before: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, 'must be an entry id')
    .optional()
    .meta({ description: 'Entries older than this entry id: the previous page\'s nextBefore' }),
  limit: z.coerce.number().int().min(1).max(100).default(30).meta({ description: 'Entries per page, 1–100' }),
});

const FeedEntry = z
  .object({
    id: z.string(),
    kind: z.enum(FEED_KINDS),
    at: z.string().meta({ description: 'When it happened (ISO instant)' }),
    actor: z.string().nullable().meta({ description: 'Who did it; null for what the sync saw' }),
    dealId: z.string().nullable(),
    dealTitle: z.string().nullable().meta({ description: 'The deal\'s title now' }),
    account: z.string().nullable(),
    text: z.string().meta({ description: 'The entry in the reader\'s language (Accept-Language: ja or en; ja by default)' }),
    payload: z.unknown().meta({ description: 'What the entry says, as data (codes, dates, amounts)' }),
  })
  .meta({ id: 'FeedEntry' });

const FeedPage = z.object({
  entries: z.array(FeedEntry).meta({ description: 'Newest first' }),
  nextBefore: z.string().nullable().meta({ description: 'Pass as `before` for the next, older page; null on the last page' }),
});

const TargetKind = z.enum(['deal', 'account']);
const FollowParams = z.object({
  spreadsheetId: SpreadsheetId,
  // Checked after the caller's role (followTarget), so that someone without one gets 403 whatever the path.
  targetKind: z.string().meta({ description: '`deal` or `account`' }),
  target: z.string().trim().min(1).max(500).meta({ description: 'A deal id, or an account name' }),
});

const Follow = z
  .object({
    targetKind: TargetKind,
    target: z.string().meta({ description: 'The deal id, or the account name folded for matching' }),
    label: z.string().nullable().meta({ description: 'The deal\'s title, or the account name as given' }),
    account: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Follow' });

const FollowChange = z.object({
  targetKind: TargetKind,
  target: z.string(),
  label: z.string().nullable(),
  following: z.boolean(),
  changed: z.boolean().meta({ description: 'False when it already was so' }),
});

/** What to follow: a deal id, or an account's key and name; a 400 for anything else. */
function followTarget(kind: string, target: string): { targetKind: 'deal' | 'account'; target: string; label: string | null } {
  if (kind === 'deal') return { targetKind: kind, target, label: null };
  if (kind !== 'account') throw new ApiError(400, 'invalid_request', 'path.targetKind: must be deal or account');
  const key = accountKey(target);
  if (key === null) throw new ApiError(400, 'invalid_request', 'path.target: an account name must have some text');
  return { targetKind: kind, target: key, label: accountName(target) };
}

export interface FeedRouteOptions {
  /** Where managers' Chat webhooks may point (DIGEST_CHAT_WEBHOOK_PREFIXES); Google Chat's when unset. */
  readonly chatUrlPrefixes?: readonly string[] | undefined;
}

/** Routes for the feed, follows, the daily report and managers' digest settings. */
export function feedRoutes(deps: FeatureRouteDeps, options: FeedRouteOptions = {}): RouteDef[] {
  const { db } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/feed',
      operationId: 'readFeed',
      summary: 'What moved on the deals and accounts you follow (or on one deal or account), newest first',
      tags: ['feed'],
      access: { kind: 'spreadsheet', role: null },
      params: z.object({ spreadsheetId: SpreadsheetId }),
      query: FeedQuery,
      responses: {
        200: { description: 'One page of the feed', schema: FeedPage },
        404: { description: 'No such deal in this spreadsheet' },
      },
      handle: async ({ params, query, caller, req, res }) => {
        const locale = requestLocale(req, res);
        const sid = params.spreadsheetId;
        if (query.deal !== undefined && query.account !== undefined) throw new ApiError(400, 'invalid_request', 'query: give deal or account, not both');
        let scope: FeedScope;
        if (query.deal !== undefined) {
          if (!(await dealKnown(db, sid, query.deal))) throw new ApiError(404, 'not_found', `no deal ${query.deal} in this spreadsheet`);
          scope = { kind: 'deal', dealId: query.deal };
        } else if (query.account !== undefined) {
          const key = accountKey(query.account);
          if (key === null) throw new ApiError(400, 'invalid_request', 'query.account: an account name must have some text');
          scope = { kind: 'account', accountKey: key };
        } else {
          scope = { kind: 'following', email: caller?.email ?? '' };
        }
        return { body: await readFeed(db, sid, scope, { before: query.before ?? null, limit: query.limit }, locale) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/follows',
      operationId: 'listFollows',
      summary: 'The deals and accounts you follow',
      tags: ['feed'],
      access: { kind: 'spreadsheet', role: null },
      params: z.object({ spreadsheetId: SpreadsheetId }),
      responses: { 200: { description: 'Your follows, most recent first', schema: z.object({ follows: z.array(Follow) }) } },
      handle: async ({ params, caller }) => {
        const rows = await followsOf(db, params.spreadsheetId, caller?.email ?? '');
        return { body: { follows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) } };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/spreadsheets/{spreadsheetId}/follows/{targetKind}/{target}',
      operationId: 'follow',
      summary: 'Follow a deal or an account (idempotent)',
      tags: ['feed'],
      access: { kind: 'spreadsheet', role: null },
      params: FollowParams,
      responses: {
        200: { description: 'You follow it', schema: FollowChange },
        404: { description: 'No such deal in this spreadsheet' },
      },
      handle: async ({ params, caller }) => {
        const { targetKind, target, label } = followTarget(params.targetKind, params.target);
        let shown = label;
        if (targetKind === 'deal') {
          const deal = await liveDeal(db, params.spreadsheetId, target);
          if (deal === null) throw new ApiError(404, 'not_found', `no deal ${target} in this spreadsheet`);
          shown = deal.title;
        }
        const changed = await addFollow(db, { spreadsheetId: params.spreadsheetId, email: caller?.email ?? '', targetKind, target, label });
        return { body: { targetKind, target, label: shown, following: true, changed } };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/spreadsheets/{spreadsheetId}/follows/{targetKind}/{target}',
      operationId: 'unfollow',
      summary: 'Stop following a deal or an account (idempotent)',
      tags: ['feed'],
      access: { kind: 'spreadsheet', role: null },
      params: FollowParams,
      responses: { 200: { description: 'You no longer follow it', schema: FollowChange } },
      handle: async ({ params, caller }) => {
        const { targetKind, target, label } = followTarget(params.targetKind, params.target);
        const changed = await removeFollow(db, { spreadsheetId: params.spreadsheetId, email: caller?.email ?? '', targetKind, target });
        return { body: { targetKind, target, label, following: false, changed } };
      },
    }),
    dailyReportRoute(deps),
    ...digestRoutes(deps, options.chatUrlPrefixes),
  ];
}
