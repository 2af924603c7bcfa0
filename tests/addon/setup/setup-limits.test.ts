// Apps Script's limits reached inside a sidebar call come back as an `internal` result the sidebar
// can show, not as a bare google.script.run failure; nothing half-done is stored.
import { expect, it } from 'vitest';
import type { RpcResult, SetupProposal, SetupSaved } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { createAddonSandbox } from '../../support/apps-script/addon-sandbox.ts';
import { acceptProposal, errorOf, okValue } from '../bootstrap/setup-choices.ts';

it('answers internal, storing nothing, when the mapping would exceed a document property\'s 9 kB', () => {
  // A header of 10,000 characters is the team's to write; stored by its text, it cannot fit.
  const longHeader = `案件名${'あ'.repeat(10_000)}`;
  const s = createAddonSandbox({
    bundleDir: addonBundleDir(),
    spreadsheet: { id: '1SetupLimitsAbcdefghijklmnopqrstuvwxyz012345', name: '営業管理表', timeZone: 'Asia/Tokyo', sheets: [{ name: '案件', rows: [['顧客名', longHeader, 'ステージ'], ['A社', '基幹更新', '見積提出']] }] },
    user: { email: 'yamada@example.co.jp', idToken: 'id', oauthToken: 'oauth' },
  });
  const proposal = okValue(s.call<RpcResult<SetupProposal>>('sidebarSetupProposal'));
  const accepted = acceptProposal(proposal, { createMissingTabs: false });
  const choice = { ...accepted, tabs: accepted.tabs.map((t) => ({ ...t, columns: { ...t.columns, title: 2 } })) };
  const error = errorOf(s.call<RpcResult<SetupSaved>>('sidebarSetupSave', choice));
  expect(error.code).toBe('internal');
  expect(error.message).toMatch(/^予期しないエラーが発生しました。/);
  expect(s.properties('document')['sheets-sfa.mapping']).toBeUndefined();
});
