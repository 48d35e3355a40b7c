// Programmes (src/programme): the list, the YAML upload, the editor (forms, versions, diff) and a programme's progress, quotas, tasks
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
    { path: 'programmes/new', name: 'programme-new', component: () => import('./editor/ProgrammeEditorView.vue'), meta: { title: 'programme.editor.newTitle', perm: P.programmeEdit, active: '/programmes' } },
    { path: 'programmes/:id(\\d+)/edit', name: 'programme-edit', component: () => import('./editor/ProgrammeEditorView.vue'), meta: { title: 'programme.editor.edit', perm: P.programmeEdit, active: '/programmes' } },
    { path: 'programmes/:id(\\d+)/versions', name: 'programme-versions', component: () => import('./editor/ProgrammeVersionsView.vue'), meta: { title: 'programme.editor.versions', perm: P.programmeRead, active: '/programmes' } },
    { path: 'programmes/:id(\\d+)', name: 'programme', component: () => import('./ProgrammeDetailView.vue'), meta: { title: 'programme.detail', perm: P.programmeRead, active: '/programmes' } },
  ],
  menu: [{ route: 'programmes', icon: 'Tickets', order: 20 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
