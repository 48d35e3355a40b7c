import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ExportButton from './ExportButton.vue'
import { jsonResponse, mockFetch, settle } from '@/test-utils'
import { useAuthStore } from '@/stores/auth'
import type { User } from '@/api'

let clicked: string[] = []
beforeEach(() => {
  clicked = []
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }))
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download)
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('ExportButton', () => {
  it('downloads the export with the current filters and the server file name', async () => {
    const f = mockFetch({
      'GET /api/v1/users/export': () =>
        new Response('xlsx', {
          headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E7%94%A8%E6%88%B7.xlsx" },
        }),
    })
    const w = mount(ExportButton, { props: { url: '/users/export', query: () => ({ q: '张', status: '', page: 1 }) } })
    await w.find('button').trigger('click')
    await settle()
    expect(String(f.mock.calls[0][0])).toBe('/api/v1/users/export?q=%E5%BC%A0&page=1')
    expect(clicked).toEqual(['用户.xlsx'])
    expect(w.emitted('done')![0]).toEqual(['用户.xlsx'])
  })

  it('falls back to the filename prop and reports errors', async () => {
    mockFetch({ 'GET /api/v1/a/export': () => new Response('x') })
    const w = mount(ExportButton, { props: { url: '/a/export', filename: 'a.xlsx' } })
    await w.find('button').trigger('click')
    await settle()
    expect(clicked).toEqual(['a.xlsx'])

    mockFetch({ 'GET /api/v1/b/export': () => jsonResponse({ code: 'forbidden', message: '无权导出', field: '' }, 403) })
    const w2 = mount(ExportButton, { props: { url: '/b/export' } })
    await w2.find('button').trigger('click')
    await settle()
    expect(w2.emitted('done')).toBeUndefined()
  })

  it('is hidden without its permission', () => {
    const auth = useAuthStore()
    auth.user = { permissions: ['user:read'] } as unknown as User
    expect(mount(ExportButton, { props: { url: '/x', perm: 'user:export' } }).find('button').exists()).toBe(false)
    expect(mount(ExportButton, { props: { url: '/x', perm: 'user:read' } }).find('button').exists()).toBe(true)
  })

  it('导出选中 (N): the same export with the ticked ids, disabled while none is ticked', async () => {
    const f = mockFetch({ 'GET /api/v1/entities/export': () => new Response('xlsx') })
    const w = mount(ExportButton, { props: { url: '/entities/export', query: () => ({ kind: '企业', q: '' }), ids: [] as number[] } })
    expect(w.find('button').text()).toBe('导出选中 (0)')
    expect(w.find('button').attributes('disabled')).toBeDefined()
    await w.setProps({ ids: [3, 21] })
    expect(w.find('button').text()).toBe('导出选中 (2)')
    expect(w.find('button').classes()).toContain('export-selected')
    await w.find('button').trigger('click')
    await settle()
    const url = new URL(String(f.mock.calls[0][0]), 'http://x')
    expect(Object.fromEntries(url.searchParams)).toEqual({ kind: '企业', ids: '3,21' })
  })
})
