import { z } from 'zod';
import { VisitSchema } from '../visits/visit.schemas.ts';
import { isIsoDate, isoDateInZone } from '../../shared/calendar/iso-date.ts';
import { matchKey } from '../../shared/feed/account-key.ts';
import { renderDailyReport } from '../../shared/feed/daily-report.ts';
import { ApiError } from '../http/api-error.ts';
import { SpreadsheetId } from '../http/common-schemas.ts';
import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { findSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { spreadsheetTimeZone } from '../sync/spreadsheet-settings.ts';
import { visitsOn } from './daily-report.repository.ts';
import { requestLocale } from './request-locale.ts';

const ReportQuery = z.object({
  date: z
    .string()
    .refine(isIsoDate, 'must be a date as YYYY-MM-DD')
    .optional()
    .meta({ description: 'The day (YYYY-MM-DD); today in the spreadsheet\'s time zone by default' }),
  owner: z.string().trim().min(1).max(200).optional().meta({ description: 'The rep as the sheet names them (spacing, width and case do not matter); you by default' }),
});

// A visit as the visits API shows it, minus how it reached the service; a report's visits have a date.
const ReportVisit = VisitSchema.pick({
  id: true,
  dealId: true,
  account: true,
  dealTitle: true,
  owner: true,
  met: true,
  attendees: true,
  discussed: true,
  customerAsked: true,
  nextAction: true,
  nextActionOn: true,
  ballAfter: true,
})
  .extend({ visitedOn: z.string() })
  .meta({ id: 'ReportVisit' });

const DailyReport = z.object({
  date: z.string(),
  owner: z.string(),
  text: z.string().meta({ description: 'The report, ready to paste (Accept-Language: ja or en; ja by default)' }),
  visits: z.array(ReportVisit),
});

/** GET …/daily-report: one rep's visits of one day as a 日報 ready to paste. */
export function dailyReportRoute({ db, clock }: FeatureRouteDeps): RouteDef {
  return defineRoute({
    method: 'get',
    path: '/v1/spreadsheets/{spreadsheetId}/daily-report',
    operationId: 'dailyReport',
    summary: 'A rep\'s daily report (日報) from the day\'s visits',
    tags: ['feed'],
    access: { kind: 'spreadsheet', role: null },
    params: z.object({ spreadsheetId: SpreadsheetId }),
    query: ReportQuery,
    responses: { 200: { description: 'The report and the visits it was made from', schema: DailyReport } },
    handle: async ({ params, query, caller, req, res }) => {
      const locale = requestLocale(req, res);
      const spreadsheet = await findSpreadsheet(db, params.spreadsheetId);
      if (spreadsheet === null) throw new ApiError(404, 'not_found', 'the spreadsheet has not been synced yet');
      const zone = spreadsheetTimeZone({ kind: spreadsheet.sourceKind, timeZone: spreadsheet.timeZone }, spreadsheet.settings);
      const date = query.date ?? isoDateInZone(clock(), zone);
      // Without an owner the caller's own visits: those logged under their sign-in email.
      const owner = query.owner ?? caller?.email ?? '';
      const key = matchKey(owner);
      const visits = (await visitsOn(db, params.spreadsheetId, date)).filter((v) => key !== null && matchKey(v.owner) === key);
      const text = renderDailyReport({ date, owner: visits[0]?.owner ?? owner, visits }, locale);
      return { body: { date, owner: visits[0]?.owner ?? owner, text, visits } };
    },
  });
}
