// Permission strings the region module's pages and buttons check (they come from User.permissions).
export const P = {
  regionRead: 'region:read',
  regionTagEdit: 'region:tag:edit',
  regionTagCreate: 'region:tag:define',
} as const
