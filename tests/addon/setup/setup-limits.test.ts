// Apps Script's limits reached inside a sidebar call come back as an `internal` result the sidebar
// can show, not as a bare google.script.run failure; nothing half-done is stored.
import { expect, it } from 'vitest';
import type { RpcResult, SetupProposal, SetupSaved } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { createAddonSandbox } from '../../support/apps-script/addon-sandbox.ts';
import { acceptProposal, errorOf, okValue } from '../bootstrap/setup-choices.ts';

it.each([false, true])('answers internal, storing and creating nothing, when the mapping would exceed a document property\'s 9 kB (create missing tabs: %s)', (createMissingTabs) => {
  // A header of 10,000 characters is the team's to write; stored by its text, it cannot fit.
  const longHeader = `案件名${'あ'.repeat(10_000)}`;
  const s = createAddonSandbox({
    bundleDir: addonBundleDir(),
    spreadsheet: { id: '1SetupLimitsAbcdefghijklmnopqrstuvwxyz012345', name: '営業管理表', timeZone: 'Asia/Tokyo', sheets: [{ name: '案件', rows: [['顧客名', longHeader, 'ステージ'], ['A社', '基幹更新', '見積提出']] }] },
    user: { email: 'yamada@example.co.jp', idToken: 'id', oauthToken: 'oauth' },
  });
  const proposal = okValue(s.call<RpcResult<SetupProposal>>('sidebarSetupProposal'));
  const accepted = acceptProposal(proposal, { createMissingTabs });
  const choice = { ...accepted, tabs: accepted.tabs.map((t) => ({ ...t, columns: { ...t.columns, title: 2 } })) };
  const error = errorOf(s.call<RpcResult<SetupSaved>>('sidebarSetupSave', choice));
  expect(error.code).toBe('internal');
  expect(error.message).toMatch(/^予期しないエラーが発生しました。/);
  expect(s.properties('document')['sheets-sfa.mapping']).toBeUndefined();
  expect(s.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['案件']);
  expect(s.writes()).toEqual([]);
});

it('keeps the set-up and still runs the first sync when the user has no room for the add-on\'s triggers, and says so', () => {
  const s = createAddonSandbox({
    bundleDir: addonBundleDir(),
    spreadsheet: { id: '1SetupLimitsAbcdefghijklmnopqrstuvwxyz012345', name: '営業管理表', timeZone: 'Asia/Tokyo', sheets: [{ name: '案件', rows: [['顧客名', '案件名', 'ステージ'], ['A社', '基幹更新', '見積提出']] }] },
    user: { email: 'yamada@example.co.jp', idToken: 'id', oauthToken: 'oauth' },
  });
  // Apps Script allows 20 triggers per user and script; other documents' use of the add-on took them.
  for (let i = 0; i < 20; i++) {
    s.state.triggers.push({ uid: `t-${i}`, handler: 'onHourlySync', eventType: 'CLOCK', documentId: `other-${i}`, owner: s.state.user, everyHours: 1, runs: 0, failures: [] });
  }
  const proposal = okValue(s.call<RpcResult<SetupProposal>>('sidebarSetupProposal'));
  const error = errorOf(s.call<RpcResult<SetupSaved>>('sidebarSetupSave', acceptProposal(proposal, { createMissingTabs: false })));
  expect(error.code).toBe('internal');
  expect(error.message).toMatch(/^設定は保存しましたが、自動同期を設定できませんでした: /);
  expect(s.properties('document')['sheets-sfa.mapping']).toBeDefined();
  expect(s.fetches().filter((f) => f.method === 'POST' && f.url.endsWith('/sync'))).toHaveLength(1);
});
