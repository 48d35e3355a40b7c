// Permission strings the funds pages and buttons check (they come from User.permissions).
export const P = {
  /** funds of the counties in the caller's region, their ledger, balances and projects */
  fundsRead: 'funds:read',
  /** register funds and projects, move money, close the books (the county's finance staff) */
  fundsEdit: 'funds:edit',
} as const
