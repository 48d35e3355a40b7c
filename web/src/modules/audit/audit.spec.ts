// 审计日志 and 登录日志 pages: the export button sends the filters on screen to /audit/export;
// the login log lists and exports only auth.* actions.
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { cleanUp, mockFetch, settle, signIn } from '@/test-utils'
import AuditView from './AuditView.vue'
import LoginLogView from './LoginLogView.vue'

afterEach(cleanUp)

const entry = { seq: 3, at: '2026-12-06T10:00:00.000Z', username: 'bob', role: 'county_staff', ip: '127.0.0.1', action: 'auth.login', object_type: 'user', object_id: '2', outcome: 'success', detail: '', region_code: '341302000000' }
const page = { items: [entry], total: 1, page: 1, page_size: 20 }
const xlsx = () => new Response(new Blob(['x']), { status: 200, headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E7%99%BB%E5%BD%95.xlsx" } })

describe('log pages', () => {
  it('the login log asks for auth.* and exports with it', async () => {
    signIn({ id: 1, permissions: ['audit:read'] })
    const urls: string[] = []
    const record = (u: URL) => {
      urls.push(u.pathname + u.search)
      return u.pathname.endsWith('/export') ? xlsx() : page
    }
    mockFetch({ 'GET /api/v1/audit': record, 'GET /api/v1/audit/export': record, 'GET /api/v1/dicts/audit_actions': [{ value: 'auth.login', label: '登录' }] })
    URL.createObjectURL = () => 'blob:x'
    URL.revokeObjectURL = () => {}
    const w = mount(LoginLogView, { attachTo: document.body })
    await settle(6)
    expect(urls[0]).toContain('action=auth.*')
    expect(w.text()).toContain('登录')
    await w.find('.login-export').trigger('click')
    await settle(6)
    const exp = urls.find((u) => u.startsWith('/api/v1/audit/export'))
    expect(exp).toContain('action=auth.*')
  })

  it('the audit log exports the filters on screen', async () => {
    signIn({ id: 1, permissions: ['audit:read'] })
    const urls: string[] = []
    mockFetch({
      'GET /api/v1/audit': page,
      'GET /api/v1/audit/export': (u: URL) => {
        urls.push(u.search)
        return xlsx()
      },
      'GET /api/v1/dicts/audit_actions': [],
      'GET /api/v1/dicts/roles': [],
    })
    URL.createObjectURL = () => 'blob:x'
    URL.revokeObjectURL = () => {}
    const w = mount(AuditView, { attachTo: document.body })
    await settle(6)
    await w.find('#f-audit-user').setValue('bob')
    await w.find('.audit-export').trigger('click')
    await settle(6)
    expect(urls[0]).toContain('user=bob')
  })
})
