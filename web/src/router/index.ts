import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import Layout from '@/layout/AppLayout.vue'
import { useAuthStore } from '@/stores/auth'
import { useAppStore } from '@/stores/app'
import ErrorView from '@/layout/ErrorView.vue'
import { modules } from '@/modules'
import { bareRoutes, layoutRoutes } from '@/modules/assemble'

/*
 * The routes come from the module list (modules/index.ts): each module declares its pages and menu
 * entries, modules/assemble.ts fills in the menu fields. Route meta used by the layout:
 *   title  i18n key shown in the menu, breadcrumb and tab title
 *   icon   Element Plus icon component name for the menu
 *   perm   permission(s) needed to open the page (any of them); also hides the menu entry
 *   menu   true: listed in the side menu
 *   group  i18n key of the menu group (a sub-menu), e.g. 'menu.system'
 *   active menu entry to highlight for detail pages
 *   public reachable without a session
 *   phone  a phone page of a field role (390 px): no page tab, no tab bar, not kept alive
 */
declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    icon?: string
    perm?: string | string[]
    menu?: boolean
    group?: string
    active?: string
    public?: boolean
    bare?: boolean
    phone?: boolean
  }
}

/** The layout's pages: every module's, then the shell's error pages (the catch-all last). */
export const layoutChildren: RouteRecordRaw[] = [
  ...layoutRoutes(modules),
  { path: '403', name: 'forbidden', component: ErrorView, props: { code: 403 }, meta: { title: 'menu.forbidden' } },
  { path: ':pathMatch(.*)*', name: 'not-found', component: ErrorView, props: { code: 404 }, meta: { title: 'menu.notFound' } },
]

const routes: RouteRecordRaw[] = [...bareRoutes(modules), { path: '/', component: Layout, children: layoutChildren }]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  const app = useAppStore()
  app.errorPage = 0
  if (app.isMobile) app.drawerOpen = false
  if (to.meta.public) {
    // an open session skips the login page
    if (to.name === 'login' && !to.query.reason) {
      await auth.probe()
      if (auth.loggedIn && !auth.mustChangePassword) return { path: (to.query.redirect as string) || '/' }
    }
    return true
  }
  await auth.probe()
  if (!auth.loggedIn && !auth.mustChangePassword) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (auth.mustChangePassword && to.name !== 'password') return { name: 'password', query: { redirect: to.fullPath } }
  if (!auth.mustChangePassword && to.name === 'password') return { path: '/' }
  if (to.meta.perm && !auth.has(to.meta.perm)) return { name: 'forbidden', query: { from: to.fullPath } }
  return true
})

export default router
