// Reported indicator values (src/reporting, issue 26 item 3): the list of reports in the caller's
// scope, the reporting form (an indicator with no ledger, its parameters, a region in scope, a
// quarter, the value in the display unit, evidence) and a report's detail where a second person
// confirms or rejects it. Confirmed values show in the programme's progress with a 填报 tag.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'reporting',
  requires: ['programme'],
  routes: [
    { path: 'reports', name: 'reports', component: () => import('./ReportsView.vue'), meta: { title: 'reports.menu', perm: P.reportRead } },
    { path: 'reports/:id(\\d+)', name: 'report', component: () => import('./ReportDetailView.vue'), meta: { title: 'reports.detail', perm: P.reportRead, active: '/reports' } },
  ],
  menu: [{ route: 'reports', icon: 'EditPen', order: 21 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
