// What the sidebar starts from, through the built add-on on the Apps Script fakes: offline, before
// the first sync (the service answers 403 as to a stranger: no roles yet, not an error), and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcResult, SidebarBootstrap } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { createAddonSandbox, type FakeSpreadsheetInit } from '../../support/apps-script/addon-sandbox.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { startAddonWithService, type AddonWithService } from './addon-with-service.ts';
import { okValue, setUpAsProposed } from './setup-choices.ts';

const LEAD = 'yamada@example.co.jp';
const NOW = new Date('2026-11-20T16:30:00Z');

const spreadsheet: FakeSpreadsheetInit = {
  id: '1BootstrapAbcdefghijklmnopqrstuvwxyz01234567',
  name: '2026年度 営業案件管理表',
  timeZone: 'Asia/Tokyo',
  sheets: [{ name: '案件一覧', rows: [['顧客名', '案件名', 'ステージ', '担当者'], ['A社', '基幹更新', '見積提出', '佐藤']] }],
};

describe('sidebarBootstrap offline', () => {
  it('works offline for set-up: no roles, no policy, the service unreachable, today in the sheet\'s zone', () => {
    const s = createAddonSandbox({ bundleDir: addonBundleDir(), spreadsheet, user: { email: LEAD, idToken: 'id', oauthToken: 'oauth', locale: 'en_US' }, now: NOW });
    s.state.properties.users.set(LEAD, new Map([['sheets-sfa.sidebar-view', 'setup']]));
    expect(okValue(s.call<RpcResult<SidebarBootstrap>>('sidebarBootstrap'))).toEqual({
      locale: 'en',
      userEmail: LEAD,
      spreadsheetId: spreadsheet.id,
      spreadsheetName: '2026年度 営業案件管理表',
      timeZone: 'Asia/Tokyo',
      // 16:30 UTC is already the 21st in Tokyo.
      today: '2026-11-21',
      initialView: 'setup',
      roles: [],
      setUp: false,
      requestPolicy: null,
      serviceReachable: false,
      // The caller's own triggers: none yet.
      autoSync: { hourlySync: false, syncOnChange: false },
    });
    // The view the menu asked for is taken once.
    expect(okValue(s.call<RpcResult<SidebarBootstrap>>('sidebarBootstrap')).initialView).toBe('deal');
  });
});

describeIfPostgres('sidebarBootstrap with the service', () => {
  let env: AddonWithService;

  beforeAll(async () => {
    env = await startAddonWithService({ label: 'addon_bootstrap', spreadsheet, people: [LEAD], user: LEAD, now: NOW });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('has no roles yet before the first sync, and the service counts as reachable', async () => {
    const boot = okValue(await env.runtime.call<RpcResult<SidebarBootstrap>>('sidebarBootstrap'));
    expect(boot).toMatchObject({ roles: [], setUp: false, requestPolicy: null, serviceReachable: true, locale: 'ja' });
  });

  it('knows the caller as admin after set-up\'s first sync, with the request policy for the live estimate', async () => {
    await setUpAsProposed(env.runtime);
    const boot = okValue(await env.runtime.call<RpcResult<SidebarBootstrap>>('sidebarBootstrap'));
    // Set-up started the lead's automatic syncs.
    expect(boot).toMatchObject({ roles: ['admin'], setUp: true, serviceReachable: true, autoSync: { hourlySync: true, syncOnChange: true } });
    expect(boot.requestPolicy?.hourlyRates).toMatchObject({ 営業サポート: 4000 });
    expect(boot.requestPolicy?.typeLabels.discount).toEqual({ ja: '値引き', en: 'Discount' });
  });
});
