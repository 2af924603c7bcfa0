import { describe, expect, it } from 'vitest';
import type { VisitPrefill } from '../../../../addon/src/rpc/sidebar-rpc.ts';
import { linkedDealId, visitDraftOf, visitFormOf, type VisitDraft } from '../../../../addon/sidebar/model/visit-form.model.ts';

const TODAY = '2026-11-20';
const prefill: VisitPrefill = { visitedOn: TODAY, dealId: 'd-1', dealTitle: '生産管理システム更新', account: '株式会社山田製作所', ball: 'customer' };
const draft = (patch: Partial<VisitDraft> = {}): VisitDraft => ({ ...visitDraftOf(prefill), ...patch });

describe('visitFormOf', () => {
  it('sends the prefilled deal by its id, blanks as null and the ball unchanged', () => {
    expect(visitFormOf(draft({ met: ' 山田部長 ', discussed: '見積の説明' }), prefill, TODAY, 'ja')).toEqual({
      ok: true,
      form: {
        visitedOn: TODAY,
        dealId: 'd-1',
        dealTitle: '生産管理システム更新',
        account: '株式会社山田製作所',
        met: '山田部長',
        attendees: null,
        discussed: '見積の説明',
        customerAsked: null,
        nextAction: null,
        nextActionOn: null,
        ballAfter: null,
      },
    });
  });

  it('passes the ball and the next action on', () => {
    const result = visitFormOf(draft({ ballAfter: 'us', nextAction: '回答を確認', nextActionOn: '2026-11-27' }), prefill, TODAY, 'ja');
    expect(result.ok && [result.form.ballAfter, result.form.nextAction, result.form.nextActionOn]).toEqual(['us', '回答を確認', '2026-11-27']);
  });

  it.each([
    [{ visitedOn: '' }, 'visitedOn', '日付を入力してください'],
    [{ visitedOn: '2026-02-30' }, 'visitedOn', '日付は YYYY-MM-DD で入力してください'],
    [{ visitedOn: '2026-11-21' }, 'visitedOn', '未来の日付は記録できません(今日は 2026/11/20(金))'],
    [{ nextActionOn: '2026-11-19' }, 'nextActionOn', '期日は訪問日以降にしてください'],
    [{ nextActionOn: '11/27' }, 'nextActionOn', '日付は YYYY-MM-DD で入力してください'],
    [{ met: 'あ'.repeat(501) }, 'met', '500文字以内で入力してください'],
  ] as const)('refuses %j at %s', (patch, field, message) => {
    expect(visitFormOf(draft(patch), prefill, TODAY, 'ja')).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('asks for the account when no deal row is linked', () => {
    const noRow: VisitPrefill = { visitedOn: TODAY, dealId: null, dealTitle: null, account: null, ball: null };
    expect(visitFormOf({ ...visitDraftOf(noRow) }, noRow, TODAY, 'en')).toEqual({
      ok: false,
      errors: { account: 'Enter the account when no deal row is selected' },
    });
  });
});

describe('linkedDealId', () => {
  it('keeps the active row’s deal while its title is unchanged', () => {
    expect(linkedDealId({ dealTitle: ' 生産管理システム更新 ' }, prefill)).toBe('d-1');
  });

  it('lets the service match by title once the person names another deal', () => {
    expect(linkedDealId({ dealTitle: '別の案件' }, prefill)).toBeNull();
    const result = visitFormOf(draft({ dealTitle: '別の案件' }), prefill, TODAY, 'ja');
    expect(result.ok && [result.form.dealId, result.form.dealTitle]).toEqual([null, '別の案件']);
  });
});
