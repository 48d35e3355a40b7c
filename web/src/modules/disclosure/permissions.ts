// Permission strings the disclosure pages and buttons check (they come from User.permissions).
export const P = {
  /** drafts and publications of the caller's counties */
  read: 'disclosure:read',
  /** draft a publication of a kind and submit it */
  edit: 'disclosure:edit',
  /** publish someone else's submitted draft, withdraw a publication */
  approve: 'disclosure:approve',
} as const
