// The statistical monitoring screen (src/dashboard, issue 25 items 1–4): the console page that
// opens it and downloads the statistics package, and the screen itself — a full-screen page
// without the console chrome (/screen/{region}) for a wall display.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'dashboard',
  routes: [{ path: 'dashboard', name: 'dashboard', component: () => import('./DashboardView.vue'), meta: { title: 'dashboard.menu', perm: P.read } }],
  bareRoutes: [{ path: '/screen/:region?', name: 'dashboard-screen', component: () => import('./ScreenView.vue'), meta: { title: 'dashboard.menu', perm: P.read, bare: true } }],
  menu: [{ route: 'dashboard', icon: 'Monitor', order: 0.5 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
