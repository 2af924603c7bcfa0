import { describe, expect, it } from 'vitest';
import { matchSubject, type DealCandidate } from '../../../server/visits/match-deal.ts';

const DEALS: readonly DealCandidate[] = [
  { id: 'd1', account: '株式会社サンプル', title: '基幹システム更新', removed: false },
  { id: 'd2', account: '東邦物流', title: '倉庫管理 PoC', removed: false },
  { id: 'd3', account: '東邦物流', title: '保守契約', removed: false },
  { id: 'd4', account: '北海電機', title: '保守契約', removed: false },
  { id: 'd5', account: '南北商事', title: '帳票刷新', removed: true },
];
const ACCOUNTS = ['株式会社サンプル', '東邦物流', '北海電機', '南北商事'];

describe('matchSubject', () => {
  it.each([
    ['the id', { dealId: 'd2' }, 'd2'],
    ['account and title, ignoring width, case and spaces', { account: '東邦 物流', dealTitle: '倉庫管理ＰＯＣ' }, 'd2'],
    ['a title no other live deal has, without the account', { dealTitle: '基幹システム更新' }, 'd1'],
    ['a shared title with its account', { account: '北海電機', dealTitle: '保守契約' }, 'd4'],
  ])('finds the deal by %s', (_name, subject, id) => {
    const match = matchSubject(DEALS, ACCOUNTS, subject);
    expect(match.kind === 'deal' ? match.deal.id : match).toBe(id);
  });

  it('takes an account alone in its stored spelling', () => {
    expect(matchSubject(DEALS, ACCOUNTS, { account: '東邦　物流' })).toEqual({ kind: 'account', account: '東邦物流' });
  });

  it.each([
    ['no subject at all', {}, 400, 'dealId', /name the visit's deal/],
    ['an unknown id', { dealId: 'nope' }, 422, 'dealId', /no deal with id "nope"/],
    ['a removed deal', { dealId: 'd5' }, 422, 'dealId', /no longer on the deals tab/],
    ['an id with another account', { dealId: 'd2', account: '北海電機' }, 422, 'account', /belongs to "東邦物流", not "北海電機"/],
    ['an id with another title', { dealId: 'd2', dealTitle: '保守契約' }, 422, 'dealTitle', /is titled "倉庫管理 PoC"/],
    ['a shared title without its account', { dealTitle: '保守契約' }, 422, 'dealTitle', /2 deals are titled "保守契約" \("東邦物流", "北海電機"\)/],
    ['a title of another account', { account: '株式会社サンプル', dealTitle: '倉庫管理 PoC' }, 422, 'account', /belongs to "東邦物流"/],
    ['an unknown title, with the closest of the account', { account: '東邦物流', dealTitle: '倉庫管理' }, 422, 'dealTitle', /no deal of "東邦物流" titled "倉庫管理"; did you mean "倉庫管理 PoC"/],
    ['an unknown account, with the closest', { account: 'サンプル' }, 422, 'account', /no account "サンプル".*"株式会社サンプル"/],
    ['an unknown account with a title', { account: '西東物流', dealTitle: '配送' }, 422, 'account', /no account "西東物流"/],
    ['a name like nothing known', { account: 'Zeta Holdings' }, 422, 'account', /^no account "Zeta Holdings" on this spreadsheet$/],
  ])('refuses %s', (_name, subject, status, field, message) => {
    const match = matchSubject(DEALS, ACCOUNTS, subject);
    expect(match).toMatchObject({ kind: 'problem', status, field });
    expect(match.kind === 'problem' ? match.message : '').toMatch(message);
  });
});
