// Permission strings the household pages and buttons check (they come from User.permissions).
export const P = {
  /** the register of the caller's region (names masked above the town) and the coverage */
  householdRead: 'household:read',
  householdEdit: 'household:edit',
  householdImport: 'household:import',
  /** the audited reveal of a head's name and ID number */
  householdPii: 'household:pii',
  purchaseRead: 'purchase:read',
  purchaseEdit: 'purchase:edit',
  purchaseImport: 'purchase:import',
} as const
