// Runs before `npm run push` (npm's prepush): clasp given the placeholder script id would fail
// later with an API error that does not say what to do.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Apps Script project ids are long base64url strings (57 characters today).
const SCRIPT_ID = /^[A-Za-z0-9_-]{25,}$/;

/** What keeps .clasp.json from being pushed, or null when it names a real project. */
export function claspProjectProblem(text: string): string | null {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return '.clasp.json is not valid JSON';
  }
  const { scriptId, rootDir } = (config ?? {}) as { scriptId?: unknown; rootDir?: unknown };
  if (typeof scriptId !== 'string' || !SCRIPT_ID.test(scriptId) || /REPLACE|PLACEHOLDER|YOUR/i.test(scriptId)) {
    return `.clasp.json names no Apps Script project yet (scriptId "${String(scriptId)}"). Create an Apps Script project for the add-on (script.google.com > New project), copy its Script ID (Project Settings) into .clasp.json, sign in once with npx clasp login, then run npm run push again.`;
  }
  if (rootDir !== 'addon/dist') return `.clasp.json rootDir must be "addon/dist" (the built add-on), not ${JSON.stringify(rootDir)}`;
  return null;
}

if (import.meta.main) {
  const problem = claspProjectProblem(await readFile(resolve(ROOT, '.clasp.json'), 'utf8').catch(() => ''));
  if (problem !== null) {
    console.error(`push: ${problem}`);
    process.exitCode = 1;
  }
}
