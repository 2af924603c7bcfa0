import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import type { TabSpec } from '../../../shared/mapping/tab-mapping.ts';
import type { TabKind } from '../../../shared/records/tab-kind.ts';
import type { StageCode } from '../../../shared/stages/stage.ts';
import { localize } from '../bootstrap/localize.ts';
import { fail, failWith, ok } from '../bootstrap/rpc-results.ts';
import { readGridHead, readRow, toCellValue } from '../bootstrap/sheet-cells.ts';
import { storedMappingSpec } from '../bootstrap/stored-tabs.ts';
import { addonLocale } from '../i18n/addon-locale.ts';
import { loadMapping, loadPrefs, saveMapping } from '../platform/document-store.ts';
import type { RpcResult, SetupChoice, SetupProposal, SetupSaved } from '../rpc/sidebar-rpc.ts';
import { runSync } from '../sync/run-sync.ts';
import { ensureTriggers } from '../sync/triggers.ts';
import { ensureNewTab } from './new-tabs.ts';
import { checkSetupChoice, setupMappingOf, type TabHead } from './setup-choice.ts';
import { SETUP_MESSAGES } from './setup-messages.ts';
import { effectiveSettings, stageLabelProposals, stageThresholds, tabProposals } from './setup-proposal.ts';

// The shared detection looks for header rows among a tab's first 30 rows.
const HEAD_ROWS = 30;
// Enough rows to meet every label a team uses, few enough to read in one call.
const STAGE_SCAN_ROWS = 5000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function storedParts(): { settings: unknown; stageLabels: Readonly<Record<string, StageCode>> | null } {
  const stored: unknown = loadMapping();
  if (!isRecord(stored)) return { settings: null, stageLabels: null };
  return { settings: stored.settings ?? null, stageLabels: isRecord(stored.stageLabels) ? (stored.stageLabels as Record<string, StageCode>) : null };
}

/**
 * What set-up proposes: each kind's tab and header row (as stored, else as detected), the column
 * proposed for every field, the stage column's labels with the stage each reads as, and the
 * stages' thresholds. Reads only.
 */
export function setupProposal(): RpcResult<SetupProposal> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const locale = addonLocale();
  const spec = storedMappingSpec();
  const headRows = Math.max(HEAD_ROWS, ...Object.values(spec?.tabs ?? {}).map((t) => t?.headerRow ?? 0));
  const sheets = ss.getSheets();
  const grids = sheets.map((sheet) => readGridHead(sheet, headRows, timeZone));
  const resolved = resolveMapping(grids, spec);
  const stored = storedParts();
  const settings = effectiveSettings(stored.settings, stored.stageLabels);

  let stageCells: CellValue[] = [];
  const deals = resolved.tabs.find((t) => t.kind === 'deals');
  const stageColumn = (deals?.fields as Readonly<Record<string, number | undefined>> | undefined)?.stage;
  if (deals !== undefined && stageColumn !== undefined) {
    const sheet = ss.getSheetByName(deals.sheet);
    const rows = sheet === null ? 0 : Math.min(sheet.getLastRow() - deals.headerRow, STAGE_SCAN_ROWS);
    if (sheet !== null && rows > 0) {
      stageCells = sheet.getRange(deals.headerRow + 1, stageColumn, rows, 1).getValues().map((r) => toCellValue(r[0], timeZone));
    }
  }
  return ok({
    sheets: sheets.map((s) => s.getName()),
    tabs: tabProposals(resolved, locale),
    stageLabels: stageLabelProposals(stageCells, settings),
    stages: stageThresholds(settings, locale),
  });
}

function tabHead(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, headerRow: number): TabHead | null {
  const sheet = ss.getSheetByName(name);
  if (sheet === null) return null;
  const lastRow = sheet.getLastRow();
  const headers = headerRow <= lastRow ? readRow(sheet, headerRow, ss.getSpreadsheetTimeZone()).map((c) => cellText(c)) : [];
  return { headers, lastRow };
}

/**
 * Stores the team's confirmed set-up: validated against the sheet, columns stored by header text,
 * the visits and requests tabs created when asked and missing, then the first sync. Never
 * reorders, renames or writes into the team's own tabs.
 */
export function saveSetup(choice: SetupChoice): RpcResult<SetupSaved> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const checked = checkSetupChoice(choice, (name, row) => tabHead(ss, name, row), addonLocale());
  if (Object.keys(checked.problems).length > 0) return fail('invalid', localize(SETUP_MESSAGES.refused), checked.problems);

  const created: Partial<Record<TabKind, Required<TabSpec>>> = {};
  const createdTabs: string[] = [];
  if (choice.createMissingTabs) {
    for (const kind of ['visits', 'requests'] as const) {
      if (checked.tabs[kind] !== undefined) continue;
      const tab = ensureNewTab(ss, kind);
      created[kind] = tab.spec;
      if (tab.created) createdTabs.push(tab.spec.sheet);
    }
  }
  saveMapping(setupMappingOf(checked, created, storedParts().settings));
  // The settings view shows hourly and on-change sync as on by default: set-up is when they start.
  ensureTriggers(loadPrefs());

  const synced = runSync('setup');
  if (synced.ok) return ok({ createdTabs, sync: synced.value });
  // Set-up is stored either way; an unreachable or busy service only delays the first sync.
  if (synced.error.code === 'unreachable' || synced.error.code === 'busy') return ok({ createdTabs, sync: null });
  return failWith({ ...synced.error, message: localize(SETUP_MESSAGES.keptAfterSyncError, { message: synced.error.message }) });
}
