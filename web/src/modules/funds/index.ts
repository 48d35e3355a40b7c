// Special funds (src/funds, issue 21): the funds of the counties in scope, each fund's ledger with
// its plan-vs-execution figures, the constraint panel (公共服务中心 ≤15%, uplink ≥50%, advances),
// transfers, balances and projects; finance staff record movements, acceptance and closes.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'funds',
  routes: [
    { path: 'funds', name: 'funds', component: () => import('./FundsView.vue'), meta: { title: 'funds.menu', perm: P.fundsRead } },
    { path: 'funds/:id(\\d+)', name: 'fund', component: () => import('./FundDetailView.vue'), meta: { title: 'funds.detail', perm: P.fundsRead, active: '/funds' } },
  ],
  menu: [{ route: 'funds', icon: 'Wallet', order: 40.5 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
