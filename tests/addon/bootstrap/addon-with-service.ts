// The built add-on on the Apps Script fakes (a worker-backed runtime) talking to the real service
// on a real Postgres over 127.0.0.1. The Sheets API stand-in plays Google for the first sync's
// access proof: every person of the test may open the spreadsheet.
import type { AddonRuntime } from '../../support/apps-script/addon-runtime.ts';
import { startAddonRuntime } from '../../support/apps-script/addon-runtime.ts';
import type { FakeSpreadsheetInit, FakeUser } from '../../support/apps-script/addon-sandbox.ts';
import type { SpreadsheetSnapshot, WireCellValue } from '../../support/apps-script/apps-script-records.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { bundleForService } from '../../support/apps-script/bundle-for-service.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';

export interface AddonWithService {
  readonly service: ServiceHarness;
  readonly runtime: AddonRuntime;
  /** The person as the fakes know them: a Google ID token and a Sheets access token of their own. */
  person(email: string, locale?: string): Promise<FakeUser>;
  /** Acts as `email` from now on (tokens included). */
  actAs(email: string, locale?: string): Promise<void>;
  /** Grants a role through the service's API, as the spreadsheet's admin. */
  grant(admin: string, email: string, role: string): Promise<void>;
  close(): Promise<void>;
}

export async function startAddonWithService(options: {
  readonly label: string;
  readonly spreadsheet: FakeSpreadsheetInit;
  readonly people: readonly string[];
  /** Who is at the keyboard first. */
  readonly user: string;
  readonly userLocale?: string;
  readonly now: Date;
}): Promise<AddonWithService> {
  const { spreadsheet, now } = options;
  const service = await startServiceHarness({ label: options.label, clock: () => now, google: true });
  const standIn = service.standIn as SheetsStandIn;
  standIn.createSpreadsheet({
    spreadsheetId: spreadsheet.id,
    title: spreadsheet.name,
    timeZone: spreadsheet.timeZone,
    sheets: [{ title: spreadsheet.sheets[0]?.name ?? 'Sheet1' }],
    sharedWith: [...options.people],
  });
  const person = async (email: string, locale = 'ja'): Promise<FakeUser> => ({ email, idToken: await service.identity.token(email), oauthToken: standIn.userToken(email), locale });
  let runtime: AddonRuntime;
  try {
    runtime = await startAddonRuntime({
      bundleDir: bundleForService(addonBundleDir(), service.url),
      spreadsheet,
      user: await person(options.user, options.userLocale),
      scriptProperties: { SERVICE_URL: service.url },
      now,
    });
  } catch (error) {
    await service.close();
    throw error;
  }
  return {
    service,
    runtime,
    person,
    async actAs(email, locale) {
      await runtime.setUser(await person(email, locale));
    },
    async grant(admin, email, role) {
      const res = await service.call('PUT', `/v1/spreadsheets/${encodeURIComponent(spreadsheet.id)}/members/${encodeURIComponent(email)}/roles/${role}`, { as: admin });
      if (res.status !== 200) throw new Error(`granting ${role} to ${email}: ${res.status} ${await res.text()}`);
    },
    async close() {
      await runtime.close();
      await service.close();
    },
  };
}

/** A sheet of a snapshot by name; throws when it is missing. */
export function sheetOf(snapshot: SpreadsheetSnapshot, name: string) {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name} in the snapshot (${snapshot.sheets.map((s) => s.name).join(', ')})`);
  return sheet;
}

/** The values of a snapshot's sheet restricted to its first `columns` columns (the team's own). */
export function teamCells(snapshot: SpreadsheetSnapshot, name: string, columns: number): WireCellValue[][] {
  return sheetOf(snapshot, name).values.map((row) => Array.from({ length: columns }, (_, i) => row[i] ?? ''));
}

/** The column of a header in a snapshot's header row (1-based); throws when absent. */
export function columnOfHeader(snapshot: SpreadsheetSnapshot, name: string, headerRow: number, header: string): number {
  const index = (sheetOf(snapshot, name).values[headerRow - 1] ?? []).findIndex((cell) => cell === header);
  if (index < 0) throw new Error(`no header ${header} in row ${headerRow} of ${name}`);
  return index + 1;
}

/** The cell at (row, column) of a snapshot's sheet, '' when outside its values. */
export function cellAt(snapshot: SpreadsheetSnapshot, name: string, row: number, column: number): WireCellValue {
  return sheetOf(snapshot, name).values[row - 1]?.[column - 1] ?? '';
}

/** Tokyo's local midnight of a calendar date: the Date a Sheets date cell holds there. */
export function tokyoDay(iso: string): Date {
  return new Date(`${iso}T00:00:00+09:00`);
}
