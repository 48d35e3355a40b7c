// Permission strings the home module's pages and buttons check (they come from User.permissions).
export const P = {
  regionRead: 'region:read',
} as const
