// Projects (src/projects, issue 21 items 6–8): the project list with the application form and its
// materials checklist, a project's detail (materials by 004 附件2, deadlines, timeline, the next
// steps of the workflow), the reviewer's inbox sorted by deadline, and the issue list (问题清单).
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'projects',
  routes: [
    { path: 'projects', name: 'projects', component: () => import('./ProjectsView.vue'), meta: { title: 'projects.menu', perm: P.projectsRead } },
    { path: 'projects/inbox', name: 'project-inbox', component: () => import('./InboxView.vue'), meta: { title: 'projects.inbox', perm: P.projectsRead } },
    { path: 'findings', name: 'findings', component: () => import('./FindingsView.vue'), meta: { title: 'projects.findings.menu', perm: P.projectsRead } },
    { path: 'projects/:id(\\d+)', name: 'project', component: () => import('./ProjectDetailView.vue'), meta: { title: 'projects.detail', perm: P.projectsRead, active: '/projects' } },
  ],
  menu: [
    { route: 'projects', icon: 'Document', order: 39.95 },
    { route: 'project-inbox', icon: 'Calendar', order: 39.96 },
    { route: 'findings', icon: 'Warning', order: 39.97 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
