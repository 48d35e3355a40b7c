// Permission strings the entity module's pages and buttons check (they come from User.permissions).
export const P = {
  entityRead: 'entity:read',
  entityEdit: 'entity:edit',
  /** the link to the entity's sales records (shown when the sales module is present) */
  salesRead: 'sales:read',
  /** open the business's own account (role entity, bound to it) */
  accountCreate: 'user:create:bound',
} as const
