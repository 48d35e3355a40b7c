// Entities (src/entity, issue 6): businesses with their shops and brands.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'entity',
  routes: [
    { path: 'entities', name: 'entities', component: () => import('./EntitiesView.vue'), meta: { title: 'entities.menu', perm: P.entityRead } },
    { path: 'entities/:id(\\d+)', name: 'entity', component: () => import('./EntityDetailView.vue'), meta: { title: 'entities.detail', perm: P.entityRead, active: '/entities' } },
    { path: 'brands', name: 'brands', component: () => import('./BrandsView.vue'), meta: { title: 'entities.brandsMenu', perm: P.entityRead } },
  ],
  menu: [
    { route: 'entities', icon: 'OfficeBuilding', order: 30, group: 'menu.business' },
    { route: 'brands', icon: 'Goods', order: 31, group: 'menu.business' },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
