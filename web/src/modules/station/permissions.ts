// Permission strings the station module's pages and buttons check (they come from User.permissions).
export const P = {
  /** stations of the caller's region subtree */
  stationRead: 'station:read',
  /** only the station the caller's account is bound to (station operators) */
  stationReadOwn: 'station:read:own',
  /** the stations of the operator company's agreements (an entity account) */
  stationReadOperated: 'station:read:operated',
  stationEdit: 'station:edit',
  /** assess stations and handle the follow-up of a failed assessment (county and town staff) */
  assess: 'station:assess',
  /** edit the county's assessment templates (county staff) */
  assessTemplate: 'station:assess:template',
  /** save and correct service records (operators: their own station) */
  recordEdit: 'station:record:edit',
  /** upload storefront photos and the operator agreement (staff in scope; operators: their station) */
  fileAdd: 'station:file:add',
  /** import monthly records and single events (staff in scope; the operator company: its stations) */
  recordImport: 'station:record:import',
} as const
