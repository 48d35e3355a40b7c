import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type User } from '@/api'
import { holds } from '@/permissions'

export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null)
  const csrfToken = ref('')
  /** True once the session probe (/auth/me) has run after a page load. */
  const probed = ref(false)
  const mustChangePassword = ref(false)
  /** 'initial' | 'expired' | '' (unknown) */
  const mustChangeReason = ref('')

  const permissions = computed(() => new Set(user.value?.permissions || []))
  const loggedIn = computed(() => !!user.value)

  function has(perm: string | string[] | undefined | null): boolean {
    if (!perm || (Array.isArray(perm) && perm.length === 0)) return true
    const list = Array.isArray(perm) ? perm : [perm]
    return list.some((p) => holds(permissions.value, p))
  }

  function setSession(u: User, token: string | undefined, mustChange?: boolean) {
    user.value = u
    if (token) csrfToken.value = token
    mustChangePassword.value = mustChange ?? !!u.must_change_password
  }

  async function login(username: string, password: string) {
    const r = await authApi.login(username, password)
    setSession(r.user, r.csrf_token, r.must_change_password || r.user.must_change_password)
    mustChangeReason.value = r.must_change_reason || ''
    probed.value = true
    return r
  }

  async function probe(): Promise<boolean> {
    if (probed.value) return loggedIn.value
    try {
      const r = await authApi.me()
      setSession(r.user, r.csrf_token)
    } catch (e) {
      const code = (e as { code?: string }).code
      // a session that exists but must change its password first
      if (code === 'password_change_required') mustChangePassword.value = true
      else clear()
    } finally {
      probed.value = true
    }
    return loggedIn.value
  }

  async function refresh() {
    const r = await authApi.me()
    setSession(r.user, r.csrf_token)
  }

  async function changePassword(oldPassword: string, newPassword: string) {
    const r = await authApi.changePassword(oldPassword, newPassword)
    if (r && r.csrf_token) csrfToken.value = r.csrf_token
    mustChangePassword.value = false
    try {
      await refresh()
    } catch {
      /* the new session may still be fine; the guard will probe again */
    }
  }

  async function logout() {
    try {
      await authApi.logout()
    } catch {
      /* session may be gone already */
    }
    clear()
  }

  function clear() {
    user.value = null
    csrfToken.value = ''
    mustChangePassword.value = false
    mustChangeReason.value = ''
  }

  return {
    user, csrfToken, probed, mustChangePassword, mustChangeReason, permissions, loggedIn,
    has, login, probe, refresh, changePassword, logout, clear, setSession,
  }
})
