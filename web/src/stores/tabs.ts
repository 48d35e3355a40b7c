// 多页签 (page tabs, issue 26 item 10): every console page the user opens gets a tab under the top
// bar; the home tab stays, the others close (one, the others, all); the open pages keep their state
// (the layout's keep-alive caches exactly the tabs listed here) until their tab closes or is
// refreshed. The list is kept per browser tab in sessionStorage, so F5 brings the tabs back
// (their pages load afresh). Phone pages (route meta `phone`) and users who only hold field roles
// (station operator, trainer, driver) get no tabs: their pages are single screens on a phone.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RouteLocationNormalizedLoaded } from 'vue-router'

export interface PageTab {
  /** route path without the query: a tab's identity (/entities/3 and /entities/4 are two tabs) */
  path: string
  /** the path with the query, where the tab goes back to */
  fullPath: string
  /** i18n key of the page title (route meta.title) */
  title: string
  /** a title the page set itself (an entity's name), shown instead of the route title */
  label?: string
}

export const HOME_TAB: PageTab = { path: '/', fullPath: '/', title: 'menu.home' }
/** More tabs than this: the oldest (not home, not the current one) closes. */
export const MAX_TABS = 20
/** Roles whose users work on a phone page: no tab bar for a user holding only these. */
export const FIELD_ROLES = ['station_operator', 'trainer', 'driver']
const STORAGE_KEY = 'ruralec.tabs'
/** Routes that never become a tab (error pages of the layout). */
const UNTABBED = new Set(['forbidden', 'not-found'])

/** Whether a user with these roles gets page tabs (any role that is not a field role). */
export function tabsFor(roles: readonly string[] | undefined): boolean {
  return !!roles && roles.some((r) => !FIELD_ROLES.includes(r))
}

/** Whether a route opens a tab: a titled layout page that is not a phone or error page. */
export function tabbable(route: Pick<RouteLocationNormalizedLoaded, 'name' | 'meta'>): boolean {
  return !!route.meta.title && !route.meta.phone && !route.meta.bare && !route.meta.public && !UNTABBED.has(String(route.name))
}

function validTab(t: unknown): t is PageTab {
  const x = t as PageTab
  return !!x && typeof x.path === 'string' && x.path.startsWith('/') && typeof x.fullPath === 'string' && typeof x.title === 'string'
}

export const useTabsStore = defineStore('tabs', () => {
  const tabs = ref<PageTab[]>([{ ...HOME_TAB }])
  /** per path: how many times the tab was refreshed (part of its cache key) */
  const generation = ref<Record<string, number>>({})
  /** the user the list belongs to ('' before restore) */
  const owner = ref('')

  /** The keep-alive name of a tab's page: a refresh gives it a new one (a new instance). */
  function cacheKey(path: string): string {
    return `${path}#${generation.value[path] || 0}`
  }
  /** The pages keep-alive holds: one per open tab. */
  const cachedKeys = computed(() => tabs.value.map((t) => cacheKey(t.path)))

  function persist() {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ user: owner.value, tabs: tabs.value }))
    } catch {
      /* storage full or disabled: tabs still work for this page load */
    }
  }

  /** The saved tabs of `user` (another user's list is dropped), home first. */
  function restore(user: string) {
    owner.value = user
    tabs.value = [{ ...HOME_TAB }]
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null')
      if (saved && saved.user === user && Array.isArray(saved.tabs)) {
        for (const t of saved.tabs.filter(validTab).slice(0, MAX_TABS)) {
          if (t.path !== '/' && !tabs.value.some((x) => x.path === t.path))
            tabs.value.push({ path: t.path, fullPath: t.fullPath, title: t.title, ...(t.label ? { label: String(t.label) } : {}) })
        }
      }
    } catch {
      /* a damaged entry: start with home only */
    }
    persist()
  }

  /** Opens (or updates) the tab of a route the user has navigated to. */
  function open(route: Pick<RouteLocationNormalizedLoaded, 'name' | 'meta' | 'path' | 'fullPath'>) {
    if (!tabbable(route)) return
    const cur = tabs.value.find((t) => t.path === route.path)
    if (cur) {
      cur.fullPath = route.fullPath
      cur.title = route.path === '/' ? HOME_TAB.title : route.meta.title!
    } else {
      tabs.value.push({ path: route.path, fullPath: route.fullPath, title: route.meta.title! })
      while (tabs.value.length > MAX_TABS) {
        const i = tabs.value.findIndex((t) => t.path !== '/' && t.path !== route.path)
        tabs.value.splice(i, 1)
      }
    }
    persist()
  }

  /**
   * Closes the tab of `path` (never home). Returns where to go when `active` (the current path)
   * was that tab: its right neighbour, else its left one; otherwise undefined (stay).
   */
  function close(path: string, active: string): string | undefined {
    const i = tabs.value.findIndex((t) => t.path === path)
    if (i <= 0 || path === '/') return undefined
    tabs.value.splice(i, 1)
    delete generation.value[path]
    persist()
    if (path !== active) return undefined
    return (tabs.value[i] || tabs.value[i - 1]).fullPath
  }

  /** Keeps home and the tab of `path`. */
  function closeOthers(path: string) {
    tabs.value = tabs.value.filter((t) => t.path === '/' || t.path === path)
    persist()
  }

  /** Keeps home only; the caller goes there. */
  function closeAll() {
    tabs.value = [{ ...HOME_TAB }]
    generation.value = {}
    persist()
  }

  /** The tab's page is created afresh (its cache key changes, the old instance is dropped). */
  function refresh(path: string) {
    generation.value = { ...generation.value, [path]: (generation.value[path] || 0) + 1 }
  }

  /** A page names its own tab (e.g. with the record's name); '' goes back to the route title. */
  function setLabel(path: string, label: string) {
    const t = tabs.value.find((x) => x.path === path)
    if (!t) return
    if (label) t.label = label
    else delete t.label
    persist()
  }

  /** Signing out: the list is forgotten (a shared computer shows the next user nothing). */
  function forget() {
    tabs.value = [{ ...HOME_TAB }]
    generation.value = {}
    owner.value = ''
    try {
      sessionStorage.removeItem(STORAGE_KEY)
    } catch {
      /* nothing kept */
    }
  }

  return { tabs, generation, owner, cachedKeys, cacheKey, restore, open, close, closeOthers, closeAll, refresh, setLabel, forget }
})
