import { describe, expect, it } from 'vitest';
import { decisionFormOf } from '../../../../addon/sidebar/model/decision.model.ts';

const item = { requestId: 'r-1', version: 3 };

describe('decisionFormOf', () => {
  it('approves without a comment, carrying the version the approver saw', () => {
    expect(decisionFormOf(item, 'approve', '  ', 'ja')).toEqual({ ok: true, form: { requestId: 'r-1', action: 'approve', comment: null, expectedVersion: 3 } });
  });

  it.each([
    ['reject', '「却下」には理由のコメントが必要です'],
    ['return', '「差戻し」には理由のコメントが必要です'],
  ] as const)('needs a comment to %s', (action, message) => {
    expect(decisionFormOf(item, action, ' \n ', 'ja')).toEqual({ ok: false, errors: { comment: message } });
  });

  it('sends the comment trimmed', () => {
    expect(decisionFormOf(item, 'return', ' 背景を追記してください ', 'en')).toEqual({
      ok: true,
      form: { requestId: 'r-1', action: 'return', comment: '背景を追記してください', expectedVersion: 3 },
    });
  });
});
