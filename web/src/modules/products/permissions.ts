// Permission strings the products pages and buttons check (they come from User.permissions).
export const P = {
  /** products, certificates, admission history, batches and events of the caller's scope */
  read: 'products:read',
  /** record and edit products and certificates, apply for admission */
  edit: 'products:edit',
  /** admission decisions and grading scales (county staff) */
  review: 'products:review',
  /** batches, trace events and corrections, label printing */
  trace: 'products:trace',
} as const
