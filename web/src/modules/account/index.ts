// Accounts (src/account): sign-in and the forced password change, the user's profile, users, roles
// and the password policy.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'account',
  routes: [
    { path: 'users', name: 'users', component: () => import('./UsersView.vue'), meta: { title: 'menu.users', perm: P.userRead } },
    { path: 'roles', name: 'roles', component: () => import('./RolesView.vue'), meta: { title: 'menu.roles', perm: P.roleRead } },
    { path: 'security/password-policy', name: 'password-policy', component: () => import('./PasswordPolicyView.vue'), meta: { title: 'menu.passwordPolicy', perm: P.securityPolicyRead } },
    { path: 'profile', name: 'profile', component: () => import('./ProfileView.vue'), meta: { title: 'menu.profile' } },
  ],
  // the route guard (router/index.ts) sends users without a session to 'login' and users who must
  // change their password to 'password'
  bareRoutes: [
    { path: '/login', name: 'login', component: () => import('./LoginView.vue'), meta: { public: true, title: 'login.title', bare: true } },
    { path: '/password', name: 'password', component: () => import('./ForcePasswordView.vue'), meta: { title: 'password.forcedTitle', bare: true } },
  ],
  menu: [
    { route: 'users', icon: 'User', order: 50, group: 'menu.system' },
    { route: 'roles', icon: 'Avatar', order: 51, group: 'menu.system' },
    { route: 'password-policy', icon: 'Lock', order: 53, group: 'menu.system' },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
