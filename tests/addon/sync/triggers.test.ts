import { describe, expect, it } from 'vitest';
import { MAX_QUIET_WAIT_MS, QUIET_MS, quietWait } from '../../../addon/src/sync/triggers.ts';

const AT = Date.parse('2026-11-20T01:00:00.000Z');

describe('quietWait', () => {
  it('waits in steps until the sheet has been quiet for the quiet period', () => {
    expect(quietWait(new Date(AT).toISOString(), AT, 0)).toBe(2_000);
    expect(quietWait(new Date(AT).toISOString(), AT + QUIET_MS - 500, 0)).toBe(500);
    expect(quietWait(new Date(AT).toISOString(), AT + QUIET_MS, 0)).toBe(0);
  });

  it('stops waiting after the longest wait however the edits go on', () => {
    expect(quietWait(new Date(AT).toISOString(), AT, MAX_QUIET_WAIT_MS)).toBe(0);
    expect(quietWait(new Date(AT).toISOString(), AT, MAX_QUIET_WAIT_MS - 300)).toBe(300);
  });

  it('syncs at once when no change is recorded', () => {
    expect(quietWait(null, AT, 0)).toBe(0);
    expect(quietWait('not a date', AT, 0)).toBe(0);
  });
});
