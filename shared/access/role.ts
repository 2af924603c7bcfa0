/**
 * What a person may do on one spreadsheet. Roles are granted per spreadsheet and combine: an
 * approver who also manages holds both. Every role lets its holder see and sync the spreadsheet.
 * `director` decides the last step of the costliest requests.
 */
export const ROLES = ['member', 'manager', 'approver', 'director', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether someone holding `held` may act where `needed` is required; admins may do everything. */
export function hasRole(held: readonly Role[], needed: Role): boolean {
  return held.includes('admin') || held.includes(needed);
}
