// Permission strings the project pages and buttons check (they come from User.permissions).
export const P = {
  /** projects, their timelines and deadlines in the caller's region subtree */
  projectsRead: 'projects:read',
  /** the applicant side: register, upload materials, submit, request acceptance */
  projectsEdit: 'projects:edit',
  /** the office and co-reviewers: every other step of the workflow */
  projectsReview: 'projects:review',
} as const
