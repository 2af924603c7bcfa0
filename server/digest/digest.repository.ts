import { sql } from 'kysely';
import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { SourceKind } from '../spreadsheets/spreadsheet.table.ts';
import type { Db } from '../db/database.ts';
import type { DigestChannel } from './digest-delivery.ts';
import type { DigestDeliveryStatus } from './digest.table.ts';
import { spreadsheetTimeZone } from '../sync/spreadsheet-settings.ts';

export interface DigestSubscription {
  readonly emailEnabled: boolean;
  readonly chatWebhookUrl: string | null;
  readonly locale: Locale;
}

/** What a manager gets when they never said otherwise: mail, in Japanese, no Chat. */
export const DEFAULT_SUBSCRIPTION: DigestSubscription = Object.freeze({ emailEnabled: true, chatWebhookUrl: null, locale: 'ja' });

export async function subscriptionOf(db: Db, spreadsheetId: string, email: string): Promise<DigestSubscription | null> {
  const row = await db
    .selectFrom('digest_subscriptions')
    .select(['email_enabled', 'chat_webhook_url', 'locale'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('email', '=', email)
    .executeTakeFirst();
  return row === undefined ? null : { emailEnabled: row.email_enabled, chatWebhookUrl: row.chat_webhook_url, locale: row.locale };
}

export async function saveSubscription(db: Db, spreadsheetId: string, email: string, subscription: DigestSubscription, at: Date): Promise<void> {
  const values = { email_enabled: subscription.emailEnabled, chat_webhook_url: subscription.chatWebhookUrl, locale: subscription.locale, updated_at: at };
  await db
    .insertInto('digest_subscriptions')
    .values({ spreadsheet_id: spreadsheetId, email, ...values })
    .onConflict((oc) => oc.columns(['spreadsheet_id', 'email']).doUpdateSet(values))
    .execute();
}

export interface DigestRecipient extends DigestSubscription {
  readonly email: string;
}

/**
 * Who gets a spreadsheet's digest: every holder of the manager role, as they subscribed (mail by
 * default), and admins who subscribed themselves. Admin alone is a role for running the
 * spreadsheet (its first syncer holds it), not a request for mail.
 */
export async function digestRecipients(db: Db, spreadsheetId: string): Promise<DigestRecipient[]> {
  const members = await db
    .selectFrom('spreadsheet_members')
    .select(['email', 'role'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('role', 'in', ['manager', 'admin'])
    .execute();
  const subscriptions = await db
    .selectFrom('digest_subscriptions')
    .select(['email', 'email_enabled', 'chat_webhook_url', 'locale'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  const saved = new Map(subscriptions.map((s) => [s.email, { emailEnabled: s.email_enabled, chatWebhookUrl: s.chat_webhook_url, locale: s.locale }]));
  const managers = new Set(members.filter((m) => m.role === 'manager').map((m) => m.email));
  const admins = new Set(members.filter((m) => m.role === 'admin').map((m) => m.email));
  const emails = [...new Set([...managers, ...[...admins].filter((a) => saved.has(a))])].sort();
  return emails.map((email) => ({ email, ...(saved.get(email) ?? DEFAULT_SUBSCRIPTION) }));
}

/** A flag_raised entry not yet sent to this person on this channel, with its deal as stored now. */
export interface PendingFlagEntry {
  readonly id: string;
  readonly dealId: string | null;
  readonly account: string | null;
  readonly payload: unknown;
  readonly dealTitle: string | null;
  readonly dealOwner: string | null;
  readonly dealAccount: string | null;
  /** The deal's flag codes now; null when it has none. */
  readonly dealFlagCodes: string | null;
  /** False when the deal was removed from the sheet (or the entry has none). */
  readonly dealLive: boolean;
}

/** New-flag entries since `since` that no delivery to this person and channel claimed, oldest first. */
export async function pendingFlagEntries(db: Db, spreadsheetId: string, recipient: string, channel: DigestChannel, since: Date): Promise<PendingFlagEntry[]> {
  const rows = await db
    .selectFrom('feed_entries as f')
    .leftJoin('deals as d', (j) => j.onRef('d.spreadsheet_id', '=', 'f.spreadsheet_id').onRef('d.id', '=', 'f.deal_id'))
    .select(['f.id', 'f.deal_id', 'f.account', 'f.payload', 'd.title', 'd.owner', 'd.account as deal_account', 'd.flag_codes', sql<boolean>`d.id is not null and d.removed_at is null`.as('live')])
    .where('f.spreadsheet_id', '=', spreadsheetId)
    .where('f.kind', '=', 'flag_raised')
    .where('f.at', '>=', since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('digest_delivery_entries as x')
            .select(sql<number>`1`.as('one'))
            .whereRef('x.entry_id', '=', 'f.id')
            .where('x.recipient', '=', recipient)
            .where('x.channel', '=', channel),
        ),
      ),
    )
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    dealId: r.deal_id,
    account: r.account,
    payload: r.payload,
    dealTitle: r.title,
    dealOwner: r.owner,
    dealAccount: r.deal_account,
    dealFlagCodes: r.flag_codes,
    dealLive: r.live,
  }));
}

export interface DeliveryClaim {
  readonly spreadsheetId: string;
  readonly recipient: string;
  readonly channel: DigestChannel;
  readonly digestDate: IsoDate;
  readonly subject: string | null;
  readonly entryIds: readonly string[];
  readonly at: Date;
}

class ClaimLost extends Error {}

/**
 * Records a delivery about to be sent and claims its entries for the person and channel, in one
 * transaction. Null when another run claimed any of them first: that run sends them, this one not.
 */
export async function claimDelivery(db: Db, claim: DeliveryClaim): Promise<string | null> {
  try {
    return await db
      .transaction()
      .execute(async (trx) => {
        const delivery = await trx
          .insertInto('digest_deliveries')
          .values({
            spreadsheet_id: claim.spreadsheetId,
            recipient: claim.recipient,
            channel: claim.channel,
            digest_date: claim.digestDate,
            entry_count: claim.entryIds.length,
            subject: claim.subject,
            status: 'sending',
            attempted_at: claim.at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const inserted = await trx
          .insertInto('digest_delivery_entries')
          .values(claim.entryIds.map((entryId) => ({ delivery_id: delivery.id, entry_id: entryId, recipient: claim.recipient, channel: claim.channel })))
          .onConflict((oc) => oc.columns(['recipient', 'channel', 'entry_id']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== claim.entryIds.length) throw new ClaimLost();
        return delivery.id;
      });
  } catch (error) {
    if (error instanceof ClaimLost) return null;
    throw error;
  }
}

export async function markDeliverySent(db: Db, deliveryId: string, at: Date): Promise<void> {
  await db.updateTable('digest_deliveries').set({ status: 'sent', sent_at: at, error: null }).where('id', '=', deliveryId).execute();
}

/** A failed delivery lets go of its entries, so the next digest carries them again. */
export async function markDeliveryFailed(db: Db, deliveryId: string, error: string): Promise<void> {
  await db
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom('digest_delivery_entries').where('delivery_id', '=', deliveryId).execute();
      await trx.updateTable('digest_deliveries').set({ status: 'failed', error: error.slice(0, 1000) }).where('id', '=', deliveryId).execute();
    });
}

/**
 * Deliveries still 'sending' long after they started were cut off (the process stopped mid-send):
 * they are marked failed and their entries released. Whether the far end got the message is
 * unknown; sending again risks a duplicate, never a loss.
 */
export async function releaseInterruptedDeliveries(db: Db, spreadsheetId: string, startedBefore: Date): Promise<number> {
  const stale = await db
    .selectFrom('digest_deliveries')
    .select('id')
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('status', '=', 'sending')
    .where('attempted_at', '<', startedBefore)
    .execute();
  for (const { id } of stale) await markDeliveryFailed(db, id, 'interrupted before the send finished');
  return stale.length;
}

/** Claims the spreadsheet's digest run of a day; false when it was claimed already. */
export async function claimDigestRun(db: Db, spreadsheetId: string, digestDate: IsoDate, at: Date): Promise<boolean> {
  const result = await db
    .insertInto('digest_runs')
    .values({ spreadsheet_id: spreadsheetId, digest_date: digestDate, started_at: at })
    .onConflict((oc) => oc.columns(['spreadsheet_id', 'digest_date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function finishDigestRun(db: Db, spreadsheetId: string, digestDate: IsoDate, at: Date): Promise<void> {
  await db.updateTable('digest_runs').set({ finished_at: at }).where('spreadsheet_id', '=', spreadsheetId).where('digest_date', '=', digestDate).execute();
}

export interface DigestSpreadsheet {
  readonly id: string;
  readonly title: string;
  readonly timeZone: string;
  readonly sourceKind: SourceKind;
}

/** Spreadsheets with someone who may get a digest (a manager, or an admin who subscribed). */
export async function digestSpreadsheets(db: Db): Promise<DigestSpreadsheet[]> {
  const rows = await db
    .selectFrom('spreadsheets as s')
    .select(['s.id', 's.title', 's.time_zone', 's.source_kind', 's.settings'])
    .where(({ or, exists, selectFrom }) =>
      or([
        exists(selectFrom('spreadsheet_members as m').select(sql<number>`1`.as('one')).whereRef('m.spreadsheet_id', '=', 's.id').where('m.role', '=', 'manager')),
        exists(selectFrom('digest_subscriptions as u').select(sql<number>`1`.as('one')).whereRef('u.spreadsheet_id', '=', 's.id')),
      ]),
    )
    .orderBy('s.id')
    .execute();
  // "Today" by the one rule the sync uses: a Google sheet's own zone, else an override.
  return rows.map((r) => ({ id: r.id, title: r.title, timeZone: spreadsheetTimeZone({ kind: r.source_kind, timeZone: r.time_zone }, r.settings), sourceKind: r.source_kind }));
}

export interface DeliveryRecord {
  readonly id: string;
  readonly channel: DigestChannel;
  readonly digestDate: IsoDate;
  readonly entryCount: number;
  readonly subject: string | null;
  readonly status: DigestDeliveryStatus;
  readonly attemptedAt: Date;
  readonly sentAt: Date | null;
  readonly error: string | null;
}

/** One person's latest deliveries on a spreadsheet, newest first. */
export async function deliveriesTo(db: Db, spreadsheetId: string, recipient: string, limit: number): Promise<DeliveryRecord[]> {
  const rows = await db
    .selectFrom('digest_deliveries')
    .select(['id', 'channel', 'digest_date', 'entry_count', 'subject', 'status', 'attempted_at', 'sent_at', 'error'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('recipient', '=', recipient)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    digestDate: r.digest_date,
    entryCount: r.entry_count,
    subject: r.subject,
    status: r.status,
    attemptedAt: r.attempted_at,
    sentAt: r.sent_at,
    error: r.error,
  }));
}
