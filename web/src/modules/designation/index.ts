// Demonstration designations (src/designation, issue 17 item 4): the list with its filters and the
// registration form, a designation's detail (status history, change, evidence files), the ranking of
// villages by online sales (择优评定) and the programmes' demonstration quotas per county/town.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'designation',
  requires: ['programme'],
  routes: [
    { path: 'designations', name: 'designations', component: () => import('./DesignationsView.vue'), meta: { title: 'designations.menu', perm: P.designationRead } },
    { path: 'designations/ranking', name: 'designation-ranking', component: () => import('./RankingView.vue'), meta: { title: 'designations.ranking', perm: P.designationRead, active: '/designations' } },
    { path: 'designations/quotas', name: 'designation-quotas', component: () => import('./QuotasView.vue'), meta: { title: 'designations.quotas', perm: P.designationRead, active: '/designations' } },
    { path: 'designations/:id(\\d+)', name: 'designation', component: () => import('./DesignationDetailView.vue'), meta: { title: 'designations.detail', perm: P.designationRead, active: '/designations' } },
  ],
  menu: [{ route: 'designations', icon: 'Medal', order: 37 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
