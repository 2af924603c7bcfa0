import { requestPolicyOf, type RequestPolicy } from '../../shared/cost/request-policy.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { loadRequestSettings, saveRequestSettings } from './request-settings.repository.ts';

export interface RequestSettingsView {
  /** What applies: the defaults with the spreadsheet's overrides. */
  readonly policy: RequestPolicy;
  /** What an admin saved; {} when nothing was. */
  readonly overrides: unknown;
  readonly updatedAt: Date | null;
  readonly updatedBy: string | null;
}

/** The spreadsheet's request policy. Stored overrides were validated on save; a bad field would fall back to its default. */
export async function policyFor(db: Db, spreadsheetId: string): Promise<RequestPolicy> {
  const stored = await loadRequestSettings(db, spreadsheetId);
  return requestPolicyOf(stored?.overrides ?? null).policy;
}

export async function requestSettingsOf(db: Db, spreadsheetId: string): Promise<RequestSettingsView> {
  const stored = await loadRequestSettings(db, spreadsheetId);
  return {
    policy: requestPolicyOf(stored?.overrides ?? null).policy,
    overrides: stored?.overrides ?? {},
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

/** Replaces the overrides; any bad field refuses the whole change with every problem listed. */
export async function replaceRequestSettings(db: Db, spreadsheetId: string, overrides: unknown, by: string, at: Date): Promise<RequestSettingsView> {
  const { problems } = requestPolicyOf(overrides);
  if (problems.length > 0) throw new ApiError(400, 'invalid_request', problems.join('; '));
  await saveRequestSettings(db, spreadsheetId, overrides, by, at);
  return requestSettingsOf(db, spreadsheetId);
}
