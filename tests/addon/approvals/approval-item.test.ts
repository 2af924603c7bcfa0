import { describe, expect, it } from 'vitest';
import { approvalItemOf } from '../../../addon/src/approvals/approval-item.ts';
import { decisionBody, decisionProblems } from '../../../addon/src/approvals/decision-form.ts';
import type { RequestDetailJson } from '../../../addon/src/requests/request-detail-json.ts';

const detail: RequestDetailJson = {
  request: {
    id: 'r-1',
    requestedOn: '2026-11-19',
    type: 'discount',
    typeLabel: '値引き',
    account: '株式会社サンプル',
    dealTitle: '基幹システム更新',
    requester: null,
    requesterEmail: 'rep@example.co.jp',
    state: 'submitted',
    route: ['approver', 'manager'],
    awaitingRole: 'manager',
    version: 3,
    background: '競合が10%安い',
    description: '保守費10%値引き',
    alternative: null,
  },
  cost: { total: 158_000, lines: [{ label: '値引き', detail: '一括', amount: 150_000 }, { label: '営業サポート', detail: '2時間 × ¥4,000', amount: 8_000 }] },
  route: [
    { role: 'approver', status: 'approved', at: '2026-11-19T02:00:00.000Z' },
    { role: 'manager', status: 'awaiting', at: null },
  ],
  account: { winWin: { months: 12, specialCost: 100_000, pendingCost: 158_000, wonRevenue: 4_000_000, projectedRatio: 0.0645, overShareIfApproved: true, share: 0.05 } },
  flags: [{ code: 'cost_over_routing', label: '要コスト確認(高額)', reason: '¥158,000 は ¥100,000 以上' }],
  allowedActions: ['approve', 'reject', 'return'],
};

describe('approvalItemOf', () => {
  it('shows the approver the cost lines, the steps, and the win-win figures as they would stand if approved', () => {
    expect(approvalItemOf(detail)).toEqual({
      requestId: 'r-1',
      version: 3,
      type: 'discount',
      typeLabel: '値引き',
      state: 'submitted',
      account: '株式会社サンプル',
      dealTitle: '基幹システム更新',
      requester: 'rep@example.co.jp',
      submittedAt: '2026-11-19',
      background: '競合が10%安い',
      description: '保守費10%値引き',
      alternative: null,
      costLines: [{ label: '値引き', detail: '一括', amount: 150_000 }, { label: '営業サポート', detail: '2時間 × ¥4,000', amount: 8_000 }],
      total: 158_000,
      step: 'manager',
      steps: ['approver', 'manager'],
      winWin: { months: 12, specialCost: 258_000, wonRevenue: 4_000_000, share: 0.0645, threshold: 0.05, over: true },
      flags: [{ code: 'cost_over_routing', label: '要コスト確認(高額)', reason: '¥158,000 は ¥100,000 以上', tone: 'warning' }],
    });
  });

  it('has no win-win figures when the request names no account, and an unknown type reads as other', () => {
    const item = approvalItemOf({ ...detail, account: null, request: { ...detail.request, type: 'mystery', route: null } });
    expect(item.winWin).toBeNull();
    expect(item.type).toBe('other');
    expect(item.steps).toEqual(['approver', 'manager']);
  });
});

describe('decisionProblems', () => {
  it.each([
    ['reject', null, 'comment', '却下・差戻しにはコメントが必要です。'],
    ['return', '   ', 'comment', '却下・差戻しにはコメントが必要です。'],
    ['recall', 'x', 'action', '承認・却下・差戻しのいずれかを選んでください。'],
  ] as const)('refuses %s with comment %j at %s', (action, comment, field, message) => {
    expect(decisionProblems({ requestId: 'r', action: action as never, comment, expectedVersion: 1 }, 'ja')[field]).toBe(message);
  });

  it('lets an approval through without a comment', () => {
    expect(decisionProblems({ requestId: 'r', action: 'approve', comment: null, expectedVersion: 0 }, 'ja')).toEqual({});
  });

  it('refuses a decision without the version the approver saw', () => {
    expect(decisionProblems({ requestId: 'r', action: 'approve', comment: null, expectedVersion: -1 }, 'en').expectedVersion).toBe('Reload the request before deciding it.');
  });
});

describe('decisionBody', () => {
  it('trims the comment and sends a blank one as none', () => {
    expect(decisionBody({ requestId: 'r', action: 'return', comment: ' 背景を追記してください ', expectedVersion: 2 })).toEqual({ action: 'return', comment: '背景を追記してください', expectedVersion: 2 });
    expect(decisionBody({ requestId: 'r', action: 'approve', comment: '  ', expectedVersion: 2 }).comment).toBeNull();
  });
});
