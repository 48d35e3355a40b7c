import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import Layout from '@/layout/AppLayout.vue'
import { useAuthStore } from '@/stores/auth'
import { useAppStore } from '@/stores/app'
import { P } from '@/permissions'
import ForbiddenView from '@/views/error/ForbiddenView.vue'
import NotFoundView from '@/views/error/NotFoundView.vue'

/*
 * Route meta used by the layout:
 *   title  i18n key shown in the menu, breadcrumb and tab title
 *   icon   Element Plus icon component name for the menu
 *   perm   permission(s) needed to open the page (any of them); also hides the menu entry
 *   menu   true: listed in the side menu
 *   group  i18n key of the menu group (a sub-menu), e.g. 'menu.system'
 *   active menu entry to highlight for detail pages
 *   public reachable without a session
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
  }
}

export const layoutChildren: RouteRecordRaw[] = [
  { path: '', name: 'home', component: () => import('@/views/home/HomeView.vue'), meta: { title: 'menu.home', icon: 'HomeFilled', menu: true } },
  { path: 'regions', name: 'regions', component: () => import('@/views/regions/RegionsView.vue'), meta: { title: 'menu.regions', icon: 'Location', perm: P.regionRead, menu: true } },
  { path: 'regions/:code', name: 'region', component: () => import('@/views/regions/RegionsView.vue'), meta: { title: 'region.detail', perm: P.regionRead, active: '/regions' } },
  { path: 'programmes', name: 'programmes', component: () => import('@/views/programmes/ProgrammesView.vue'), meta: { title: 'menu.programmes', icon: 'Tickets', perm: P.programmeRead, menu: true } },
  { path: 'programmes/:id(\\d+)', name: 'programme', component: () => import('@/views/programmes/ProgrammeDetailView.vue'), meta: { title: 'programme.detail', perm: P.programmeRead, active: '/programmes' } },
  // entities, brands and the online-sales ledger (issue 6)
  { path: 'entities', name: 'entities', component: () => import('@/views/entities/EntitiesView.vue'), meta: { title: 'entities.menu', icon: 'OfficeBuilding', perm: P.entityRead, menu: true, group: 'entities.group' } },
  { path: 'entities/:id(\\d+)', name: 'entity', component: () => import('@/views/entities/EntityDetailView.vue'), meta: { title: 'entities.detail', perm: P.entityRead, active: '/entities' } },
  { path: 'brands', name: 'brands', component: () => import('@/views/entities/BrandsView.vue'), meta: { title: 'entities.brandsMenu', icon: 'Goods', perm: P.entityRead, menu: true, group: 'entities.group' } },
  { path: 'sales', name: 'sales', component: () => import('@/views/sales/SalesView.vue'), meta: { title: 'sales.menuLedger', icon: 'Money', perm: P.salesRead, menu: true, group: 'entities.group' } },
  { path: 'sales/summary', name: 'sales-summary', component: () => import('@/views/sales/SalesSummaryView.vue'), meta: { title: 'sales.menuSummary', icon: 'DataAnalysis', perm: P.salesRead, menu: true, group: 'entities.group' } },
  // award rules, evaluation and approval (issue 7)
  { path: 'awards', name: 'awards', component: () => import('@/views/awards/AwardsView.vue'), meta: { title: 'awards.menu', icon: 'Trophy', perm: P.awardRead, menu: true } },
  { path: 'users', name: 'users', component: () => import('@/views/users/UsersView.vue'), meta: { title: 'menu.users', icon: 'User', perm: P.userRead, menu: true, group: 'menu.system' } },
  { path: 'roles', name: 'roles', component: () => import('@/views/roles/RolesView.vue'), meta: { title: 'menu.roles', icon: 'Avatar', perm: P.roleRead, menu: true, group: 'menu.system' } },
  { path: 'calendar', name: 'calendar', component: () => import('@/views/calendar/CalendarView.vue'), meta: { title: 'menu.calendar', icon: 'Calendar', perm: P.calendarRead, menu: true, group: 'menu.system' } },
  { path: 'security/password-policy', name: 'password-policy', component: () => import('@/views/security/PasswordPolicyView.vue'), meta: { title: 'menu.passwordPolicy', icon: 'Lock', perm: P.securityPolicyRead, menu: true, group: 'menu.system' } },
  { path: 'audit', name: 'audit', component: () => import('@/views/audit/AuditView.vue'), meta: { title: 'menu.audit', icon: 'Document', perm: P.auditRead, menu: true } },
  { path: 'profile', name: 'profile', component: () => import('@/views/profile/ProfileView.vue'), meta: { title: 'menu.profile' } },
  { path: '403', name: 'forbidden', component: ForbiddenView, meta: { title: 'menu.forbidden' } },
  { path: ':pathMatch(.*)*', name: 'not-found', component: NotFoundView, meta: { title: 'menu.notFound' } },
]

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/LoginView.vue'), meta: { public: true, title: 'login.title', bare: true } },
  { path: '/password', name: 'password', component: () => import('@/views/login/ForcePasswordView.vue'), meta: { title: 'password.forcedTitle', bare: true } },
  { path: '/', component: Layout, children: layoutChildren },
]

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
