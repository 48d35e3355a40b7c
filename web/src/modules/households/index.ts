// Poor households and e-commerce help (src/households, issue 19): the register (names masked above
// the town, audited reveal, registration and import), the purchases ledger with its import, and the
// coverage of willing-and-able households by town with the households still to help, a household's
// page with its employments, shops and purchases (entry and correction); and the pages
// of the matching module (src/matching): the listings board, demands with their proposals, agreements.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'households',
  // the purchase and employment forms pick the entity with the sales module's EntityPicker
  requires: ['sales'],
  routes: [
    { path: 'households', name: 'households', component: () => import('./HouseholdsView.vue'), meta: { title: 'households.register', perm: P.householdRead } },
    { path: 'households/:id(\\d+)', name: 'household', component: () => import('./HouseholdDetailView.vue'), meta: { title: 'households.detail', perm: P.householdRead, active: '/households' } },
    { path: 'households/coverage', name: 'household-coverage', component: () => import('./CoverageView.vue'), meta: { title: 'households.coverage', perm: P.householdRead } },
    { path: 'matching/listings', name: 'listings', component: () => import('./ListingsView.vue'), meta: { title: 'matching.listings', perm: [P.listingRead, P.listingReadOwn, P.listingBrowse] } },
    { path: 'matching/demands', name: 'demands', component: () => import('./DemandsView.vue'), meta: { title: 'matching.demands', perm: P.demandRead } },
    { path: 'matching/agreements', name: 'agreements', component: () => import('./AgreementsView.vue'), meta: { title: 'matching.agreements', perm: P.agreementRead } },
    { path: 'purchases', name: 'purchases', component: () => import('./PurchasesView.vue'), meta: { title: 'households.purchases', perm: P.purchaseRead } },
  ],
  menu: [
    { route: 'households', icon: 'User', order: 38 },
    { route: 'household-coverage', icon: 'DataAnalysis', order: 39 },
    { route: 'purchases', icon: 'Goods', order: 39.5 },
    { route: 'listings', icon: 'Shop', order: 39.52 },
    { route: 'demands', icon: 'Tickets', order: 39.54 },
    { route: 'agreements', icon: 'Document', order: 39.56 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
