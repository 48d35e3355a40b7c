// Permission strings the sales module's pages and buttons check (they come from User.permissions).
export const P = {
  salesRead: 'sales:read',
  /** the summary, ranking and threshold lists (not held by a business account) */
  salesSummary: 'sales:summary',
  salesEdit: 'sales:edit',
  salesImport: 'sales:import',
  /** the summary's threshold picker reads programmes */
  programmeRead: 'programme:read',
} as const
