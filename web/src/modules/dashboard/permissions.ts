// Permission strings the dashboard pages check (they come from User.permissions).
export const P = {
  /** the screen of a region in the caller's scope and its statistics package */
  read: 'dashboard:read',
  /** upload the county's boundary GeoJSON (county staff) */
  boundaryEdit: 'dashboard:boundary:edit',
  stationRead: 'station:read',
  networkRead: 'logistics:network:read',
} as const
