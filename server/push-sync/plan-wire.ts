import { z } from 'zod';
import { SERVICE_COLUMN_KEYS } from '../../shared/write-plan/service-columns.ts';

// The pure wire types live in shared/ (the add-on applies the plan); the schema documents them.
export { planWire, type TabPlanWire, type WritePlanWire } from '../../shared/write-plan/plan-wire.ts';

const PlanValue = z.union([z.string(), z.number(), z.null()]);
const ServiceKey = z.enum(SERVICE_COLUMN_KEYS);

const SetupStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hideColumn'), column: z.number() }),
  z.object({ kind: z.literal('dateFormat'), column: z.number(), pattern: z.string() }),
  z.object({
    kind: z.literal('highlight'),
    columns: z.tuple([z.number(), z.number()]),
    flagsColumn: z.number(),
    containsText: z.string(),
    tone: z.enum(['stale', 'warning']),
  }),
  z.object({ kind: z.literal('protectColumns'), columns: z.array(z.number()), description: z.string() }),
  z.object({ kind: z.literal('filterView'), title: z.string(), flagsColumn: z.number(), containsText: z.string() }),
  z.object({ kind: z.literal('dropdown'), column: z.number(), values: z.array(z.string()) }),
]);

export const WritePlanWireSchema = z
  .object({
    spreadsheetId: z.string(),
    tabs: z.array(
      z.object({
        sheet: z.string(),
        kind: z.enum(['deals', 'visits', 'requests']),
        headerRow: z.number(),
        lastRow: z.number(),
        columns: z.partialRecord(ServiceKey, z.number()).meta({ description: 'Where each service column sits after this plan, 1-based' }),
        newColumns: z.array(z.object({ key: ServiceKey, column: z.number(), header: z.string() })),
        runs: z
          .array(z.object({ column: z.number(), startRow: z.number(), values: z.array(PlanValue) }))
          .meta({ description: 'Cells to write, as consecutive rows of one column; null clears a cell. Write them as raw values, never as formulas.' }),
        setup: z.array(SetupStepSchema).meta({ description: 'One-time formatting for newly created service columns' }),
        appends: z
          .array(
            z.object({
              id: z.string().meta({ description: 'The row\'s id, also among its cells (the ID [SFA] column)' }),
              cells: z.array(
                z.object({
                  column: z.number(),
                  value: PlanValue,
                  format: z.literal('date').optional().meta({ description: 'A serial date: give the cell a date format' }),
                }),
              ),
            }),
          )
          .optional()
          .meta({
            description:
              'Rows to add below the last row holding data (appendRow), in order: records logged through the API that the sheet does not show yet. Skip a row whose id the tab\'s id column already shows. Write values raw, never as formulas.',
          }),
      }),
    ),
  })
  .meta({ id: 'WritePlan' });
