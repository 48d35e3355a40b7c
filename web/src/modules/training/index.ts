// E-commerce training (src/training, issue 18): courses, sessions, the trainee register (masked),
// the trainer's phone attendance page (390 px) with the sign-in-sheet import, the follow-up
// reminders and settings, the person-times quota matrix, and the public certificate
// verification page (no login).
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'training',
  routes: [
    { path: 'training/courses', name: 'training-courses', component: () => import('./CoursesView.vue'), meta: { title: 'training.courses', perm: [P.read, P.readOwn] } },
    { path: 'training/sessions', name: 'training-sessions', component: () => import('./SessionsView.vue'), meta: { title: 'training.sessions', perm: [P.read, P.readOwn] } },
    { path: 'training/sessions/:id(\\d+)', name: 'training-session', component: () => import('./SessionDetailView.vue'), meta: { title: 'training.sessionDetail', perm: [P.read, P.readOwn] } },
    { path: 'training/trainees', name: 'training-trainees', component: () => import('./TraineesView.vue'), meta: { title: 'training.trainees', perm: [P.read, P.readOwn] } },
    { path: 'training/followups', name: 'training-followups', component: () => import('./FollowUpView.vue'), meta: { title: 'training.followUps', perm: [P.read, P.readOwn] } },
    { path: 'training/matrix', name: 'training-matrix', component: () => import('./MatrixView.vue'), meta: { title: 'training.matrix', perm: P.read } },
    { path: 'training/attendance', name: 'training-attendance', component: () => import('./AttendanceView.vue'), meta: { title: 'training.attendance', perm: P.attend, phone: true } },
  ],
  bareRoutes: [
    { path: '/verify/:code?', name: 'certificate-verify', component: () => import('./CertificateView.vue'), meta: { public: true, title: 'training.verify', bare: true } },
  ],
  menu: [
    { route: 'training-courses', icon: 'Reading', order: 39.6 },
    { route: 'training-sessions', icon: 'Calendar', order: 39.7 },
    { route: 'training-trainees', icon: 'User', order: 39.8 },
    { route: 'training-followups', icon: 'Document', order: 39.82 },
    { route: 'training-matrix', icon: 'DataAnalysis', order: 39.85 },
    { route: 'training-attendance', icon: 'Tickets', order: 39.9 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
