// Permission strings the dashboard pages check (they come from User.permissions).
export const P = {
  /** the screen of a region in the caller's scope and its statistics package */
  read: 'dashboard:read',
  /** upload the county's boundary GeoJSON (county staff) */
  boundaryEdit: 'dashboard:boundary:edit',
  stationRead: 'station:read',
  networkRead: 'logistics:network:read',
  /** the entities layer of the point map (GET /entities?located=1, the caller's scope) */
  entityRead: 'entity:read',
} as const
