import { isoDateInZone } from '../../shared/calendar/iso-date.ts';
import type { DigestDeal, DigestInput } from '../../shared/feed/digest-text.ts';
import { readFlagRaised, type RaisedFlag } from '../../shared/feed/feed-payloads.ts';
import type { Db } from '../db/database.ts';
import type { DigestChannel } from './digest-delivery.ts';
import { pendingFlagEntries, type DigestSpreadsheet, type PendingFlagEntry } from './digest.repository.ts';

export interface ComposedDigest {
  readonly input: DigestInput;
  /** The entries the digest stands for: claimed for the person and channel when it is sent. */
  readonly entryIds: readonly string[];
}

const DAY_MS = 86_400_000;

/** Where a Google spreadsheet opens; an uploaded workbook has no address. */
export function sheetUrlOf(spreadsheet: Pick<DigestSpreadsheet, 'id' | 'sourceKind'>): string | null {
  return spreadsheet.sourceKind === 'google' ? `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheet.id)}/edit` : null;
}

interface Group {
  readonly entries: PendingFlagEntry[];
  readonly flags: Map<string, RaisedFlag>;
}

/**
 * The deals to put in one person's digest: entries of new flags not yet sent to them on this
 * channel, one line per deal with the flags it gained and still has now. A deal whose new flags
 * were all cleared since, or that left the sheet, is left out (its entries stay unclaimed, so a
 * flag raised again is news again). Null when nothing is left.
 */
export async function composeDigest(
  db: Db,
  spreadsheet: DigestSpreadsheet,
  recipient: string,
  channel: DigestChannel,
  now: Date,
  lookbackDays: number,
): Promise<ComposedDigest | null> {
  const pending = await pendingFlagEntries(db, spreadsheet.id, recipient, channel, new Date(now.getTime() - lookbackDays * DAY_MS));
  const groups = new Map<string, Group>();
  for (const entry of pending) {
    if (entry.dealId !== null && !entry.dealLive) continue;
    const key = entry.dealId ?? `entry:${entry.id}`;
    const group = groups.get(key) ?? { entries: [], flags: new Map<string, RaisedFlag>() };
    const stillRaised = entry.dealId === null ? null : new Set((entry.dealFlagCodes ?? '').split(',').filter((c) => c !== ''));
    // Oldest first, so the newest entry's reason (its day counts) is the one kept.
    for (const flag of readFlagRaised(entry.payload).raised) if (stillRaised === null || stillRaised.has(flag.code)) group.flags.set(flag.code, flag);
    group.entries.push(entry);
    groups.set(key, group);
  }
  const deals: DigestDeal[] = [];
  const entryIds: string[] = [];
  for (const group of groups.values()) {
    if (group.flags.size === 0) continue;
    const last = group.entries.at(-1);
    if (last === undefined) continue;
    const payload = readFlagRaised(last.payload);
    deals.push({
      dealTitle: last.dealTitle ?? payload.title,
      account: last.dealAccount ?? last.account,
      owner: last.dealOwner ?? payload.owner,
      flags: [...group.flags.values()],
    });
    entryIds.push(...group.entries.map((e) => e.id));
  }
  if (deals.length === 0) return null;
  return {
    input: { spreadsheetTitle: spreadsheet.title, date: isoDateInZone(now, spreadsheet.timeZone), recipient, deals, sheetUrl: sheetUrlOf(spreadsheet) },
    entryIds,
  };
}
