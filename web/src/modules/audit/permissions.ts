// Permission strings the audit module's pages and buttons check (they come from User.permissions).
export const P = {
  auditRead: 'audit:read',
  auditVerify: 'audit:read',
} as const
