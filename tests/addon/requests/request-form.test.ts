import { describe, expect, it } from 'vitest';
import { requestBody, requestFormProblems } from '../../../addon/src/requests/request-form.ts';
import type { RequestForm } from '../../../addon/src/rpc/sidebar-rpc.ts';

const form: RequestForm = {
  type: 'discount',
  background: '競合が10%安い見積を出しており、決裁者が値引きを求めている',
  description: '初年度の保守費を10%値引き',
  alternative: '',
  dealId: 'd-1',
  account: '株式会社サンプル',
  cost: { hours: [{ role: '営業サポート', hours: 2 }], directCosts: [], discount: 50_000, recurring: null },
  submit: true,
};

describe('requestFormProblems', () => {
  it('accepts a complete form', () => {
    expect(requestFormProblems(form, 'ja')).toEqual({});
  });

  it.each([
    [{ background: '  ' }, 'background', '背景(お客様がなぜそれを求めるのか)を入力してください。'],
    [{ description: '' }, 'description', '依頼内容を入力してください。'],
    [{ type: 'bribe' as never }, 'type', '申請種別を選んでください。'],
    [{ dealId: null, account: null }, 'account', '案件か顧客名を指定してください。'],
    [{ cost: { hours: [{ role: '法務', hours: '3' }] } as never }, 'cost', 'コストの入力を確認してください: hours[0].hours: a number'],
  ])('refuses %j at %s', (change, field, message) => {
    expect(requestFormProblems({ ...form, ...change }, 'ja')[field]).toBe(message);
  });
});

describe('requestBody', () => {
  it('names the deal by id and lets the service take the account from it', () => {
    expect(requestBody(form)).toEqual({
      type: 'discount',
      background: form.background,
      description: form.description,
      alternative: null,
      cost: form.cost,
      submit: true,
      dealId: 'd-1',
    });
  });

  it('names the account when there is no deal, and keeps a draft a draft', () => {
    const body = requestBody({ ...form, dealId: null, submit: false, alternative: ' 納期で調整 ' });
    expect(body).toMatchObject({ account: '株式会社サンプル', submit: false, alternative: '納期で調整' });
    expect(body).not.toHaveProperty('dealId');
  });
});
