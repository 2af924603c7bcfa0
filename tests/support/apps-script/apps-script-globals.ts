// The global objects an Apps Script project sees, built over one shared state.
import type { AppsScriptState } from './apps-script-state.ts';
import { createHtmlService } from './html-service.fake.ts';
import { createLockService } from './lock-service.fake.ts';
import { createLogging } from './logger.fake.ts';
import { createPropertiesService } from './properties-service.fake.ts';
import { createScriptApp } from './script-app.fake.ts';
import { createSession } from './session.fake.ts';
import { createSpreadsheetApp } from './spreadsheet-app.fake.ts';
import { offlineTransport, type SyncTransport } from './sync-transport.ts';
import { createUrlFetchApp } from './url-fetch-app.fake.ts';
import { createUtilities } from './utilities.fake.ts';

export interface GlobalsOptions {
  /** Where createHtmlOutputFromFile finds `<name>.html`. */
  readonly bundleDir: string;
  /** UrlFetchApp's network; without one every host is unreachable. */
  readonly transport?: SyncTransport;
  /** Echo Logger/console output to stderr. */
  readonly echoLogs?: boolean;
}

export function createAppsScriptGlobals(state: AppsScriptState, options: GlobalsOptions) {
  const { Logger, console } = createLogging(state, options.echoLogs === true);
  return {
    SpreadsheetApp: createSpreadsheetApp(state),
    PropertiesService: createPropertiesService(state),
    UrlFetchApp: createUrlFetchApp(state, options.transport ?? offlineTransport),
    ScriptApp: createScriptApp(state),
    Session: createSession(state),
    LockService: createLockService(state),
    HtmlService: createHtmlService(state, options.bundleDir),
    Utilities: createUtilities(state),
    Logger,
    console,
  };
}

export type AppsScriptGlobals = ReturnType<typeof createAppsScriptGlobals>;
