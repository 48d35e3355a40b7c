// Permission strings the award module's pages and buttons check (they come from User.permissions).
export const P = {
  awardRead: 'award:read',
  awardEvaluate: 'award:evaluate',
  awardPropose: 'award:propose',
  awardApprove: 'award:approve',
} as const
