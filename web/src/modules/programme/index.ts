// Programmes (src/programme): the list, the YAML upload and a programme's progress, quotas, tasks
// and lagging items.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'programme',
  routes: [
    { path: 'programmes', name: 'programmes', component: () => import('./ProgrammesView.vue'), meta: { title: 'menu.programmes', perm: P.programmeRead } },
    { path: 'programmes/:id(\\d+)/local', name: 'programme-local', component: () => import('./LocalSettingsView.vue'), meta: { title: 'programme.local.title', perm: P.programmeRead, active: '/programmes' } },
    { path: 'programmes/:id(\\d+)', name: 'programme', component: () => import('./ProgrammeDetailView.vue'), meta: { title: 'programme.detail', perm: P.programmeRead, active: '/programmes' } },
  ],
  menu: [{ route: 'programmes', icon: 'Tickets', order: 20 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
