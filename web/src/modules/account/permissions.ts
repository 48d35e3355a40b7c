// Permission strings the account module's pages and buttons check (they come from User.permissions).
export const P = {
  userRead: 'user:read',
  userCreate: 'user:create',
  userUpdate: 'user:edit',
  userDisable: 'user:disable',
  userResetPassword: 'user:reset_password',
  userUnlock: 'user:unlock',
  userGrantAdmin: 'user:role:grant_admin',
  roleRead: 'role:read',
  securityPolicyRead: 'security:policy:read',
  securityPolicyEdit: 'security:policy:edit',
} as const
