import type { Locale } from '../i18n/locale.ts';
import type { FieldOf, TabKind } from '../records/tab-kind.ts';
import type { ServiceColumnKey } from '../write-plan/service-columns.ts';

/** How one tab's columns map onto fields, resolved against the sheet as it is now. */
export interface ResolvedTab<K extends TabKind = TabKind> {
  readonly kind: K;
  readonly sheet: string;
  /** 1-based. */
  readonly headerRow: number;
  /** Field → 1-based column. Unmapped fields are absent. */
  readonly fields: Readonly<Partial<Record<FieldOf<K>, number>>>;
  /** Service column → 1-based column, for the service columns already on the sheet. */
  readonly serviceColumns: Readonly<Partial<Record<ServiceColumnKey, number>>>;
  /** Header text per 1-based column, for reporting cell issues. */
  readonly headers: readonly string[];
  /** The last column holding a header, team's or service's. */
  readonly lastHeaderColumn: number;
  /**
   * The last column holding anything in any row (data beyond the headers, a merged cell's
   * span): new service columns go after it, so they never land on a team's cell.
   */
  readonly lastUsedColumn: number;
  /** The language the team's headers are written in. */
  readonly locale: Locale;
}

/**
 * A mapping as a person writes it (the `--mapping` file) and as it is stored per spreadsheet:
 * columns named by header text or column letter, so it survives columns being moved.
 */
export interface MappingSpec {
  readonly tabs?: Readonly<Partial<Record<TabKind, TabSpec>>>;
}

export interface TabSpec {
  readonly sheet: string;
  /** 1-based; detected when absent. */
  readonly headerRow?: number;
  /** Field → header text or column letter (e.g. "C"). Fields not named are detected. */
  readonly columns?: Readonly<Record<string, string>>;
}
