// Builds what the shell needs from the module list: the layout's child routes (with the menu
// fields the side menu reads), the top-level routes, the i18n messages and the permission list.
// Pure functions of the list, so a test can assemble any list (the full one, or one without a module).
import type { RouteRecordRaw } from 'vue-router'
import type { Locale, MenuEntry, MessageTree, WebModule } from './kit'

const LAST = Number.MAX_SAFE_INTEGER

/**
 * Every module's layout routes; a route named by a menu entry gets meta.menu, icon and group, and
 * menu routes come first in menu order (layout/menu.ts buildMenu lists them in array order).
 * Entries naming another module's route are ignored (the assembly test forbids them).
 */
export function layoutRoutes(mods: readonly WebModule[]): RouteRecordRaw[] {
  const out: { route: RouteRecordRaw; order: number }[] = []
  for (const m of mods) {
    const entries = new Map<string, MenuEntry>((m.menu || []).map((e) => [e.route, e]))
    for (const r of m.routes) {
      const e = entries.get(String(r.name))
      if (!e) out.push({ route: r, order: LAST })
      else out.push({ route: { ...r, meta: { ...r.meta, menu: true, icon: e.icon, group: e.group } } as RouteRecordRaw, order: e.order })
    }
  }
  return out.sort((a, b) => a.order - b.order).map((x) => x.route) // sort is stable: modules keep their order
}

/** Routes outside the layout (sign-in, forced password change). */
export function bareRoutes(mods: readonly WebModule[]): RouteRecordRaw[] {
  return mods.flatMap((m) => m.bareRoutes || [])
}

/** A deep copy of `base` with each module's messages of `locale` merged in (later keys win). */
export function mergeMessages(base: MessageTree, mods: readonly WebModule[], locale: Locale): MessageTree {
  return mods.reduce((acc, m) => mergeTree(acc, m.messages[locale]), mergeTree({}, base))
}

function mergeTree(into: MessageTree, from: MessageTree): MessageTree {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k]
    if (typeof v === 'string') into[k] = v
    else into[k] = mergeTree(typeof cur === 'object' ? cur : {}, v)
  }
  return into
}

/** Dotted keys of every leaf message of a tree. */
export function messageKeys(t: MessageTree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : messageKeys(v, prefix + k + '.')))
}

/** Every permission string the modules declare. */
export function modulePermissions(mods: readonly WebModule[]): Set<string> {
  return new Set(mods.flatMap((m) => Object.values(m.permissions)))
}
