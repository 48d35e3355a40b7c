// Permission strings the sales module's pages and buttons check (they come from User.permissions).
export const P = {
  salesRead: 'sales:read',
  salesEdit: 'sales:edit',
  salesImport: 'sales:import',
  /** the summary's threshold picker reads programmes */
  programmeRead: 'programme:read',
} as const
