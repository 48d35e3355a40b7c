// Permission strings the station module's pages and buttons check (they come from User.permissions).
export const P = {
  /** stations of the caller's region subtree */
  stationRead: 'station:read',
  /** only the stations the caller operates (station operators) */
  stationReadOwn: 'station:read:own',
  stationEdit: 'station:edit',
  /** save and correct service records (operators: their own station) */
  recordEdit: 'station:record:edit',
} as const
