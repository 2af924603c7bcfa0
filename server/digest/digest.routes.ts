import { z } from 'zod';
import type { Role } from '../../shared/access/role.ts';
import { renderDigestChat, renderDigestEmail } from '../../shared/feed/digest-text.ts';
import { LOCALES } from '../../shared/i18n/locale.ts';
import { isLoopbackHost } from '../config/loopback.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { SpreadsheetId } from '../http/common-schemas.ts';
import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { findSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { isAllowedWebhookUrl, redactWebhookUrl } from './chat-webhook-delivery.ts';
import { DEFAULT_CHAT_WEBHOOK_PREFIXES } from './digest-config.ts';
import { composeDigest } from './compose-digest.ts';
import { DEFAULT_SUBSCRIPTION, deliveriesTo, saveSubscription, subscriptionOf, type DigestSubscription } from './digest.repository.ts';

// What the preview looks back over; the deployment's DIGEST_LOOKBACK_DAYS defaults to the same.
const PREVIEW_LOOKBACK_DAYS = 7;

const Params = z.object({ spreadsheetId: SpreadsheetId });

const WebhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((u) => new URL(u).protocol === 'https:' || isLoopbackHost(new URL(u).hostname), 'must be an https URL')
  .meta({ description: 'Your Google Chat space\'s incoming webhook (https://chat.googleapis.com/v1/spaces/…)' });

const SubscriptionBody = z
  .object({
    email: z.boolean().optional().meta({ description: 'Mail the digest to your sign-in address' }),
    chatWebhookUrl: WebhookUrl.nullable().optional().meta({ description: 'Post it to this Chat space as well; null stops' }),
    locale: z.enum(LOCALES).optional().meta({ description: 'The digest\'s language' }),
  })
  .strict();

const Subscription = z
  .object({
    receives: z.boolean().meta({ description: 'Whether a digest is made for you: managers by default, admins once they subscribe' }),
    email: z.boolean(),
    chatWebhook: z.string().nullable().meta({ description: 'The webhook, without its key and token' }),
    locale: z.enum(LOCALES),
  })
  .meta({ id: 'DigestSubscription' });

const Preview = z.object({
  date: z.string().nullable(),
  deals: z.number().int().meta({ description: 'Deals the next digest would list' }),
  email: z.object({ subject: z.string(), text: z.string() }).nullable().meta({ description: 'Null when there is nothing new' }),
  chat: z.object({ text: z.string() }).nullable(),
});

const Delivery = z
  .object({
    id: z.string(),
    channel: z.enum(['email', 'chat']),
    digestDate: z.string(),
    entryCount: z.number().int(),
    subject: z.string().nullable(),
    status: z.enum(['sending', 'sent', 'failed']),
    attemptedAt: z.string(),
    sentAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'DigestDelivery' });

async function subscriptionAnswer(db: Db, spreadsheetId: string, email: string, roles: readonly Role[]) {
  const saved = await subscriptionOf(db, spreadsheetId, email);
  const sub = saved ?? DEFAULT_SUBSCRIPTION;
  return {
    receives: roles.includes('manager') || saved !== null,
    email: sub.emailEnabled,
    chatWebhook: sub.chatWebhookUrl === null ? null : redactWebhookUrl(sub.chatWebhookUrl),
    locale: sub.locale,
  };
}

/**
 * A manager's digest: their choices, a preview of the next one, and what was sent to them. A Chat
 * webhook is checked against `chatUrlPrefixes` when saved, so a refused one is a 400 now rather
 * than a failed delivery every morning.
 */
export function digestRoutes({ db, clock }: FeatureRouteDeps, chatUrlPrefixes: readonly string[] = DEFAULT_CHAT_WEBHOOK_PREFIXES): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/digest/subscription',
      operationId: 'getDigestSubscription',
      summary: 'How your daily digest of newly flagged deals reaches you',
      tags: ['digest'],
      access: { kind: 'spreadsheet', role: 'manager' },
      params: Params,
      responses: { 200: { description: 'Your digest settings', schema: Subscription } },
      handle: async ({ params, caller, roles }) => ({ body: await subscriptionAnswer(db, params.spreadsheetId, caller?.email ?? '', roles) }),
    }),
    defineRoute<z.infer<typeof Params>, Record<string, never>, z.infer<typeof SubscriptionBody>>({
      method: 'put',
      path: '/v1/spreadsheets/{spreadsheetId}/digest/subscription',
      operationId: 'saveDigestSubscription',
      summary: 'Choose how your daily digest reaches you (mail, a Chat space, its language)',
      tags: ['digest'],
      access: { kind: 'spreadsheet', role: 'manager' },
      params: Params,
      body: { schema: SubscriptionBody },
      responses: { 200: { description: 'Your digest settings', schema: Subscription } },
      handle: async ({ params, body, caller, roles }) => {
        const email = caller?.email ?? '';
        if (typeof body.chatWebhookUrl === 'string' && !isAllowedWebhookUrl(body.chatWebhookUrl, chatUrlPrefixes)) {
          throw new ApiError(400, 'invalid_request', `body.chatWebhookUrl: not an allowed webhook address (allowed: ${chatUrlPrefixes.join(', ')})`);
        }
        const current = (await subscriptionOf(db, params.spreadsheetId, email)) ?? DEFAULT_SUBSCRIPTION;
        const next: DigestSubscription = {
          emailEnabled: body.email ?? current.emailEnabled,
          chatWebhookUrl: body.chatWebhookUrl === undefined ? current.chatWebhookUrl : body.chatWebhookUrl,
          locale: body.locale ?? current.locale,
        };
        await saveSubscription(db, params.spreadsheetId, email, next, clock());
        return { body: await subscriptionAnswer(db, params.spreadsheetId, email, roles) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/digest/preview',
      operationId: 'previewDigest',
      summary: 'Your next digest as it would be mailed now (nothing is sent)',
      tags: ['digest'],
      access: { kind: 'spreadsheet', role: 'manager' },
      params: Params,
      responses: { 200: { description: 'The next digest, or nulls when nothing is new', schema: Preview } },
      handle: async ({ params, caller }) => {
        const email = caller?.email ?? '';
        const spreadsheet = await findSpreadsheet(db, params.spreadsheetId);
        if (spreadsheet === null) throw new ApiError(404, 'not_found', 'the spreadsheet has not been synced yet');
        const sub = (await subscriptionOf(db, params.spreadsheetId, email)) ?? DEFAULT_SUBSCRIPTION;
        const composed = await composeDigest(db, spreadsheet, email, 'email', clock(), PREVIEW_LOOKBACK_DAYS);
        if (composed === null) return { body: { date: null, deals: 0, email: null, chat: null } };
        return {
          body: {
            date: composed.input.date,
            deals: composed.input.deals.length,
            email: renderDigestEmail(composed.input, sub.locale),
            chat: renderDigestChat(composed.input, sub.locale),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/digest/deliveries',
      operationId: 'listDigestDeliveries',
      summary: 'Your latest digests: what went out, on which channel, and what failed',
      tags: ['digest'],
      access: { kind: 'spreadsheet', role: 'manager' },
      params: Params,
      responses: { 200: { description: 'Newest first, at most 50', schema: z.object({ deliveries: z.array(Delivery) }) } },
      handle: async ({ params, caller }) => {
        const rows = await deliveriesTo(db, params.spreadsheetId, caller?.email ?? '', 50);
        return {
          body: {
            deliveries: rows.map((r) => ({ ...r, attemptedAt: r.attemptedAt.toISOString(), sentAt: r.sentAt === null ? null : r.sentAt.toISOString() })),
          },
        };
      },
    }),
  ];
}
