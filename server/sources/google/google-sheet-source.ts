import type { sheets_v4 } from 'googleapis';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { withServiceColumnTags } from '../../../shared/write-plan/service-column-tags.ts';
import type { WritePlan } from '../../../shared/write-plan/write-plan.ts';
import type { SheetSource, SourceIdentity } from '../../sync/sheet-source.ts';
import { quotedTitle } from './a1-range.ts';
import { toSourceError } from './google-error.ts';
import { RequestPacer, type RequestKind } from './request-pacer.ts';
import { serviceAccountOf } from './sheets-client.ts';
import { serviceColumnTagsOf, SPREADSHEET_FIELDS, spreadsheetMetaOf, type SpreadsheetMeta, type TabMeta } from './spreadsheet-meta.ts';
import { isCheckable, planStructureRequests, structureLanded } from './structure-requests.ts';
import { dropdownScanRanges, VALIDATION_FIELDS, validatedColumns, withoutDropdownsOn } from './team-validations.ts';
import { placeAppendedRows, valueWriteBatches, type AppendedDateCell } from './value-writes.ts';
import { withRetry, type RetryOptions } from './with-retry.ts';

type Request = sheets_v4.Schema$Request;

export interface GoogleSheetSourceOptions {
  /** Only these tabs' values are fetched (the stored mapping's); null or absent: every tab. */
  readonly tabs?: readonly string[] | null;
  /** The JSON size each values.batchUpdate stays under: Google advises 2 MB. */
  readonly maxRequestBytes?: number;
  readonly retry?: RetryOptions;
  /** Shared by every source of the process; null sends unpaced (tests). */
  readonly pacer?: RequestPacer | null;
  /** Whose quota the requests count against: the service account's email by default. */
  readonly caller?: string;
}

const DEFAULT_MAX_REQUEST_BYTES = 2_000_000;
// googleapis retries by itself unless told not to; withRetry does it once, with jitter and pacing.
const REQUEST_OPTIONS = { retry: false, timeout: 180_000 } as const;
const processPacer = new RequestPacer();

/**
 * A Google spreadsheet through the Sheets API v4, as a service account the team shared the sheet
 * with. A sync costs two read requests (spreadsheets.get, then one values.batchGet of every tab),
 * at most one setup batchUpdate (each retry of it preceded by one more spreadsheets.get), and one
 * values.batchUpdate per 2 MB of changed cells. A setup that would put a dropdown on the stage
 * column (first contact) costs one read more: a look at that column's own validation.
 */
export class GoogleSheetSource implements SheetSource {
  readonly spreadsheetId: string;
  /** Requests sent, retries included. */
  readonly requestCount = { reads: 0, writes: 0 };
  readonly #sheets: sheets_v4.Sheets;
  readonly #options: GoogleSheetSourceOptions;
  readonly #serviceAccount: string | null;
  readonly #caller: string;
  readonly #pacer: RequestPacer | null;
  /** Fetched for identify(), awaiting the read() that will use it. */
  #pending: Promise<SpreadsheetMeta> | null = null;
  /** The spreadsheet as the last read() saw it: apply() sizes and tags the grid from it. */
  #current: SpreadsheetMeta | null = null;
  /** Rows each tab's values held at the last read(): appended rows go below them. */
  readonly #rowsRead = new Map<string, number>();

  constructor(sheets: sheets_v4.Sheets, spreadsheetId: string, options: GoogleSheetSourceOptions = {}) {
    this.#sheets = sheets;
    this.spreadsheetId = spreadsheetId;
    this.#options = options;
    const account = serviceAccountOf(sheets);
    this.#caller = options.caller ?? account ?? 'default';
    this.#serviceAccount = account ?? (this.#caller.includes('@') ? this.#caller : null);
    this.#pacer = options.pacer === undefined ? processPacer : options.pacer;
  }

  async identify(): Promise<SourceIdentity> {
    // After a read, what it fetched answers; otherwise the fetch is kept for the read to come.
    if (this.#pending === null && this.#current !== null) return this.#identityOf(this.#current);
    if (this.#pending === null) {
      const pending = this.#fetchMeta();
      this.#pending = pending;
      // A failed fetch is not kept: the next call tries again.
      pending.catch(() => {
        if (this.#pending === pending) this.#pending = null;
      });
    }
    return this.#identityOf(await this.#pending);
  }

  #identityOf(meta: SpreadsheetMeta): SourceIdentity {
    return { spreadsheetId: this.spreadsheetId, kind: 'google', title: meta.title, timeZone: meta.timeZone };
  }

  async read(): Promise<readonly SheetGrid[]> {
    const meta = await (this.#pending ?? this.#fetchMeta());
    this.#pending = null;
    this.#current = meta;
    const tabs = this.#tabsToRead(meta);
    if (tabs.length === 0) return [];
    const response = await this.#call('read', () =>
      this.#sheets.spreadsheets.values.batchGet(
        {
          spreadsheetId: this.spreadsheetId,
          ranges: tabs.map((t) => quotedTitle(t.title)),
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
          majorDimension: 'ROWS',
          fields: 'valueRanges(values)',
        },
        REQUEST_OPTIONS,
      ),
    );
    const ranges = response.data.valueRanges ?? [];
    this.#rowsRead.clear();
    return tabs.map((tab, i): SheetGrid => {
      const rows: CellValue[][] = ranges[i]?.values ?? [];
      this.#rowsRead.set(tab.title, rows.length);
      const grid: SheetGrid = { name: tab.title, rows };
      const tags = serviceColumnTagsOf(tab);
      return tags === null ? grid : withServiceColumnTags(grid, tags);
    });
  }

  async apply(given: WritePlan): Promise<void> {
    // Appended rows become writes to the rows below the data the read saw.
    const { plan, dates } = placeAppendedRows(given, (sheet) => this.#rowsRead.get(sheet));
    // Encoded before anything is sent: a plan that cannot be written leaves the sheet untouched.
    const bodies = valueWriteBatches(plan.tabs, this.#options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
    const meta = this.#current ?? (await this.#fetchMeta());
    const structured = await this.#keepingTeamValidations(plan, meta);
    const requests = planStructureRequests(structured, (sheet) => tabOf(meta, sheet), dates);
    // One atomic batch: headers land with their metadata, so a failure of the value writes
    // below leaves columns the next sync finds rather than creates again.
    if (requests.length > 0) this.#current = await this.#applyStructure(structured, requests, dates);
    // RAW values to fixed ranges: writing one twice changes nothing, so these retry freely.
    for (const requestBody of bodies) {
      await this.#call('write', () =>
        this.#sheets.spreadsheets.values.batchUpdate({ spreadsheetId: this.spreadsheetId, fields: 'totalUpdatedCells', requestBody }, REQUEST_OPTIONS),
      );
    }
  }

  /**
   * The setup batchUpdate. It is not idempotent (each run adds filter views, formats, protected
   * ranges, tags and grid), and a 5xx or a dropped connection may come after Google applied it, so
   * a retry first fetches the spreadsheet again and sends nothing when the batch is found landed.
   * Returns the spreadsheet as that fetch saw it, or null when it is unknown after the batch.
   */
  async #applyStructure(plan: WritePlan, requests: readonly Request[], dates: readonly AppendedDateCell[]): Promise<SpreadsheetMeta | null> {
    const send = (batch: readonly Request[]) =>
      this.#send('write', () =>
        this.#sheets.spreadsheets.batchUpdate(
          { spreadsheetId: this.spreadsheetId, fields: 'spreadsheetId', requestBody: { requests: [...batch] } },
          REQUEST_OPTIONS,
        ),
      );
    // A batch a fetch cannot find traces of is sent once: resending it blind could duplicate it.
    const retry = isCheckable(requests) ? this.#options.retry : { ...this.#options.retry, maxAttempts: 1 };
    let attempts = 0;
    return this.#retrying(
      'write',
      async () => {
        attempts++;
        if (attempts === 1) {
          await send(requests);
          return null;
        }
        const fresh = spreadsheetMetaOf((await this.#send('read', () => this.#getSpreadsheet())).data);
        const metaOf = (sheet: string) => tabOf(fresh, sheet);
        if (structureLanded(plan, metaOf, dates)) return fresh;
        // Planned again from the fresh fetch: the grid may have changed since the first plan.
        await send(planStructureRequests(plan, metaOf, dates));
        return null;
      },
      retry,
    );
  }

  /** The plan without a dropdown where the column holds a validation of the team's own. */
  async #keepingTeamValidations(plan: WritePlan, meta: SpreadsheetMeta): Promise<WritePlan> {
    const metaOf = (sheet: string) => tabOf(meta, sheet);
    const ranges = dropdownScanRanges(plan, metaOf);
    if (ranges.length === 0) return plan;
    const response = await this.#call('read', () =>
      this.#sheets.spreadsheets.get({ spreadsheetId: this.spreadsheetId, ranges, fields: VALIDATION_FIELDS }, REQUEST_OPTIONS),
    );
    return withoutDropdownsOn(plan, validatedColumns(response.data), metaOf);
  }

  /** The mapped tabs, or every tab when one of them is gone (renamed: detection must see all). */
  #tabsToRead(meta: SpreadsheetMeta): readonly TabMeta[] {
    const wanted = this.#options.tabs;
    if (wanted === null || wanted === undefined) return meta.tabs;
    const chosen = meta.tabs.filter((t) => wanted.includes(t.title));
    return chosen.length === new Set(wanted).size ? chosen : meta.tabs;
  }

  #getSpreadsheet() {
    return this.#sheets.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: SPREADSHEET_FIELDS }, REQUEST_OPTIONS);
  }

  async #fetchMeta(): Promise<SpreadsheetMeta> {
    const response = await this.#call('read', () => this.#getSpreadsheet());
    return spreadsheetMetaOf(response.data);
  }

  /** One attempt of one request: paced and counted. */
  async #send<T>(kind: RequestKind, send: () => Promise<T>): Promise<T> {
    await this.#pacer?.acquire(this.#caller, kind);
    if (kind === 'read') this.requestCount.reads++;
    else this.requestCount.writes++;
    return await send();
  }

  /** One idempotent request: paced, counted per attempt, retried when Google says so, errors made actionable. */
  #call<T>(kind: RequestKind, send: () => Promise<T>): Promise<T> {
    return this.#retrying(kind, () => this.#send(kind, send), this.#options.retry);
  }

  async #retrying<T>(kind: RequestKind, attempt: () => Promise<T>, retry: RetryOptions | undefined): Promise<T> {
    try {
      return await withRetry(attempt, retry);
    } catch (error) {
      throw toSourceError(error, { spreadsheetId: this.spreadsheetId, doing: kind === 'read' ? 'read' : 'write to', serviceAccount: this.#serviceAccount });
    }
  }
}

function tabOf(meta: SpreadsheetMeta, sheet: string): TabMeta {
  const tab = meta.tabs.find((t) => t.title === sheet);
  if (tab === undefined) throw new Error(`write plan names a missing tab: ${sheet}`);
  return tab;
}
