import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/access/role.ts';
import { canDecide, initialViewOf, tabOfView, visibleTabs } from '../../../../addon/sidebar/model/views.model.ts';

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
