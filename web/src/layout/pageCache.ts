// Keep-alive of the tabbed pages (stores/tabs.ts). KeepAlive matches components by name, and one
// view component can back several tabs (/entities/3 and /entities/4): each tab's page is wrapped
// in a component named by the tab's cache key (path + refresh generation), so KeepAlive's
// `include` (the open tabs' keys) keeps exactly the open tabs' pages and drops a closed or
// refreshed one.
//
// A page kept alive in the background must not follow the route to another page: views read
// `useRoute().params.id` in watchers, and the /entities/3 page would load entity 4 (or NaN) when
// the user opens /entities/4. The wrapper gives its page its own route (provided under vue-router's
// key, what useRoute() injects) that follows the real one only while the path is the page's own.
import { computed, defineComponent, h, provide, reactive, shallowRef, watch, type Component, type VNode } from 'vue'
import { routeLocationKey, useRouter, type RouteLocationNormalizedLoaded } from 'vue-router'

interface Entry {
  inner: VNode['type']
  latest: VNode
  wrapper: Component
}
const wrappers = new Map<string, Entry>()

/** A route location that mirrors the router's while its path is `path`, and stays put otherwise. */
export function pinnedRoute(live: { value: RouteLocationNormalizedLoaded }, path: string): RouteLocationNormalizedLoaded {
  const own = shallowRef(live.value)
  watch(
    () => live.value,
    (r) => {
      if (r.path === path) own.value = r
    },
  )
  const fields = {} as Record<string, unknown>
  for (const k of Object.keys(live.value)) fields[k] = computed(() => own.value[k as keyof RouteLocationNormalizedLoaded])
  return reactive(fields) as unknown as RouteLocationNormalizedLoaded
}

function wrapperOf(key: string, path: string, entry: Entry): Component {
  return defineComponent({
    name: key,
    setup() {
      provide(routeLocationKey, pinnedRoute(useRouter().currentRoute, path))
      return () => entry.latest
    },
  })
}

/** The page vnode of `path` wrapped in a component named `key` (the same wrapper for the same page). */
export function cachedPage(key: string, path: string, page: VNode | undefined): VNode | undefined {
  if (!page) return undefined
  let w = wrappers.get(key)
  if (!w || w.inner !== page.type) {
    const entry: Entry = { inner: page.type, latest: page, wrapper: {} }
    entry.wrapper = wrapperOf(key, path, entry)
    wrappers.set(key, (w = entry))
  }
  w.latest = page
  return h(w.wrapper, { key })
}

/** Forgets the wrappers of pages no longer cached (closed or refreshed tabs). */
export function pruneCachedPages(keep: readonly string[]) {
  for (const k of wrappers.keys()) if (!keep.includes(k)) wrappers.delete(k)
}
