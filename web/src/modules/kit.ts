// The shape of a console module (issue 14 item 2). A module folder (modules/<name>/) holds its
// views, API client, permissions, messages and tests, and exports one WebModule from index.ts;
// modules/index.ts lists them and modules/assemble.ts builds the routes, the side menu, the i18n
// messages and the permission list from that list. docs/WEB.md, "Adding a module's pages".
import type { RouteRecordRaw } from 'vue-router'

/** Messages of one language: nested objects whose leaves are vue-i18n message strings. */
export interface MessageTree {
  [key: string]: string | MessageTree
}

/** The English messages of a module have exactly the keys of its Chinese ones. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

/** Languages of the console; every module gives messages for each. */
export type Locale = 'zh-CN' | 'en'

/** A side-menu entry: one of the module's routes, shown to users holding the route's permission. */
export interface MenuEntry {
  /** name of a route of the same module; the entry's path, title (meta.title) and permission (meta.perm) are the route's */
  route: string
  /** Element Plus icon name (layout/icons.ts) */
  icon: string
  /** position in the menu, ascending across all modules; a group sits where its first entry would */
  order: number
  /** i18n key of a sub-menu declared in layout/menu.ts (groupIcons) */
  group?: string
}

export interface WebModule {
  /** the C++ module it fronts (src/<name>/), or a shell part such as home */
  name: string
  /** modules whose API, messages or components this one uses; they must stand earlier in the list */
  requires?: string[]
  /** pages inside the layout; paths relative to '/', names unique across the console */
  routes: RouteRecordRaw[]
  /** top-level pages without the layout (sign-in) */
  bareRoutes?: RouteRecordRaw[]
  menu?: MenuEntry[]
  /** messages merged into the console's; a module may add keys to a shared namespace (menu) but not redefine one */
  messages: Record<Locale, MessageTree>
  /** the permission strings its pages and buttons check (its P object) */
  permissions: Readonly<Record<string, string>>
}

/** Identity, for type inference at the definition site. */
export function defineModule(m: WebModule): WebModule {
  return m
}
