import { describe, expect, it } from 'vitest';
import { flagTone } from '../../../addon/src/deal-card/flag-tone.ts';

describe('flagTone', () => {
  it.each([
    ['stale', undefined, 'stale'],
    ['stale_warning', undefined, 'warning'],
    ['next_action_overdue', undefined, 'warning'],
    ['cost_over_margin', undefined, 'warning'],
    ['bad_cells', undefined, 'info'],
    ['something_new', undefined, 'info'],
    ['no_owner', 'warning', 'warning'],
    ['stale', 'loud', 'stale'],
  ])('colours %s (service said %s) as %s', (code, given, tone) => {
    expect(flagTone(code, given)).toBe(tone);
  });
});
