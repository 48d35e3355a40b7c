// The audit log (src/audit): the entries and the hash-chain check.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'audit',
  routes: [{ path: 'audit', name: 'audit', component: () => import('./AuditView.vue'), meta: { title: 'menu.audit', perm: P.auditRead } }],
  menu: [{ route: 'audit', icon: 'Document', order: 60 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
