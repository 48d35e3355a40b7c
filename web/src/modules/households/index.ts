// Poor households and e-commerce help (src/households, issue 19): the register (names masked above
// the town, audited reveal, registration and import), the purchases ledger with its import, and the
// coverage of willing-and-able households by town with the households still to help.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'households',
  routes: [
    { path: 'households', name: 'households', component: () => import('./HouseholdsView.vue'), meta: { title: 'households.register', perm: P.householdRead } },
    { path: 'households/coverage', name: 'household-coverage', component: () => import('./CoverageView.vue'), meta: { title: 'households.coverage', perm: P.householdRead } },
    { path: 'purchases', name: 'purchases', component: () => import('./PurchasesView.vue'), meta: { title: 'households.purchases', perm: P.purchaseRead } },
  ],
  menu: [
    { route: 'households', icon: 'User', order: 38 },
    { route: 'household-coverage', icon: 'DataAnalysis', order: 39 },
    { route: 'purchases', icon: 'Goods', order: 39.5 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
