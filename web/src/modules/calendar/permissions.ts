// Permission strings the calendar module's pages and buttons check (they come from User.permissions).
export const P = {
  calendarRead: 'calendar:read',
  calendarEdit: 'calendar:edit',
} as const
