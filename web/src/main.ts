import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n, t } from './locales'
import { configureClient } from './api/client'
import { useAuthStore } from './stores/auth'
import { useAppStore } from './stores/app'
import { vHasPerm } from './directives/permission'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(router)
app.use(ElementPlus)
app.directive('has-perm', vHasPerm)

const auth = useAuthStore()
const appStore = useAppStore()

configureClient({
  getCsrfToken: () => auth.csrfToken,
  // any 401 session_expired / unauthenticated → login page with a message
  onUnauthenticated: (err) => {
    const wasLoggedIn = auth.loggedIn
    auth.clear()
    const cur = router.currentRoute.value
    if (cur.name === 'login') return
    const reason = err.code === 'session_expired' ? 'session_expired' : wasLoggedIn ? 'unauthenticated' : ''
    router.replace({ name: 'login', query: { ...(reason ? { reason } : {}), redirect: cur.fullPath } })
  },
  onPasswordChangeRequired: () => {
    auth.mustChangePassword = true
    if (router.currentRoute.value.name !== 'password') router.replace({ name: 'password' })
  },
})

window.addEventListener('resize', () => appStore.onResize())
function setTitle() {
  const to = router.currentRoute.value
  document.title = (to.meta.title ? t(to.meta.title) + ' - ' : '') + t('app.title')
}
router.afterEach(setTitle)
watch(i18n.global.locale, setTitle)

app.mount('#app')
