// What the add-on keeps between executions. Per spreadsheet (document properties): the confirmed
// mapping, the time of the last user change. Per user and spreadsheet (user properties keyed by
// the spreadsheet id): the preferences, because the triggers they describe are the user's own.
// Per user: the sidebar view a menu item asked for, read once by the sidebar it opens.
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { TabKind } from '../../../shared/records/tab-kind.ts';
import type { StageCode } from '../../../shared/stages/stage.ts';
import { SIDEBAR_VIEWS, type SidebarView } from '../rpc/sidebar-rpc.ts';

const MAPPING_KEY = 'sheets-sfa.mapping';
/** The document-level preferences of earlier versions: read once as a user's default. */
const LEGACY_PREFS_KEY = 'sheets-sfa.prefs';
const USER_PREFS_PREFIX = 'sheets-sfa.prefs.';
const LAST_CHANGE_KEY = 'sheets-sfa.last-change';
const SIDEBAR_VIEW_KEY = 'sheets-sfa.sidebar-view';

/** One tab as the CLI's --mapping file names it: columns by header text, so they may move. */
export interface StoredTabMapping {
  readonly sheet: string;
  readonly headerRow?: number;
  /** field → header text (or column letter). */
  readonly columns?: Readonly<Record<string, string>>;
}

/** The mapping the set-up confirmed: the same MappingInput the service's sync takes. */
export interface StoredMapping {
  readonly tabs?: Readonly<Partial<Record<TabKind, StoredTabMapping>>>;
  readonly stageLabels?: Readonly<Record<string, StageCode>>;
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface AddonPrefs {
  /** null: follow the user's Google locale. */
  readonly locale: Locale | null;
  readonly hourlySync: boolean;
  readonly syncOnChange: boolean;
}

export const DEFAULT_PREFS: AddonPrefs = { locale: null, hourlySync: true, syncOnChange: true };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string | null): unknown {
  if (text === null || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const documentProperties = () => PropertiesService.getDocumentProperties();

/** The stored mapping, or null before set-up (or when what is stored is not a mapping). */
export function loadMapping(): StoredMapping | null {
  const value = parseJson(documentProperties().getProperty(MAPPING_KEY));
  if (!isRecord(value)) return null;
  if (value.tabs !== undefined && !isRecord(value.tabs)) return null;
  return value as StoredMapping;
}

/** Throws when the JSON exceeds Apps Script's 9 kB per property value. */
export function saveMapping(mapping: StoredMapping): void {
  documentProperties().setProperty(MAPPING_KEY, JSON.stringify(mapping));
}

/** Pure: what a stored prefs value means, defaults filling anything missing or malformed. */
export function prefsOf(value: unknown): AddonPrefs {
  if (!isRecord(value)) return DEFAULT_PREFS;
  const locale = value.locale === 'ja' || value.locale === 'en' ? value.locale : null;
  return {
    locale,
    hourlySync: typeof value.hourlySync === 'boolean' ? value.hourlySync : DEFAULT_PREFS.hourlySync,
    syncOnChange: typeof value.syncOnChange === 'boolean' ? value.syncOnChange : DEFAULT_PREFS.syncOnChange,
  };
}

/** The user-property key of the preferences for one spreadsheet (user properties span documents). */
const userPrefsKey = (spreadsheetId: string): string => `${USER_PREFS_PREFIX}${spreadsheetId}`;

function storedPrefs(prefs: AddonPrefs): string {
  const stored: Record<string, unknown> = { hourlySync: prefs.hourlySync, syncOnChange: prefs.syncOnChange };
  if (prefs.locale !== null) stored.locale = prefs.locale;
  return JSON.stringify(stored);
}

/**
 * The current user's preferences on the active spreadsheet. A user with none takes the
 * document-level value earlier versions stored, once: it is copied into their own properties.
 */
export function loadPrefs(): AddonPrefs {
  const users = PropertiesService.getUserProperties();
  const key = userPrefsKey(SpreadsheetApp.getActive().getId());
  const own = users.getProperty(key);
  if (own !== null) return prefsOf(parseJson(own));
  const legacy = documentProperties().getProperty(LEGACY_PREFS_KEY);
  if (legacy === null) return DEFAULT_PREFS;
  const prefs = prefsOf(parseJson(legacy));
  users.setProperty(key, storedPrefs(prefs));
  return prefs;
}

export function savePrefs(prefs: AddonPrefs): void {
  PropertiesService.getUserProperties().setProperty(userPrefsKey(SpreadsheetApp.getActive().getId()), storedPrefs(prefs));
}

/** When the user last changed the sheet (ISO instant), or null. */
export function loadLastChange(): string | null {
  return documentProperties().getProperty(LAST_CHANGE_KEY);
}

export function recordLastChange(at: Date): void {
  documentProperties().setProperty(LAST_CHANGE_KEY, at.toISOString());
}

export function requestSidebarView(view: SidebarView): void {
  PropertiesService.getUserProperties().setProperty(SIDEBAR_VIEW_KEY, view);
}

/** The view the menu asked for, once: later opens of the sidebar start on the deal card. */
export function takeSidebarView(): SidebarView {
  const properties = PropertiesService.getUserProperties();
  const value = properties.getProperty(SIDEBAR_VIEW_KEY);
  if (value !== null) properties.deleteProperty(SIDEBAR_VIEW_KEY);
  return SIDEBAR_VIEWS.find((v) => v === value) ?? 'deal';
}
