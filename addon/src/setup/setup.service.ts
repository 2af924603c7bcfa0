import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { HEADER_SCAN_ROWS, resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import type { TabSpec } from '../../../shared/mapping/tab-mapping.ts';
import type { TabKind } from '../../../shared/records/tab-kind.ts';
import type { StageCode } from '../../../shared/stages/stage.ts';
import { localize } from '../bootstrap/localize.ts';
import { errorMessage, fail, failWith, ok } from '../bootstrap/rpc-results.ts';
import { readGridHead, readRow, toCellValue } from '../bootstrap/sheet-cells.ts';
import { storedMappingSpec } from '../bootstrap/stored-tabs.ts';
import { addonLocale } from '../i18n/addon-locale.ts';
import { loadMapping, loadPrefs, saveMapping } from '../platform/document-store.ts';
import type { RpcResult, SetupChoice, SetupProposal, SetupSaved } from '../rpc/sidebar-rpc.ts';
import { runSync } from '../sync/run-sync.ts';
import { ensureTriggers } from '../sync/triggers.ts';
import { createNewTab, plannedNewTab, type NewTab } from './new-tabs.ts';
import { checkSetupChoice, setupMappingOf, type TabHead } from './setup-choice.ts';
import { SETUP_MESSAGES } from './setup-messages.ts';
import { effectiveSettings, stageLabelProposals, stageThresholds, tabProposals } from './setup-proposal.ts';

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
  const headRows = Math.max(HEADER_SCAN_ROWS, ...Object.values(spec?.tabs ?? {}).map((t) => t?.headerRow ?? 0));
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

  // Planned first and stored before anything is created: a mapping too large for its property
  // fails here, with nothing written.
  const planned: NewTab[] = [];
  const created: Partial<Record<TabKind, Required<TabSpec>>> = {};
  if (choice.createMissingTabs) {
    for (const kind of ['visits', 'requests'] as const) {
      if (checked.tabs[kind] !== undefined) continue;
      const tab = plannedNewTab(ss, kind);
      planned.push(tab);
      created[kind] = tab.spec;
    }
  }
  saveMapping(setupMappingOf(checked, created, storedParts().settings));
  const createdTabs: string[] = [];
  for (const tab of planned) {
    if (tab.exists) continue;
    createNewTab(ss, tab);
    createdTabs.push(tab.spec.sheet);
  }
  // Whoever sets the sheet up gets the automatic syncs at once; each user turns their own on or off.
  // A user out of triggers (20 per user) still gets the first sync, and is told.
  let triggersFailed: string | null = null;
  try {
    ensureTriggers(loadPrefs());
  } catch (e) {
    triggersFailed = errorMessage(e);
  }

  const synced = runSync('setup');
  if (triggersFailed !== null) return fail('internal', localize(SETUP_MESSAGES.keptWithoutTriggers, { message: triggersFailed }));
  if (synced.ok) return ok({ createdTabs, sync: synced.value });
  // Set-up is stored either way; an unreachable or busy service only delays the first sync.
  if (synced.error.code === 'unreachable' || synced.error.code === 'busy') return ok({ createdTabs, sync: null });
  return failWith({ ...synced.error, message: localize(SETUP_MESSAGES.keptAfterSyncError, { message: synced.error.message }) });
}
