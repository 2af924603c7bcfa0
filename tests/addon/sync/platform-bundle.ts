// Builds tests/fixtures/addon/platform-entry.ts the way build-addon.ts builds main.ts (one
// classic script, entry points as top-level functions) with the real manifest, so the platform
// modules run on the Apps Script fakes on their own.
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { SCRIPT_BUNDLE_OPTIONS } from '../../../addon/build/script-bundle-options.ts';
import { stripFinalExport } from '../../../addon/build/script-exports.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export async function buildPlatformBundle(): Promise<string> {
  const result = await esbuild.build({
    ...SCRIPT_BUNDLE_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints: ['tests/fixtures/addon/platform-entry.ts'],
    define: { SHEETS_SFA_SERVICE_URL: JSON.stringify('https://sheets-sfa.example.com') },
    logLevel: 'silent',
  });
  const { code } = stripFinalExport(result.outputFiles[0]?.text ?? '', 'platform-entry.ts');
  const dir = await mkdtemp(join(tmpdir(), 'sfa-platform-'));
  await writeFile(join(dir, 'Code.js'), code);
  await copyFile(join(ROOT, 'addon/appsscript.json'), join(dir, 'appsscript.json'));
  return dir;
}
