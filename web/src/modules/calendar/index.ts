// The working-day calendar (src/calendar): holidays and make-up workdays per year.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'calendar',
  routes: [{ path: 'calendar', name: 'calendar', component: () => import('./CalendarView.vue'), meta: { title: 'menu.calendar', perm: P.calendarRead } }],
  menu: [{ route: 'calendar', icon: 'Calendar', order: 52, group: 'menu.system' }],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
