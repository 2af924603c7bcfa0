import type { Logger } from 'pino';
import { isoDateInZone } from '../../shared/calendar/iso-date.ts';
import { renderDigestChat, renderDigestEmail } from '../../shared/feed/digest-text.ts';
import type { FlagCatalogue } from '../../shared/feed/render-feed-entry.ts';
import { FLAG_MESSAGES } from '../../shared/flags/flag-messages.ts';
import type { Db } from '../db/database.ts';
import { composeDigest } from './compose-digest.ts';
import type { DigestChannel, DigestDeliveries, DigestMessage } from './digest-delivery.ts';
import {
  claimDelivery,
  claimDigestRun,
  digestRecipients,
  digestSpreadsheets,
  finishDigestRun,
  markDeliveryFailed,
  markDeliverySent,
  releaseInterruptedDeliveries,
  type DigestRecipient,
  type DigestSpreadsheet,
} from './digest.repository.ts';

export interface DigestContext {
  readonly deliveries: DigestDeliveries;
  readonly clock: () => Date;
  readonly lookbackDays: number;
  readonly logger?: Logger;
  /** Flag messages beyond the deal flags (request cost flags), to render their reasons. */
  readonly flagCatalogue?: FlagCatalogue;
}

export interface DigestOutcome {
  readonly spreadsheetId: string;
  readonly recipient: string;
  readonly channel: DigestChannel;
  /** claimed_elsewhere: another run took these entries first and sends them. */
  readonly status: 'sent' | 'failed' | 'claimed_elsewhere';
  readonly deals: number;
  readonly entries: number;
  readonly error: string | null;
}

// A delivery still 'sending' after this long was cut off with its process.
const INTERRUPTED_AFTER_MS = 60 * 60 * 1000;
const CHANNELS: readonly DigestChannel[] = ['email', 'chat'];

async function deliver(deliveries: DigestDeliveries, message: DigestMessage): Promise<void> {
  if (message.channel === 'email') await deliveries.email?.send(message);
  else await deliveries.chat?.send(message);
}

function wants(recipient: DigestRecipient, channel: DigestChannel): boolean {
  return channel === 'email' ? recipient.emailEnabled : recipient.chatWebhookUrl !== null;
}

/**
 * Sends one spreadsheet's digest to each recipient on each channel they chose and the deployment
 * has, each carrying the new flags not yet sent to them there. Every delivery is recorded with
 * the entries it carried before it is sent, so no entry goes to a person twice on one channel; a
 * failed send gives its entries back for the next digest.
 */
export async function sendSpreadsheetDigest(db: Db, spreadsheet: DigestSpreadsheet, ctx: DigestContext): Promise<DigestOutcome[]> {
  const outcomes: DigestOutcome[] = [];
  const catalogue = { ...FLAG_MESSAGES, ...ctx.flagCatalogue };
  for (const recipient of await digestRecipients(db, spreadsheet.id)) {
    for (const channel of CHANNELS) {
      const delivery = ctx.deliveries[channel];
      if (delivery === null || !wants(recipient, channel)) continue;
      const now = ctx.clock();
      const composed = await composeDigest(db, spreadsheet, recipient.email, channel, now, ctx.lookbackDays);
      if (composed === null) continue;
      const email = renderDigestEmail(composed.input, recipient.locale, catalogue);
      const message: DigestMessage =
        channel === 'email'
          ? { channel, to: recipient.email, subject: email.subject, text: email.text }
          : { channel, webhookUrl: recipient.chatWebhookUrl ?? '', text: renderDigestChat(composed.input, recipient.locale, catalogue).text };
      const base = { spreadsheetId: spreadsheet.id, recipient: recipient.email, channel, deals: composed.input.deals.length, entries: composed.entryIds.length };
      const id = await claimDelivery(db, {
        spreadsheetId: spreadsheet.id,
        recipient: recipient.email,
        channel,
        digestDate: composed.input.date,
        subject: email.subject,
        entryIds: composed.entryIds,
        at: now,
      });
      if (id === null) {
        outcomes.push({ ...base, status: 'claimed_elsewhere', error: null });
        continue;
      }
      try {
        await deliver(ctx.deliveries, message);
        await markDeliverySent(db, id, ctx.clock());
        outcomes.push({ ...base, status: 'sent', error: null });
        ctx.logger?.info({ spreadsheetId: spreadsheet.id, recipient: recipient.email, channel, deals: base.deals }, 'digest sent');
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        await markDeliveryFailed(db, id, text);
        outcomes.push({ ...base, status: 'failed', error: text });
        ctx.logger?.warn({ spreadsheetId: spreadsheet.id, recipient: recipient.email, channel, err: error }, 'digest not sent; its entries go with the next one');
      }
    }
  }
  return outcomes;
}

/** The hour (0–23) of an instant in a time zone. */
export function hourInZone(instant: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).formatToParts(instant).find((p) => p.type === 'hour')?.value;
  return Number(hour ?? 0);
}

/**
 * One pass of the daily digest: each spreadsheet whose local time has reached `hour` and whose
 * digest of today has not run yet gets it now. The day's run is claimed in the database first, so
 * two instances (or a restart) never send a spreadsheet's digest twice in a day.
 */
export async function sendDueDigests(db: Db, ctx: DigestContext & { readonly hour: number }): Promise<DigestOutcome[]> {
  if (ctx.deliveries.email === null && ctx.deliveries.chat === null) return [];
  const outcomes: DigestOutcome[] = [];
  for (const spreadsheet of await digestSpreadsheets(db)) {
    try {
      const now = ctx.clock();
      if (hourInZone(now, spreadsheet.timeZone) < ctx.hour) continue;
      const date = isoDateInZone(now, spreadsheet.timeZone);
      if (!(await claimDigestRun(db, spreadsheet.id, date, now))) continue;
      await releaseInterruptedDeliveries(db, spreadsheet.id, new Date(now.getTime() - INTERRUPTED_AFTER_MS));
      outcomes.push(...(await sendSpreadsheetDigest(db, spreadsheet, ctx)));
      await finishDigestRun(db, spreadsheet.id, date, ctx.clock());
    } catch (error) {
      // One spreadsheet's trouble (a time zone typed by hand) must not stop the others.
      ctx.logger?.error({ err: error, spreadsheetId: spreadsheet.id }, 'digest run failed');
    }
  }
  return outcomes;
}
