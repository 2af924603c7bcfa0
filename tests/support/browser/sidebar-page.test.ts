// The google.script.run bridge itself, on a tiny hand-written bundle run in node:vm: what a
// sidebar page sees must be what Apps Script's client gives it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { openSidebarPage, type ScriptBackend, type SidebarPage } from './sidebar-page.ts';
import { topLevelFunctionNames } from './top-level-functions.ts';

const CODE = `
function echo(value) {
  return { got: value, type: Object.prototype.toString.call(value) };
}
function mutate(object) {
  object.changed = true;
  return 'done';
}
function fail(message) {
  throw new Error(message);
}
function slow(ms) {
  return ms;
}
function secret_() {
  return 'private';
}
var notDeclared = function () {
  return 'expression';
};
`;

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head>
<body><p id="out">ready</p><img id="remote" src="https://fonts.example.com/x.png" alt=""></body></html>`;

/** Runs the bundle in a vm context, as the add-on runtime does, with an optional delay per call. */
function vmBackend(code: string, delays: { ms: number; running: number; peak: number }): ScriptBackend {
  const context = vm.createContext({});
  new vm.Script(code).runInContext(context);
  return {
    async call<T>(fn: string, ...args: unknown[]): Promise<T> {
      delays.running++;
      delays.peak = Math.max(delays.peak, delays.running);
      try {
        if (fn === 'slow') await new Promise((resolve) => setTimeout(resolve, Number(args[0])));
        const target = (context as Record<string, unknown>)[fn];
        if (typeof target !== 'function') throw new Error(`Script function not found: ${fn}`);
        const value: unknown = (target as (...a: unknown[]) => unknown)(...(JSON.parse(JSON.stringify(args)) as unknown[]));
        return (value === undefined ? undefined : JSON.parse(JSON.stringify(value))) as T;
      } finally {
        delays.running--;
      }
    },
  };
}

describe('topLevelFunctionNames', () => {
  it('lists only declarations at the top level when functions are nested or assigned', () => {
    expect(topLevelFunctionNames(CODE + '\nfunction outer() {\n  function inner() {}\n  return inner;\n}\n')).toEqual([
      'echo',
      'mutate',
      'fail',
      'slow',
      'secret_',
      'outer',
    ]);
  });
});

describe('openSidebarPage', () => {
  let browser: Browser;
  let dir: string;
  let sidebar: SidebarPage;
  const load = { ms: 0, running: 0, peak: 0 };

  beforeAll(async () => {
    browser = await launchChromium();
    dir = await mkdtemp(join(tmpdir(), 'sfa-bridge-'));
    await writeFile(join(dir, 'Code.js'), CODE);
    await writeFile(join(dir, 'Sidebar.html'), PAGE);
    sidebar = await openSidebarPage(browser, { bundleDir: dir, backend: vmBackend(CODE, load) });
  });

  afterAll(async () => {
    await sidebar?.close();
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('calls the success handler with the returned value and the user object when the function returns', async () => {
    const result = await sidebar.page.evaluate(
      () =>
        new Promise((resolve) => {
          (globalThis as unknown as { google: PageGoogle }).google.script.run
            .withSuccessHandler((value: unknown, user: unknown) => resolve({ value, user }))
            .withUserObject({ row: 7 })
            .echo({ a: [1, undefined, 'x'], b: undefined, c: null });
        }),
    );
    expect(result).toEqual({ value: { got: { a: [1, null, 'x'], c: null }, type: '[object Object]' }, user: { row: 7 } });
  });

  it('calls the failure handler with an Error carrying the message when the function throws', async () => {
    const result = await sidebar.page.evaluate(
      () =>
        new Promise((resolve) => {
          (globalThis as unknown as { google: PageGoogle }).google.script.run
            .withSuccessHandler(() => resolve('succeeded'))
            .withFailureHandler((error: Error, user: unknown) => resolve({ isError: error instanceof Error, message: error.message, user }))
            .withUserObject('u')
            .fail('サービスに接続できません');
        }),
    );
    expect(result).toEqual({ isError: true, message: 'サービスに接続できません', user: 'u' });
    expect(sidebar.calls().at(-1)).toMatchObject({ fn: 'fail', outcome: 'threw', result: 'サービスに接続できません' });
  });

  it('offers no method when the name is private, assigned or unknown', async () => {
    const result = await sidebar.page.evaluate(() => {
      const run = (globalThis as unknown as { google: PageGoogle }).google.script.run as unknown as Record<string, unknown>;
      let thrown = '';
      try {
        (run.nope as () => void)();
      } catch (error) {
        thrown = (error as Error).name;
      }
      return { secret: typeof run.secret_, assigned: typeof run.notDeclared, echo: typeof run.echo, thrown };
    });
    expect(result).toEqual({ secret: 'undefined', assigned: 'undefined', echo: 'function', thrown: 'TypeError' });
  });

  it('refuses a call at once when an argument holds a Date or a function', async () => {
    const result = await sidebar.page.evaluate(() => {
      const messages: string[] = [];
      for (const bad of [new Date(), { when: () => 1 }]) {
        try {
          (globalThis as unknown as { google: PageGoogle }).google.script.run.echo(bad);
        } catch (error) {
          messages.push((error as Error).message);
        }
      }
      return messages;
    });
    expect(result).toEqual(['Failed due to illegal value in property: 0', 'Failed due to illegal value in property: when']);
  });

  it('keeps each runner its own handlers when one runner is configured twice', async () => {
    const result = await sidebar.page.evaluate(
      () =>
        new Promise((resolve) => {
          const seen: string[] = [];
          const base = (globalThis as unknown as { google: PageGoogle }).google.script.run.withFailureHandler(() => seen.push('failure'));
          const done = () => seen.length === 2 && resolve(seen.sort());
          base.withSuccessHandler(() => (seen.push('a'), done())).echo(1);
          base.withSuccessHandler(() => (seen.push('b'), done())).echo(2);
        }),
    );
    expect(result).toEqual(['a', 'b']);
  });

  it('runs at most ten calls at once when more are made', async () => {
    load.peak = 0;
    const finished = await sidebar.page.evaluate(
      () =>
        new Promise((resolve) => {
          let count = 0;
          for (let i = 0; i < 15; i++) (globalThis as unknown as { google: PageGoogle }).google.script.run.withSuccessHandler(() => ++count === 15 && resolve(count)).slow(150);
        }),
    );
    expect(finished).toBe(15);
    expect(load.peak).toBe(10);
  });

  it('records host calls when the sidebar closes itself or focuses the editor', async () => {
    await sidebar.page.evaluate(() => {
      (globalThis as unknown as { google: PageGoogle }).google.script.host.editor.focus();
      (globalThis as unknown as { google: PageGoogle }).google.script.host.close();
    });
    await expect.poll(() => sidebar.hostCalls().map((c) => c.action)).toEqual(['editor.focus', 'close']);
  });

  it('blocks every request of the page but the page itself when it reaches out', async () => {
    expect(sidebar.blockedRequests()).toEqual(['https://fonts.example.com/x.png']);
    expect(await sidebar.page.locator('#out').textContent()).toBe('ready');
  });
});

/** The page's google object as these tests drive it (evaluated in the page, where it exists). */
interface PageGoogle {
  script: {
    run: GoogleScriptRun;
    host: { close(): void; editor: { focus(): void } };
  };
}
interface GoogleScriptRun {
  withSuccessHandler(fn: (value: never, user: never) => unknown): GoogleScriptRun;
  withFailureHandler(fn: (error: Error, user: never) => unknown): GoogleScriptRun;
  withUserObject(object: unknown): GoogleScriptRun;
  echo(value: unknown): void;
  mutate(value: unknown): void;
  fail(message: string): void;
  slow(ms: number): void;
}
