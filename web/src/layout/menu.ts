import type { RouteRecordRaw } from 'vue-router'

export interface MenuItem {
  path: string
  title: string
  icon?: string
  children?: MenuItem[]
}

/**
 * Builds the side menu from route records: routes with meta.menu whose permission the user holds,
 * grouped into sub-menus by meta.group (in order of first appearance). Groups left empty vanish.
 */
export function buildMenu(routes: RouteRecordRaw[], has: (perm: string | string[] | undefined) => boolean, base = '/'): MenuItem[] {
  const out: MenuItem[] = []
  const groups = new Map<string, MenuItem>()
  for (const r of routes) {
    const m = r.meta
    if (!m?.menu || !has(m.perm)) continue
    const item: MenuItem = { path: base + r.path, title: m.title || String(r.name), icon: m.icon }
    if (m.group) {
      let g = groups.get(m.group)
      if (!g) {
        g = { path: 'group:' + m.group, title: m.group, icon: groupIcons[m.group], children: [] }
        groups.set(m.group, g)
        out.push(g)
      }
      g.children!.push(item)
    } else out.push(item)
  }
  return out
}

/** The sub-menus a module's menu entry may name (MenuEntry.group): i18n key → icon. */
export const groupIcons: Record<string, string> = { 'menu.system': 'Setting', 'menu.business': 'Shop' }
