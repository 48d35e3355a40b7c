// Sales (src/sales, issue 6): the online-sales ledger with corrections and imports, and the summary.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'sales',
  requires: ['entity', 'programme'],
  routes: [
    { path: 'sales', name: 'sales', component: () => import('./SalesView.vue'), meta: { title: 'sales.menuLedger', perm: P.salesRead } },
    { path: 'sales/summary', name: 'sales-summary', component: () => import('./SalesSummaryView.vue'), meta: { title: 'sales.menuSummary', perm: P.salesSummary } },
  ],
  menu: [
    { route: 'sales', icon: 'Money', order: 32, group: 'menu.business' },
    { route: 'sales-summary', icon: 'DataAnalysis', order: 33, group: 'menu.business' },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
