import { describe, expect, it } from 'vitest';
import { storedSettings } from '../../../server/spreadsheets/stored-setup.ts';

describe('storedSettings', () => {
  it('returns stored overrides as they are and null for anything but an object', () => {
    expect(storedSettings({ ballFollowUpDays: 5, stageLabels: { 保留: 'nurturing' } })).toEqual({ ballFollowUpDays: 5, stageLabels: { 保留: 'nurturing' } });
    expect(storedSettings(null)).toBeNull();
    expect(storedSettings([1])).toBeNull();
  });
});
