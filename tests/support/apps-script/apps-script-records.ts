// What tests read back from the fakes: JSON-safe records of everything the add-on did.

/** A cell value as records carry it: dates as { date: ISO instant }. */
export type WireCellValue = string | number | boolean | null | { readonly date: string };

export interface CellWriteRecord {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** The value the script passed (null: cleared). */
  readonly value: WireCellValue;
  /** Whether the cell now holds a formula (a string beginning with '=' was written). */
  readonly formula: boolean;
}

export type MenuEntryRecord =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly caption: string; readonly items: readonly MenuEntryRecord[] };

export interface MenuRecord {
  /** The add-on menu's caption is the add-on's name, recorded as null. */
  readonly caption: string | null;
  readonly addon: boolean;
  readonly items: readonly MenuEntryRecord[];
}

export interface SidebarRecord {
  readonly title: string;
  readonly html: string;
  readonly width: number | null;
}

export interface AlertRecord {
  readonly title: string | null;
  readonly prompt: string;
  readonly buttons: string;
}

export interface ToastRecord {
  readonly message: string;
  readonly title: string | null;
  readonly seconds: number | null;
}

export interface DialogRecord {
  readonly title: string;
  readonly html: string;
  readonly modal: boolean;
}

export interface UiRecord {
  readonly menus: readonly MenuRecord[];
  readonly sidebars: readonly SidebarRecord[];
  readonly dialogs: readonly DialogRecord[];
  readonly alerts: readonly AlertRecord[];
  readonly toasts: readonly ToastRecord[];
}

export type TriggerEventType = 'CLOCK' | 'ON_CHANGE' | 'ON_EDIT' | 'ON_OPEN' | 'ON_FORM_SUBMIT';

export interface TriggerRecord {
  readonly uid: string;
  readonly handlerFunction: string;
  readonly eventType: TriggerEventType;
  readonly source: 'CLOCK' | 'SPREADSHEETS';
  readonly documentId: string;
  readonly owner: string;
  readonly everyHours: number | null;
  /** How often the trigger fired, and the message of each run that threw. */
  readonly runs: number;
  readonly failures: readonly string[];
}

export interface FetchRecord {
  readonly url: string;
  readonly method: string;
  /** The headers the add-on set (names as given), plus Content-Type when a payload was sent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly payloadBytes: number;
  /** The HTTP status, or null when no response came (unreachable, refused by the fake before sending). */
  readonly status: number | null;
  /** The exception UrlFetchApp threw, if any. */
  readonly error: string | null;
}

export interface LogRecord {
  readonly level: 'log' | 'info' | 'warn' | 'error' | 'Logger';
  readonly message: string;
}

export interface MetadataSnapshot {
  readonly id: number;
  readonly key: string;
  readonly value: string | null;
  readonly visibility: 'DOCUMENT' | 'PROJECT';
  readonly location: 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';
  /** The row or column (1-based) for ROW/COLUMN metadata, else null. */
  readonly index: number | null;
}

export interface FilterSnapshot {
  readonly range: string;
  readonly criteria: readonly { readonly column: number; readonly type: string | null; readonly values: readonly string[]; readonly hiddenValues: readonly string[] }[];
  /** Rows the filter hides (1-based). */
  readonly hiddenRows: readonly number[];
}

export interface ValidationSnapshot {
  readonly criteria: string;
  readonly values: readonly string[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export interface ConditionalRuleSnapshot {
  readonly ranges: readonly string[];
  readonly condition: string;
  readonly values: readonly string[];
  readonly background: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean | null;
}

export interface ProtectionSnapshot {
  readonly type: 'SHEET' | 'RANGE';
  readonly range: string;
  readonly description: string;
  readonly warningOnly: boolean;
  /** null while the protection still mirrors the file's sharing (no editor list set). */
  readonly editors: readonly string[] | null;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly sheetId: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** getValues of the data range (A1 to the last row and column with content); empty cells ''. */
  readonly values: readonly (readonly WireCellValue[])[];
  /** A1 → formula, for cells holding one. */
  readonly formulas: Readonly<Record<string, string>>;
  /** A1 → number format, for cells with an explicit one. */
  readonly numberFormats: Readonly<Record<string, string>>;
  /** A1 → font weight / background, for cells with one set. */
  readonly fontWeights: Readonly<Record<string, string>>;
  readonly backgrounds: Readonly<Record<string, string>>;
  readonly validations: Readonly<Record<string, ValidationSnapshot>>;
  readonly hiddenColumns: readonly number[];
  readonly metadata: readonly MetadataSnapshot[];
  readonly filter: FilterSnapshot | null;
  readonly conditionalRules: readonly ConditionalRuleSnapshot[];
  readonly protections: readonly ProtectionSnapshot[];
}

export interface SpreadsheetSnapshot {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly activeSheet: string;
  readonly activeRange: string;
  readonly sheets: readonly SheetSnapshot[];
  /** Metadata on the spreadsheet itself. */
  readonly metadata: readonly MetadataSnapshot[];
}
