import { afterEach, describe, expect, it, vi } from 'vitest'
import { jsonResponse, mockFetch } from '@/test-utils'
import { router } from './index'
import { useAuthStore } from '@/stores/auth'
import type { User } from '@/api'

afterEach(() => vi.unstubAllGlobals())

function user(perms: string[], extra: Partial<User> = {}): User {
  return {
    id: 1, username: 'u', display_name: 'U', region_code: '341302001000', region_name: '埇桥街道', region_level: 'town',
    roles: ['town_staff'], permissions: perms, status: 'active', must_change_password: false, mobile_masked: null,
    locked_until: null, last_login_at: null, created_at: '2026-11-24T00:00:00Z', ...extra,
  }
}

describe('router guard', () => {
  it('sends visitors without a session to the login page with the target as redirect', async () => {
    mockFetch({ 'GET /api/v1/auth/me': () => jsonResponse({ code: 'unauthenticated', message: '请先登录', field: '' }, 401) })
    await router.push('/users')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/users')
  })

  it('lets a user in and shows 403 for a page whose permission they lack', async () => {
    mockFetch({ 'GET /api/v1/auth/me': { user: user(['region:read']), csrf_token: 't' } })
    await router.push('/regions')
    expect(router.currentRoute.value.name).toBe('regions')
    expect(useAuthStore().csrfToken).toBe('t')
    await router.push('/audit')
    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(router.currentRoute.value.query.from).toBe('/audit')
  })

  it('keeps a user who must change the password on the password page', async () => {
    mockFetch({})
    const auth = useAuthStore()
    auth.setSession(user(['region:read'], { must_change_password: true }), 't')
    auth.probed = true
    await router.push('/regions')
    expect(router.currentRoute.value.name).toBe('password')
    auth.mustChangePassword = false
    await router.push('/password')
    expect(router.currentRoute.value.path).toBe('/')
  })

  it('answers unknown paths with the 404 page', async () => {
    mockFetch({})
    const auth = useAuthStore()
    auth.setSession(user([]), 't')
    auth.probed = true
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('not-found')
  })
})
