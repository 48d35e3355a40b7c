import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, apiUrl, configureClient, filenameFrom, http } from './client'
import { jsonResponse, mockFetch } from '@/test-utils'

afterEach(() => vi.unstubAllGlobals())

describe('api client', () => {
  it('builds URLs under /api/v1 and drops empty query values', () => {
    expect(apiUrl('/users', { q: '', page: 2, role: null, tags: ['a', 'b'] })).toBe('/api/v1/users?page=2&tags=a&tags=b')
    expect(apiUrl('/api/v1/x')).toBe('/api/v1/x')
  })

  it('sends X-CSRF-Token on state-changing requests only', async () => {
    configureClient({ getCsrfToken: () => 'tok' })
    const f = mockFetch({ 'GET /api/v1/a': {}, 'POST /api/v1/a': {} })
    await http.get('/a')
    await http.post('/a', { x: 1 })
    const h0 = f.mock.calls[0][1]!.headers as Record<string, string>
    const h1 = f.mock.calls[1][1]!.headers as Record<string, string>
    expect(h0['X-CSRF-Token']).toBeUndefined()
    expect(h1['X-CSRF-Token']).toBe('tok')
    expect(f.mock.calls[1][1]!.body).toBe('{"x":1}')
  })

  it('maps error bodies to ApiError and calls the 401 hook', async () => {
    const onUnauthenticated = vi.fn()
    configureClient({ onUnauthenticated })
    mockFetch({
      'GET /api/v1/bad': () => jsonResponse({ code: 'invalid_argument', message: '手机号格式不正确', field: 'mobile' }, 400),
      'GET /api/v1/gone': () => jsonResponse({ code: 'session_expired', message: '会话已过期', field: '' }, 401),
    })
    const e = (await http.get('/bad').catch((x) => x)) as ApiError
    expect(e).toBeInstanceOf(ApiError)
    expect([e.status, e.code, e.message, e.field]).toEqual([400, 'invalid_argument', '手机号格式不正确', 'mobile'])
    expect(onUnauthenticated).not.toHaveBeenCalled()
    await http.get('/gone').catch(() => {})
    expect(onUnauthenticated).toHaveBeenCalledOnce()
    await http.get('/gone', undefined, { noAuthRedirect: true }).catch(() => {})
    expect(onUnauthenticated).toHaveBeenCalledOnce()
  })

  it('keeps the whole error body and sends FormData as multipart', async () => {
    configureClient({ getCsrfToken: () => 'tok' })
    const f = mockFetch({
      'POST /api/v1/check': () => jsonResponse({ code: 'invalid_argument', message: '方案有 1 处错误', field: 'yaml', errors: [{ line: 7, message: '未知指标' }] }, 400),
      'POST /api/v1/files': { id: 1 },
    })
    const e = (await http.post('/check', { yaml: 'x' }).catch((x) => x)) as ApiError
    expect(e.details.errors).toEqual([{ line: 7, message: '未知指标' }])
    const form = new FormData()
    form.append('text', '进展')
    await http.post('/files', form)
    const init = f.mock.calls[1][1]!
    expect(init.body).toBe(form)
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined()
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok')
  })

  it('calls the password-change hook on password_change_required', async () => {
    const onPasswordChangeRequired = vi.fn()
    configureClient({ onPasswordChangeRequired })
    mockFetch({ 'GET /api/v1/users': () => jsonResponse({ code: 'password_change_required', message: '请先修改密码', field: '' }, 403) })
    await http.get('/users').catch(() => {})
    expect(onPasswordChangeRequired).toHaveBeenCalledOnce()
  })

  it('reports network failures in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const e = (await http.get('/x').catch((x) => x)) as ApiError
    expect(e.code).toBe('network')
    expect(e.message).toContain('网络')
  })

  it('reads file names from Content-Disposition', () => {
    expect(filenameFrom("attachment; filename*=UTF-8''%E6%8A%A5%E8%A1%A8.xlsx", 'x')).toBe('报表.xlsx')
    expect(filenameFrom('attachment; filename="a b.xlsx"', 'x')).toBe('a b.xlsx')
    expect(filenameFrom(null, 'x.xlsx')).toBe('x.xlsx')
  })
})
