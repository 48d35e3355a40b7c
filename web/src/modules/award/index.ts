// Awards (src/award, issue 7): award rules, evaluation, proposal and approval of award lists.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'award',
  requires: ['programme'],
  routes: [{ path: 'awards', name: 'awards', component: () => import('./AwardsView.vue'), meta: { title: 'awards.menu', perm: P.awardRead } }],
  menu: [{ route: 'awards', icon: 'Trophy', order: 40 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
