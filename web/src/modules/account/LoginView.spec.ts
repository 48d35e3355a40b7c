import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import LoginView from './LoginView.vue'
import { router } from '@/router'
import { jsonResponse, mockFetch, settle } from '@/test-utils'

afterEach(() => vi.unstubAllGlobals())

const user = {
  id: 2, username: 'town1', display_name: '专干', region_code: '341302001000', region_name: '埇桥街道', region_level: 'town',
  roles: ['town_staff'], permissions: ['region:read'], status: 'active', must_change_password: true, mobile_masked: null,
  locked_until: null, last_login_at: null, created_at: '2026-11-24T00:00:00Z',
}

async function submit(w: ReturnType<typeof mount>, username: string, password: string) {
  await settle()
  await w.find('#login-username').setValue(username)
  await w.find('#login-password').setValue(password)
  await w.find('form').trigger('submit')
  await settle(5)
}

describe('LoginView', () => {
  it("shows the server's lockout message", async () => {
    mockFetch({
      'GET /api/v1/auth/me': () => jsonResponse({ code: 'unauthenticated', message: '请先登录', field: '' }, 401),
      'POST /api/v1/auth/login': () => jsonResponse({ code: 'account_locked', message: '账号已锁定，请 15 分钟后再试', field: '' }, 423),
    })
    await router.push('/login')
    const w = mount(LoginView, { global: { plugins: [router] } })
    await submit(w, 'town1', 'wrong')
    const err = w.find('.login-error')
    expect(err.attributes('data-code')).toBe('account_locked')
    expect(err.text()).toContain('账号已锁定，请 15 分钟后再试')
    expect((w.find('#login-password').element as HTMLInputElement).value).toBe('')
  })

  it('shows the session-expired notice from the redirect', async () => {
    mockFetch({})
    await router.push('/login?reason=session_expired&redirect=/users')
    const w = mount(LoginView, { global: { plugins: [router] } })
    await settle()
    expect(w.find('.login-notice').text()).toContain('登录已超时')
  })

  it('sends a user who must change the password to the password page', async () => {
    mockFetch({
      'POST /api/v1/auth/login': { csrf_token: 'c', must_change_password: true, user },
      'GET /api/v1/security/password-policy': { min_length: 12, require_classes: 3, max_age_days: 90, history: 5 },
    })
    await router.push('/login?redirect=/regions')
    const replace = vi.spyOn(router, 'replace').mockResolvedValue(undefined)
    const w = mount(LoginView, { global: { plugins: [router] } })
    await submit(w, 'town1', 'Init-123456789')
    expect(replace).toHaveBeenCalledWith({ name: 'password', query: { redirect: '/regions' } })
    replace.mockRestore()
  })
})
