// The built Sidebar.html in a Chromium page shaped like an Apps Script sidebar (300 px wide,
// Japanese), whose google.script.run reaches the add-on's top-level functions running on the
// Apps Script fakes. The page may load nothing but itself: every other request is blocked and
// recorded, so a sidebar that needs a CDN or a web font fails visibly.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { topLevelFunctionNames } from './top-level-functions.ts';

/** Where Apps Script serves a sidebar's HTML from (an iframe on googleusercontent.com). */
export const SIDEBAR_URL = 'https://n-sheetssfa-0lu-script.googleusercontent.com/userCodeAppPanel';

/** The add-on side google.script.run talks to: AddonRuntime (tests/support/apps-script) fits. */
export interface ScriptBackend {
  call<T = unknown>(fn: string, ...args: unknown[]): Promise<T>;
}

export interface ScriptCall {
  readonly fn: string;
  readonly args: readonly unknown[];
  readonly outcome: 'returned' | 'threw';
  /** The JSON-cloned return value, or the exception's message. */
  readonly result: unknown;
  readonly ms: number;
}

export type HostAction = 'close' | 'setHeight' | 'setWidth' | 'editor.focus';

export interface HostCall {
  readonly action: HostAction;
  readonly arg: unknown;
}

export interface SidebarPageOptions {
  /** The built add-on: Code.js (its top-level functions) and Sidebar.html. */
  readonly bundleDir: string;
  readonly backend: ScriptBackend;
  /** The HTML the add-on showed (e.g. from the fake Ui's sidebar record); default Sidebar.html. */
  readonly html?: string;
  readonly width?: number;
  readonly height?: number;
  readonly deviceScaleFactor?: number;
  readonly locale?: string;
  readonly timezoneId?: string;
  /** Fixes the page's Date to the scenario's instant (timers still run). */
  readonly now?: Date;
}

export interface SidebarPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Every google.script.run call that reached the add-on, in the order they finished. */
  calls(): readonly ScriptCall[];
  hostCalls(): readonly HostCall[];
  /** URLs the page tried to load besides itself (all blocked). */
  blockedRequests(): readonly string[];
  /** Uncaught exceptions and console errors of the page. */
  pageErrors(): readonly string[];
  /** Resolves once no google.script.run call is in flight. */
  idle(): Promise<void>;
  /** Opens the sidebar afresh, as closing and reopening it from the menu does. */
  reopen(html?: string): Promise<void>;
  close(): Promise<void>;
}

const PAGE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'google-script-run.page.js');

type RunAnswer = { ok: true; json: string | undefined } | { ok: false; message: string };

export async function openSidebarPage(browser: Browser, options: SidebarPageOptions): Promise<SidebarPage> {
  const code = await readFile(join(options.bundleDir, 'Code.js'), 'utf8');
  const functions = topLevelFunctionNames(code);
  let html = options.html ?? (await readFile(join(options.bundleDir, 'Sidebar.html'), 'utf8'));

  const context = await browser.newContext({
    viewport: { width: options.width ?? 300, height: options.height ?? 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: options.locale ?? 'ja-JP',
    timezoneId: options.timezoneId ?? 'Asia/Tokyo',
    serviceWorkers: 'block',
  });
  const calls: ScriptCall[] = [];
  const hostCalls: HostCall[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];

  await context.route('**', async (route) => {
    const url = route.request().url();
    if (url === SIDEBAR_URL) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return;
    }
    blocked.push(url);
    await route.abort('blockedbyclient');
  });

  await context.exposeFunction('__sheetsSfaRun', async (fn: string, argsJson: string): Promise<RunAnswer> => {
    const args = JSON.parse(argsJson) as unknown[];
    const started = performance.now();
    inFlight++;
    try {
      const value = await options.backend.call(fn, ...args);
      calls.push({ fn, args, outcome: 'returned', result: value, ms: performance.now() - started });
      return { ok: true, json: value === undefined ? undefined : JSON.stringify(value) };
    } catch (error) {
      const message = messageOf(error);
      calls.push({ fn, args, outcome: 'threw', result: message, ms: performance.now() - started });
      return { ok: false, message };
    } finally {
      inFlight--;
      if (inFlight === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  });
  await context.exposeFunction('__sheetsSfaHost', (action: HostAction, argJson: string) => {
    hostCalls.push({ action, arg: JSON.parse(argJson) as unknown });
  });
  const pageScript = await readFile(PAGE_SCRIPT, 'utf8');
  await context.addInitScript({ content: pageScript.replaceAll('__SHEETS_SFA_CONFIG__', JSON.stringify({ functions })) });

  if (options.now !== undefined) await context.clock.setFixedTime(options.now);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(SIDEBAR_URL);

  return {
    page,
    context,
    calls: () => calls,
    hostCalls: () => hostCalls,
    blockedRequests: () => blocked,
    pageErrors: () => errors,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    async reopen(next) {
      if (next !== undefined) html = next;
      await page.goto(SIDEBAR_URL);
    },
    close: () => context.close(),
  };
}

// The add-on's errors may come from another realm (its vm context), where instanceof Error fails.
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
