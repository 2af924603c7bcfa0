// Table rows and targets for the service's two Google paths: the add-on's push sync over HTTP and
// the Google source against the Sheets API stand-in.
import type { CaseRow, TargetCheck } from './bench-results.ts';
import type { GoogleCasesResult, GoogleSyncRun } from './google-source-cases.ts';
import type { PushCasesResult, PushRun } from './push-sync-cases.ts';
import { VALUE_WRITE_CHUNK_BYTES } from './stand-in-requests.ts';
import { best, rowsPerSecond } from './timing.ts';

export type WithRss<T> = T & { readonly workerMaxRssMb: number };

/** Apps Script's UrlFetchApp request limit, read as decimal megabytes (the stricter reading). */
const APPS_SCRIPT_LIMIT_BYTES = 50_000_000;

const mb = (bytes: number): string => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const bytes = (n: number): string => `${n.toLocaleString('en-US')} B`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const ms = (n: number): string => `${Math.round(n)} ms`;

function row(id: string, label: string, rows: number, runsMs: readonly number[], note: string): CaseRow {
  const bestMs = best(runsMs);
  return { id, label, rows, bestMs, runsMs, rowsPerSecond: rowsPerSecond(rows, bestMs), note };
}

/** The run whose time is the one reported (the fastest), for its notes. */
function fastest<T extends { readonly ms: number }>(runs: readonly T[]): T | undefined {
  return runs.reduce<T | undefined>((a, r) => (a === undefined || r.ms < a.ms ? r : a), undefined);
}

function pushNote(r: PushRun | undefined, extra: string): string {
  if (r === undefined) return '';
  const body = `body ${mb(r.requestBytes)} (${mb(r.requestBytes + r.isoDatesExtraBytes)} with dates as ISO instants)`;
  const service = `service ${ms(r.headersMs)}, of which engine ${ms(r.engineMs)}`;
  return `${body}, answer ${mb(r.responseBytes)}; ${service}; ${extra}`;
}

function pushRows(size: number, p: WithRss<PushCasesResult>): CaseRow[] {
  const a = fastest(p.full);
  const b = fastest(p.edit);
  const c = fastest(p.noop);
  return [
    row('push-a', `push (a) first sync, ${p.columns} columns`, size, p.full.map((r) => r.ms), pushNote(a, `plan applied in ${ms(a?.applyMs ?? Number.NaN)} (${a?.cellsWritten ?? 0} cells); worker maxRSS ${Math.round(p.workerMaxRssMb)} MB`)),
    row('push-b', 'push (b) re-sync, 1% edited', size, p.edit.map((r) => r.ms), pushNote(b, `${b?.updated ?? 0} upd/${b?.cellsWritten ?? 0} cells`)),
    row('push-c', 'push (c) re-sync, unchanged', size, p.noop.map((r) => r.ms), pushNote(c, `answer: ${Math.max(...p.noop.map((r) => r.planRuns))} runs, ${Math.max(...p.noop.map((r) => r.newColumns))} new columns`)),
    row('push-json', '    JSON.stringify of the body (add-on)', size, p.noop.map((r) => r.serializeMs), `the re-sync body; first sync's ${ms(best(p.full.map((r) => r.serializeMs)))}; runs in Apps Script, not in the service`),
  ];
}

function googleNote(r: GoogleSyncRun | undefined, extra: string): string {
  if (r === undefined) return '';
  const requests = `${r.reads} read + ${r.writes} write requests (${r.allowedWrites} writes allowed)`;
  const writes = r.valueWriteRequests === 0 ? 'no value writes' : `value writes ${mb(r.valueWriteBytes)} in ${plural(r.valueWriteRequests, 'request')}, largest body ${bytes(r.largestRequestBytes)}`;
  return `${requests}; ${writes}; read ${ms(r.readMs)}, engine ${ms(r.ms - r.readMs - r.applyMs)}, write ${ms(r.applyMs)}${extra}`;
}

function googleRows(size: number, g: WithRss<GoogleCasesResult>): CaseRow[] {
  const a = fastest(g.full);
  const b = fastest(g.edit);
  return [
    row('google-a', `Google (a) first sync, ${g.columns} columns`, size, g.full.map((r) => r.ms), googleNote(a, `; worker maxRSS ${Math.round(g.workerMaxRssMb)} MB`)),
    row('google-b', 'Google (b) re-sync, 1% edited', size, g.edit.map((r) => r.ms), googleNote(b, `; ${b?.updated ?? 0} upd/${b?.cellsWritten ?? 0} cells`)),
    row('google-c', 'Google (c) re-sync, unchanged', size, g.noop.map((r) => r.ms), googleNote(fastest(g.noop), '')),
  ];
}

export function googlePathRows(push: ReadonlyMap<number, WithRss<PushCasesResult>>, google: ReadonlyMap<number, WithRss<GoogleCasesResult>>): CaseRow[] {
  return [...[...push].flatMap(([size, p]) => pushRows(size, p)), ...[...google].flatMap(([size, g]) => googleRows(size, g))];
}

function requestTarget(size: number, scenario: string, runs: readonly GoogleSyncRun[]): TargetCheck | null {
  // A first sync also looks at the stage column's own validation before setting up its dropdown.
  const reads = scenario === '(a)' ? 3 : 2;
  // The run furthest over (or least under) its budget is the one shown.
  const over = (r: GoogleSyncRun): number => Math.max(r.writes - r.allowedWrites, r.reads - reads);
  const worst = runs.reduce<GoogleSyncRun | undefined>((w, r) => (w === undefined || over(r) > over(w) ? r : w), undefined);
  if (worst === undefined) return null;
  return {
    name: `Google ${scenario} requests at ${size} rows`,
    value: worst.writes,
    shown: `${worst.reads} r + ${worst.writes} w`,
    target: `<= ${reads} r + ${worst.allowedWrites} w`,
    met: runs.every((r) => r.reads <= reads && r.writes <= r.allowedWrites),
    detail: `writes allowed: 2 + ceil(${bytes(worst.valueWriteBytes)} of value writes / ${bytes(VALUE_WRITE_CHUNK_BYTES)}); largest request body ${bytes(worst.largestRequestBytes)}`,
  };
}

export function googlePathTargets(push: ReadonlyMap<number, WithRss<PushCasesResult>>, google: ReadonlyMap<number, WithRss<GoogleCasesResult>>, largest: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const big = push.get(largest);
  if (big !== undefined) {
    const pushes = [...big.full, ...big.edit, ...big.noop];
    const biggest = pushes.reduce((m, r) => (r.requestBytes > m.requestBytes ? r : m));
    const withDates = Math.max(...pushes.map((r) => r.requestBytes + r.isoDatesExtraBytes));
    checks.push({
      name: `push body at ${largest} rows x ${big.columns} columns`,
      value: biggest.requestBytes / 1e6,
      shown: mb(biggest.requestBytes),
      target: '< 50 MB',
      met: biggest.requestBytes < APPS_SCRIPT_LIMIT_BYTES,
      detail: `largest push (re-syncs carry the service's columns too; first push ${mb(best(big.full.map((r) => r.requestBytes)))}); ${mb(withDates)} if date cells go as Dates (ISO instants)${withDates >= APPS_SCRIPT_LIMIT_BYTES ? ': OVER' : ''}; Apps Script's UrlFetchApp limit`,
    });
  }
  for (const [size, g] of google) {
    for (const [scenario, runs] of [['(a)', g.full], ['(b)', g.edit], ['(c)', g.noop]] as const) {
      const check = requestTarget(size, scenario, runs);
      if (check !== null) checks.push(check);
    }
  }
  return checks;
}

/** What the two paths' figures include and leave out. */
export function googlePathNotes(push: ReadonlyMap<number, unknown>, google: ReadonlyMap<number, unknown>): string[] {
  const notes: string[] = [];
  if (push.size > 0) {
    notes.push(
      'push: POST /v1/spreadsheets/{id}/sync on the real service (startService, own database, dev sign-in, silent logs) over loopback; the fetch client runs in the same worker, so time = send to parsed answer, client parse included; "service" = until the response headers (upload, JSON parse, validation, engine, serialising); dates are sent as serial numbers (Apps Script sends Dates as 24-character ISO instants: see the size in brackets)',
    );
  }
  if (google.size > 0) {
    notes.push(
      'Google: syncSpreadsheet with GoogleSheetSource through googleapis against the local Sheets API stand-in in the same worker (its work is inside the times); no stand-in quota and the source\'s 60-requests-a-minute pacer OFF (pacer: null), so nothing waits as it would on Google; requests counted from the stand-in\'s log (service account only)',
    );
  }
  return notes;
}
