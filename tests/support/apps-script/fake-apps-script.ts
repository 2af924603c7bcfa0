// For tests of the fakes themselves: the globals over a fresh state, in this realm, no vm.
import { createAppsScriptGlobals, type AppsScriptGlobals } from './apps-script-globals.ts';
import { createAppsScriptState, type AppsScriptState, type FakeSheetInit, type FakeUser, type StateOptions } from './apps-script-state.ts';
import type { SyncTransport } from './sync-transport.ts';

export const REP: FakeUser = { email: 'rep@example.co.jp', idToken: 'id-token-rep', oauthToken: 'oauth-token-rep', locale: 'ja' };
export const MANAGER: FakeUser = { email: 'manager@example.co.jp', idToken: 'id-token-manager', oauthToken: 'oauth-token-manager', locale: 'en' };

export interface FakeAppsScript {
  readonly state: AppsScriptState;
  readonly g: AppsScriptGlobals;
}

export function fakeAppsScript(
  options: {
    sheets?: FakeSheetInit[];
    timeZone?: string;
    locale?: string;
    user?: FakeUser;
    transport?: SyncTransport;
    bundleDir?: string;
  } & Pick<StateOptions, 'now' | 'scopes' | 'scriptProperties' | 'urlFetchWhitelist'> = {},
): FakeAppsScript {
  const state = createAppsScriptState({
    spreadsheet: {
      id: 'sheet-0001',
      name: '営業管理',
      timeZone: options.timeZone ?? 'Asia/Tokyo',
      ...(options.locale === undefined ? {} : { locale: options.locale }),
      sheets: options.sheets ?? [{ name: '案件', rows: [] }],
    },
    user: options.user ?? REP,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
    ...(options.urlFetchWhitelist === undefined ? {} : { urlFetchWhitelist: options.urlFetchWhitelist }),
    ...(options.scriptProperties === undefined ? {} : { scriptProperties: options.scriptProperties }),
  });
  const g = createAppsScriptGlobals(state, {
    bundleDir: options.bundleDir ?? '/nonexistent',
    ...(options.transport === undefined ? {} : { transport: options.transport }),
  });
  return { state, g };
}
