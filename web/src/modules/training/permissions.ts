// Permission strings the training module's pages and buttons check (they come from User.permissions).
export const P = {
  /** courses, sessions and trainees of the caller's region subtree */
  read: 'training:read',
  /** only the sessions the caller teaches (trainers) */
  readOwn: 'training:read:own',
  edit: 'training:edit',
  /** attendance (trainers: their own sessions) */
  attend: 'training:attend',
  import: 'training:import',
  /** upload a session's evidence (staff in scope; trainers: their sessions) */
  evidence: 'training:evidence',
  /** the county's conversion and follow-up settings */
  settings: 'training:settings',
} as const
