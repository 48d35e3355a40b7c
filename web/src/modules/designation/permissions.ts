// Permission strings the designation pages and buttons check (they come from User.permissions).
export const P = {
  /** designations of the caller's region subtree */
  designationRead: 'designation:read',
  designationEdit: 'designation:edit',
  /** the programmes' demonstration targets and their per-town quotas */
  programmeRead: 'programme:read',
} as const
