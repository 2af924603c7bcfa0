import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_POLICY } from '../../../../shared/cost/request-policy.ts';
import { backgroundProblem } from '../../../../shared/requests/request-workflow.ts';
import { EMPTY_COST_DRAFT } from '../../../../addon/sidebar/model/cost-draft.model.ts';
import { backgroundCount, requestDraftOf, requestFormOf, type RequestDraft } from '../../../../addon/sidebar/model/request-form.model.ts';

const P = DEFAULT_REQUEST_POLICY;
const BACKGROUND = '競合A社が同等構成で15%安い見積を提示しており、決裁者から価格差の説明を求められている。';

const valid: RequestDraft = {
  type: 'discount',
  background: `  ${BACKGROUND}\n`,
  description: ' 初年度保守費を10%値引き ',
  alternative: '  ',
  account: '株式会社山田製作所',
  dealId: 'd-1',
  cost: { ...EMPTY_COST_DRAFT, hours: [{ role: '営業サポート', hours: '6' }], discount: '120,000' },
};

describe('requestFormOf', () => {
  it('builds the RequestForm the add-on takes, trimmed, blanks as null', () => {
    expect(requestFormOf(valid, true, P, 'ja')).toEqual({
      ok: true,
      form: {
        type: 'discount',
        background: BACKGROUND,
        description: '初年度保守費を10%値引き',
        alternative: null,
        dealId: 'd-1',
        account: '株式会社山田製作所',
        cost: { hours: [{ role: '営業サポート', hours: 6 }], directCosts: [], discount: 120000, recurring: null },
        submit: true,
      },
    });
  });

  it('keeps it as a draft when the draft button was pressed', () => {
    const result = requestFormOf(valid, false, P, 'ja');
    expect(result.ok && result.form.submit).toBe(false);
  });

  it('names every refused field at once', () => {
    const result = requestFormOf({ ...valid, type: '', background: '', description: '', cost: { ...EMPTY_COST_DRAFT, discount: 'x' } }, true, P, 'ja');
    expect(result).toEqual({
      ok: false,
      errors: {
        type: '種類を選んでください',
        background: '背景を入力してください(判断の前に必要です)',
        description: '依頼内容を入力してください',
        discount: '数値で入力してください',
      },
    });
  });

  it('refuses a background too thin to judge on, even for a draft (the service checks content when filing)', () => {
    const result = requestFormOf({ ...valid, background: '競合が安い' }, false, P, 'en');
    expect(result).toEqual({ ok: false, errors: { background: 'The background has 5 characters: write at least 20' } });
  });

  it('treats なし as no background', () => {
    const result = requestFormOf({ ...valid, background: 'なし' }, true, P, 'ja');
    expect(!result.ok && result.errors['background']).toBe('背景を入力してください(判断の前に必要です)');
  });
});

describe('backgroundCount', () => {
  it.each(['', 'なし', '未定', '競合が安い', 'ＡＢＣ　ＤＥＦ', 'a'.repeat(19), 'a'.repeat(20), BACKGROUND, '   二十文字ちょうどの背景を書いてみましたがどうでしょう  '])(
    'agrees with the service on whether %j is enough',
    (text) => {
      expect(backgroundCount(text, P).enough).toBe(backgroundProblem(text, P) === null);
    },
  );

  it('counts characters after folding full-width letters and spaces', () => {
    expect(backgroundCount('ＡＢＣ　　ＤＥＦ', P)).toEqual({ chars: 7, min: 20, enough: false });
  });
});

describe('requestDraftOf', () => {
  it('starts from the active row’s deal and account', () => {
    const d = requestDraftOf({ dealId: 'd-1', dealTitle: '更新', account: '山田製作所' });
    expect(d).toMatchObject({ type: '', dealId: 'd-1', account: '山田製作所', cost: EMPTY_COST_DRAFT });
  });

  it('starts empty without an active deal', () => {
    expect(requestDraftOf(null)).toMatchObject({ dealId: null, account: '' });
  });
});
