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
  /** produce listings of the caller's region, seller masked (staff) */
  listingRead: 'listing:read',
  /** listings of the station the caller's account is bound to (station operators) */
  listingReadOwn: 'listing:read:own',
  /** open listings of the county without personal data until taken up (entity accounts) */
  listingBrowse: 'listing:browse',
  listingEdit: 'listing:edit',
  demandRead: 'demand:read',
  demandEdit: 'demand:edit',
  matchAccept: 'match:accept',
  matchRead: 'match:read',
  agreementRead: 'agreement:read',
  agreementEdit: 'agreement:edit',
} as const
