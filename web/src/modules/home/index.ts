// The home page (dashboard): the user's scope, the sub-regions chart and shortcuts to every page
// the user may open.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'home',
  routes: [{ path: '', name: 'home', component: () => import('./HomeView.vue'), meta: { title: 'menu.home' } }],
  menu: [{ route: 'home', icon: 'HomeFilled', order: 0 }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
