import { sql } from 'kysely';
import type { FlagRaisedPayload, StageChangedPayload } from '../../shared/feed/feed-payloads.ts';
import { stageDefinition } from '../../shared/settings/stage-definition.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { Db } from '../db/database.ts';
import type { DealStep } from '../sync/deal-statuses.ts';
import { appendFeedEntries, type FeedEntryInput } from './feed.repository.ts';

export interface SyncFeedInput {
  readonly spreadsheetId: string;
  /** Every deal row of the sync, after the status step. */
  readonly steps: readonly DealStep[];
  /** The deals stored before this sync, by id: empty on a spreadsheet's first sync. */
  readonly stored: ReadonlyMap<string, unknown>;
  readonly settings: SyncSettings;
  readonly at: Date;
}

// Beyond this share of the stored deals, one scan of the flagged ones beats a long id list.
const SCAN_SHARE = 0.3;

const codesOf = (joined: string | null): string[] => (joined === null || joined === '' ? [] : joined.split(','));

/**
 * The flag codes stored for the given deals before this sync writes its own: one query, run only
 * when some recomputed deal has flags at all.
 */
async function storedFlagCodes(db: Db, spreadsheetId: string, ids: readonly string[], total: number): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  let query = db.selectFrom('deals').select(['id', 'flag_codes']).where('spreadsheet_id', '=', spreadsheetId).where('flag_codes', 'is not', null);
  if (ids.length < total * SCAN_SHARE) query = query.where('id', '=', sql<string>`any(${ids}::text[])`);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, codesOf(r.flag_codes)]));
}

/**
 * What a sync makes news of, appended in its transaction before its deals are written (so the
 * flags stored before it can still be read): each observed stage change, and each deal that gained
 * a flag code it did not have. A spreadsheet's first sync is its baseline, not news: its seeded
 * history and its flags make no entries. A deal added to the sheet later, already flagged, does.
 */
export async function appendSyncFeed(db: Db, input: SyncFeedInput): Promise<void> {
  const entries: FeedEntryInput[] = [];
  const flagged: DealStep[] = [];
  for (const step of input.steps) {
    const change = step.memory?.change;
    if (change?.source === 'observed') {
      // Only here: reading a row's record parses its cells, which an unchanged row never needs.
      const deal = step.diffed.row.record;
      const payload: StageChangedPayload = {
        title: deal.title,
        fromStage: change.fromStage,
        fromLabel: stageDefinition(input.settings, change.fromStage)?.label ?? null,
        toStage: change.toStage,
        toLabel: change.toLabel,
        enteredOn: change.enteredOn,
      };
      entries.push({ spreadsheetId: input.spreadsheetId, dealId: step.diffed.id, account: deal.account, kind: 'stage_changed', at: input.at, actor: null, payload: { ...payload } });
    }
    if (input.stored.size > 0 && (step.status?.flagCodes ?? null) !== null) flagged.push(step);
  }

  const known = flagged.filter((s) => s.diffed.change !== 'inserted').map((s) => s.diffed.id);
  const before = await storedFlagCodes(db, input.spreadsheetId, known, input.stored.size);
  for (const step of flagged) {
    const now = codesOf(step.status?.flagCodes ?? null);
    const had = new Set(before.get(step.diffed.id) ?? []);
    const gained = new Set(now.filter((code) => !had.has(code)));
    if (gained.size === 0) continue;
    const deal = step.diffed.row.record;
    const payload: FlagRaisedPayload = {
      title: deal.title,
      owner: deal.owner,
      raised: (step.outcome?.status.flags ?? []).filter((f) => gained.has(f.code)).map((f) => ({ code: f.code, params: f.params })),
      current: now,
      requestId: null,
    };
    entries.push({ spreadsheetId: input.spreadsheetId, dealId: step.diffed.id, account: deal.account, kind: 'flag_raised', at: input.at, actor: null, payload: { ...payload } });
  }
  await appendFeedEntries(db, entries);
}
