// The audit log (src/audit): the entries and the hash-chain check, the login log, their export.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'audit',
  routes: [
    { path: 'audit', name: 'audit', component: () => import('./AuditView.vue'), meta: { title: 'menu.audit', perm: P.auditRead } },
    { path: 'audit/logins', name: 'login-log', component: () => import('./LoginLogView.vue'), meta: { title: 'menu.loginLog', perm: P.auditRead } },
  ],
  menu: [
    { route: 'audit', icon: 'Document', order: 60 },
    { route: 'login-log', icon: 'Lock', order: 61 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
