// Which row actions the users page offers, mirroring the server's 三员分立 rule
// (src/account/users.cc CheckManages): an account holding an admin role is reset, disabled,
// enabled or edited by the security admin alone (user:role:grant_admin); any other account by
// the system admin (user:edit). Unlocking is the security admin's for every account. The server
// decides; this only keeps the page from offering buttons that would answer 403.
import type { User } from '@/api'

export const ADMIN_ROLES: readonly string[] = ['system_admin', 'security_admin', 'audit_admin']

export type UserAction = 'edit' | 'toggle' | 'reset' | 'unlock'

const ACTION_PERMISSION: Record<UserAction, string | null> = {
  edit: null,
  toggle: 'user:disable',
  reset: 'user:reset_password',
  unlock: 'user:unlock',
}

export function holdsAdminRole(u: Pick<User, 'roles'>): boolean {
  return (u.roles || []).some((r) => ADMIN_ROLES.includes(r))
}

/** Whether a caller holding the permissions `has` answers yes to may do `action` on `target`. */
export function canManage(has: (perm: string) => boolean, target: Pick<User, 'roles'>, action: UserAction): boolean {
  const perm = ACTION_PERMISSION[action]
  if (perm && !has(perm)) return false
  if (action === 'unlock') return true
  return holdsAdminRole(target) ? has('user:role:grant_admin') : has('user:edit')
}
