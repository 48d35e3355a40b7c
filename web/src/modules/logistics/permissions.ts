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
} as const
