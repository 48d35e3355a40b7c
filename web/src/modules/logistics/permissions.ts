// Permission strings the logistics pages and buttons check (they come from User.permissions).
export const P = {
  /** nodes, vehicles and lines of the caller's region */
  networkRead: 'logistics:network:read',
  /** register and change them (county and town staff) */
  networkEdit: 'logistics:network:edit',
  /** waybills of the caller's scope and their timelines */
  parcelRead: 'logistics:parcel:read',
  /** ingest scan files and single scans (county and town staff, drivers) */
  parcelIngest: 'logistics:parcel:ingest',
  /** daily co-delivery plans (county and town staff, drivers, auditors) */
  planRead: 'logistics:plan:read',
  /** make and adjust them */
  planCreate: 'logistics:plan:create',
  /** publish them to the drivers */
  planPublish: 'logistics:plan:publish',
} as const
