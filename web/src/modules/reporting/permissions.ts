// Permission strings the reporting pages and buttons check (they come from User.permissions).
export const P = {
  /** reports of the caller's region subtree */
  reportRead: 'report:read',
  /** state a value with evidence (town staff for their town, county staff for the county and its towns) */
  reportSubmit: 'report:submit',
  /** confirm or reject someone else's report */
  reportConfirm: 'report:confirm',
} as const
