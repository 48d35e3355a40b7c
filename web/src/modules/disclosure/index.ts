// Disclosure (src/disclosure, issue 25 item 5): county staff draft a publication of one kind (a
// frozen snapshot they preview), submit it, and another person publishes it; a publication can be
// withdrawn with a reason. The public reads the published ones without login under /public/….
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'disclosure',
  routes: [
    { path: 'disclosure', name: 'disclosure', component: () => import('./PublicationsView.vue'), meta: { title: 'disclosure.menu', perm: P.read } },
    { path: 'disclosure/:id(\\d+)', name: 'disclosure-publication', component: () => import('./PublicationView.vue'), meta: { title: 'disclosure.detail', perm: P.read, active: '/disclosure' } },
  ],
  menu: [{ route: 'disclosure', icon: 'Stamp', order: 41 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
