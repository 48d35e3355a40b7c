// Permission strings the console checks (they come from User.permissions). Menus need the read
// permission of their page; buttons are hidden unless the user holds the button's permission.
export const P = {
  regionRead: 'region:read',
  regionTagEdit: 'region:tag:edit',
  regionTagCreate: 'region:tag:define',
  userRead: 'user:read',
  userCreate: 'user:create',
  userUpdate: 'user:edit',
  userDisable: 'user:disable',
  userResetPassword: 'user:reset_password',
  userUnlock: 'user:unlock',
  userGrantAdmin: 'user:role:grant_admin',
  roleRead: 'role:read',
  auditRead: 'audit:read',
  auditVerify: 'audit:read',
  securityPolicyRead: 'security:policy:read',
  securityPolicyEdit: 'security:policy:edit',
  calendarRead: 'calendar:read',
  calendarEdit: 'calendar:edit',
  programmeRead: 'programme:read',
  programmeEdit: 'programme:edit',
  entityRead: 'entity:read',
  entityEdit: 'entity:edit',
  salesRead: 'sales:read',
  salesEdit: 'sales:edit',
  salesImport: 'sales:import',
  awardRead: 'award:read',
  awardEvaluate: 'award:evaluate',
  awardPropose: 'award:propose',
  awardApprove: 'award:approve',
} as const

/** Permissions that also satisfy a key (none today; kept for renamed permissions). */
export const IMPLIED_BY: Record<string, string[]> = {}

export function holds(perms: ReadonlySet<string>, perm: string): boolean {
  if (perms.has('*') || perms.has(perm)) return true
  return (IMPLIED_BY[perm] || []).some((p) => perms.has(p))
}
