// Regions (src/region): the region tree, a region's detail and its tags.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

const RegionsView = () => import('./RegionsView.vue')

export default defineModule({
  name: 'region',
  routes: [
    { path: 'regions', name: 'regions', component: RegionsView, meta: { title: 'menu.regions', perm: P.regionRead } },
    { path: 'regions/:code', name: 'region', component: RegionsView, meta: { title: 'region.detail', perm: P.regionRead, active: '/regions' } },
  ],
  menu: [{ route: 'regions', icon: 'Location', order: 10 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
