// A built add-on as it would be built for another service (SHEETS_SFA_SERVICE_URL): the same
// script, its manifest whitelisting that service. Apps Script fetches nothing outside the
// manifest's urlFetchWhitelist, so a test that points SERVICE_URL at a service of its own needs it.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestFor, serviceBaseUrl } from '../../../addon/build/addon-manifest.ts';

const copies = new Map<string, string>();

/** A folder holding bundleDir's files with the manifest whitelisting serviceUrl (one copy per pair). */
export function bundleForService(bundleDir: string, serviceUrl: string): string {
  const key = `${bundleDir}\n${serviceUrl}`;
  const known = copies.get(key);
  if (known !== undefined) return known;
  const dir = mkdtempSync(join(tmpdir(), 'sfa-bundle-'));
  for (const name of readdirSync(bundleDir)) if (name !== 'appsscript.json') copyFileSync(join(bundleDir, name), join(dir, name));
  const template: unknown = JSON.parse(readFileSync(join(bundleDir, 'appsscript.json'), 'utf8'));
  writeFileSync(join(dir, 'appsscript.json'), `${JSON.stringify(manifestFor(template, serviceBaseUrl(serviceUrl)), null, 2)}\n`);
  copies.set(key, dir);
  return dir;
}
