// Vitest globalSetup: builds the add-on once per test run (addon/build/build-addon.ts) into a
// temp folder, for the tests that load the built Code.js and Sidebar.html the way Apps Script
// would. Tests get the folder through `inject('addonBundleDir')` (see addon-bundle.ts).
//
// A failed build does not fail the run (most suites never load the bundle): the error is provided
// as `addonBundleError` and every test that asks for the bundle fails with it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildAddon } from '../../addon/build/build-addon.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built add-on (Code.js, Sidebar.html, appsscript.json); empty when the build failed. */
    addonBundleDir: string;
    /** Why the build failed, or null. */
    addonBundleError: string | null;
    /** The service URL the bundle was built for (its manifest whitelists it). */
    addonBundleServiceUrl: string;
  }
}

const TEST_BUNDLE_SERVICE_URL = 'https://sheets-sfa.example.com';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'sfa-addon-'));
  let error: string | null = null;
  try {
    await buildAddon({ outDir: dir, serviceUrl: TEST_BUNDLE_SERVICE_URL });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    console.warn(`[addon] the add-on bundle could not be built; tests that load it will fail:\n${error}`);
  }
  project.provide('addonBundleDir', dir);
  project.provide('addonBundleError', error);
  project.provide('addonBundleServiceUrl', TEST_BUNDLE_SERVICE_URL);
  return () => rm(dir, { recursive: true, force: true });
}
