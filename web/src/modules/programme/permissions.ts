// Permission strings the programme module's pages and buttons check (they come from User.permissions).
export const P = {
  programmeRead: 'programme:read',
  programmeEdit: 'programme:edit',
  /** progress notes: county staff for the county, town staff for their town on town-led tasks */
  taskReport: 'programme:task:report',
  /** submit local settings (地方设定) */
  localEdit: 'programme:local:edit',
  /** approve another user's local settings */
  localApprove: 'programme:local:approve',
  /** the link to the programme's awards (shown when the award module is present) */
  awardRead: 'award:read',
} as const
