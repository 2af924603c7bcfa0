import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/access/role.ts';
import { autoSyncOff, canDecide, initialViewOf, tabOfView, visibleTabs } from '../../../../addon/sidebar/model/views.model.ts';

describe('visibleTabs', () => {
  it.each<[Role[], boolean]>([
    [[], false],
    [['member'], false],
    [['member', 'approver'], true],
    [['manager'], true],
    [['director'], true],
    [['admin'], true],
  ])('shows the approval queue to %j: %s', (roles, shown) => {
    expect(canDecide(roles)).toBe(shown);
    expect(visibleTabs({ roles }).includes('approvals')).toBe(shown);
  });
});

describe('tabOfView', () => {
  it('puts set-up under the settings tab', () => {
    expect(tabOfView('setup')).toBe('settings');
    expect(tabOfView('visit')).toBe('visit');
  });
});

describe('initialViewOf', () => {
  it('opens the view the menu asked for', () => {
    expect(initialViewOf({ initialView: 'setup', roles: [] })).toBe('setup');
  });

  it('opens the deal card instead of approvals for someone who does not decide', () => {
    expect(initialViewOf({ initialView: 'approvals', roles: ['member'] })).toBe('deal');
    expect(initialViewOf({ initialView: 'approvals', roles: ['approver'] })).toBe('approvals');
  });
});

describe('autoSyncOff', () => {
  const off = { hourlySync: false, syncOnChange: false };
  it.each([
    [true, ['admin'], off, true],
    [true, ['admin'], { hourlySync: true, syncOnChange: false }, false],
    [true, ['admin'], { hourlySync: false, syncOnChange: true }, false],
    [false, ['admin'], off, false],
    [true, ['admin'], null, false],
    [true, ['member', 'approver'], off, false],
  ] as const)('on a sheet set up: %s, for roles %j, with the person\'s triggers %j, says off: %s', (setUp, roles, autoSync, expected) => {
    expect(autoSyncOff({ setUp, roles, autoSync })).toBe(expected);
  });
});
