import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor, serviceBaseUrl, whitelistPrefix } from '../../../addon/build/addon-manifest.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { inject } from 'vitest';

const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.external_request',
  // ScriptApp.newTrigger, getUserTriggers and deleteTrigger need it: the hourly and on-change syncs.
  'https://www.googleapis.com/auth/script.scriptapp',
  'openid',
  'https://www.googleapis.com/auth/userinfo.email',
];

describe('the built manifest', () => {
  it('asks for exactly the narrow scopes and whitelists the service URL the bundle was built for', async () => {
    const manifest = JSON.parse(await readFile(join(addonBundleDir(), 'appsscript.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.oauthScopes).toEqual(SCOPES);
    expect(manifest.urlFetchWhitelist).toEqual([`${inject('addonBundleServiceUrl')}/`]);
    expect(manifest).toMatchObject({ timeZone: 'Asia/Tokyo', runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER' });
    // An editor add-on: the addOns section is for Workspace (card) add-ons only.
    expect(manifest.addOns).toBeUndefined();
  });

  it('whitelists, in the checked-in manifest, the default service URL', async () => {
    const manifest = JSON.parse(await readFile('addon/appsscript.json', 'utf8')) as Record<string, unknown>;
    expect(manifest.oauthScopes).toEqual(SCOPES);
    expect(manifest.urlFetchWhitelist).toEqual(['https://sheets-sfa.example.com/']);
  });
});

describe('serviceBaseUrl', () => {
  it.each([
    ['https://sfa.example.co.jp', 'https://sfa.example.co.jp'],
    ['https://sfa.example.co.jp/', 'https://sfa.example.co.jp'],
    ['https://example.co.jp/sfa/', 'https://example.co.jp/sfa'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('normalises %s to %s', (raw, base) => {
    expect(serviceBaseUrl(raw)).toBe(base);
  });

  it.each(['http://sfa.example.co.jp', 'ftp://x', 'not a url', 'https://x.example/?a=1', 'https://u:p@x.example'])('refuses %s', (raw) => {
    expect(() => serviceBaseUrl(raw)).toThrow();
  });
});

describe('manifestFor', () => {
  it('replaces the whitelist with the one prefix ending in a slash and keeps the rest', () => {
    const manifest = manifestFor({ timeZone: 'Asia/Tokyo', urlFetchWhitelist: ['https://old.example/'] }, 'https://example.co.jp/sfa');
    expect(manifest).toEqual({ timeZone: 'Asia/Tokyo', urlFetchWhitelist: ['https://example.co.jp/sfa/'] });
    expect(whitelistPrefix('https://a.example')).toBe('https://a.example/');
  });
});
