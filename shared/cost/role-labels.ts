import type { Role } from '../access/role.ts';
import type { Message } from '../i18n/locale.ts';

/** How each role is named to people: approval steps, flag reasons, digests. */
export const ROLE_LABELS: Readonly<Record<Role, Message>> = Object.freeze({
  member: { ja: 'メンバー', en: 'Member' },
  manager: { ja: 'マネージャー', en: 'Manager' },
  approver: { ja: '承認者', en: 'Approver' },
  director: { ja: '部門長', en: 'Director' },
  admin: { ja: '管理者', en: 'Admin' },
});
