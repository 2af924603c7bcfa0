import { z } from 'zod';
import type { CellValue } from '../../shared/cells/cell-value.ts';
import { TAB_KINDS } from '../../shared/records/tab-kind.ts';
import { SERVICE_COLUMN_KEYS, type ServiceColumnKey } from '../../shared/write-plan/service-columns.ts';
import type { MappingInput } from '../sync/sync-engine.ts';

/** Where the add-on found the service's columns by their developer metadata (it may have been moved). */
export interface PushServiceColumns {
  readonly headerRow: number;
  readonly columns: readonly { readonly key: ServiceColumnKey; readonly column: number }[];
}

export interface PushTab {
  readonly name: string;
  /** Rows of cells as getValues() returns them; the engine's apply writes into these arrays. */
  readonly values: CellValue[][];
  readonly serviceColumns: PushServiceColumns | null;
}

export interface PushPayload {
  readonly title: string;
  readonly timeZone: string;
  readonly tabs: readonly PushTab[];
  readonly dryRun: boolean;
  /** The set-up the team confirmed (the add-on's stored mapping); null: the stored or detected one. */
  readonly mapping: MappingInput | null;
}

// The documented shape. Validation itself is hand-written (parse-push-payload.ts): a 100k × 20
// sheet is two million cells, and the error must name the sheet, row and column.
const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const TabMapping = z
  .object({
    sheet: z.string().min(1).meta({ description: 'The tab\'s title' }),
    headerRow: z.number().int().min(1).optional().meta({ description: '1-based; detected when absent' }),
    columns: z
      .record(z.string(), z.string().min(1))
      .optional()
      .meta({ description: 'Field → header text or column letter (e.g. "C"); fields not named are detected', example: { account: '会社', title: 'B', stage: '段階' } }),
  })
  .meta({ id: 'TabMapping' });

const MappingSchema = z
  .object({
    tabs: z.partialRecord(z.enum(TAB_KINDS), TabMapping).optional().meta({ description: 'Which tab holds deals, visits and requests; kinds not named are detected' }),
    stageLabels: z.record(z.string(), z.string()).optional().meta({ description: 'The team\'s stage label → canonical stage code', example: { 保留: 'nurturing', 内示: 'closing' } }),
    settings: z.record(z.string(), z.unknown()).optional().meta({ description: 'Settings overrides (thresholds, day counting, closures, locale…); a bad value is a warning in summary.settingsProblems' }),
  })
  .meta({
    id: 'SheetMapping',
    description:
      'The same document as the CLI\'s --mapping file. It is stored for the spreadsheet, so later pushes without it read the sheet the same way. A mapping naming a tab, header row or column the sheet lacks is refused with 400, saying which.',
  });

export const PushPayloadSchema = z
  .object({
    title: z.string().min(1).max(1000).meta({ description: 'SpreadsheetApp.getActive().getName()' }),
    timeZone: z.string().meta({ description: 'The spreadsheet\'s IANA time zone (getSpreadsheetTimeZone())', example: 'Asia/Tokyo' }),
    dryRun: z.boolean().optional().meta({ description: 'Compute and return the plan, store nothing' }),
    mapping: MappingSchema.nullable().optional(),
    tabs: z
      .array(
        z.object({
          name: z.string().min(1).max(100),
          values: z.array(z.array(Cell)).meta({
            description: 'getDataRange().getValues(): rows of cells; dates as spreadsheet serial numbers or ISO strings (a Date serialised by JSON is read in the spreadsheet\'s time zone)',
          }),
          serviceColumns: z
            .object({
              headerRow: z.number().int().min(1),
              columns: z.array(z.object({ key: z.enum(SERVICE_COLUMN_KEYS), column: z.number().int().min(1) })),
            })
            .optional()
            .meta({ description: 'Columns tagged with the service\'s developer metadata, 1-based' }),
        }),
      )
      .min(1)
      .max(100),
  })
  .meta({ id: 'PushSyncRequest' });
