// How the console checks a permission string (they come from User.permissions). Each module names
// the strings it checks in modules/<m>/permissions.ts; menus need the read permission of their
// page; buttons are hidden unless the user holds the button's permission.

/** Permissions that also satisfy a key (none today; kept for renamed permissions). */
export const IMPLIED_BY: Record<string, string[]> = {}

export function holds(perms: ReadonlySet<string>, perm: string): boolean {
  if (perms.has('*') || perms.has(perm)) return true
  return (IMPLIED_BY[perm] || []).some((p) => perms.has(p))
}
