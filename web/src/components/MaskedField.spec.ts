import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import MaskedField from './MaskedField.vue'
import { jsonResponse, mockFetch, settle } from '@/test-utils'
import { useAuthStore } from '@/stores/auth'
import type { User } from '@/api'

afterEach(() => vi.unstubAllGlobals())

describe('MaskedField', () => {
  it('shows the masked value and reveals it through the audited pii URL', async () => {
    const f = mockFetch({ 'GET /api/v1/users/7/pii/mobile': { mobile: '13800138000' } })
    const w = mount(MaskedField, { props: { masked: '138****8000', url: '/users/7/pii/mobile' } })
    expect(w.find('.masked-value').text()).toBe('138****8000')
    await w.find('.masked-show').trigger('click')
    await settle()
    expect(f).toHaveBeenCalledOnce()
    expect(String(f.mock.calls[0][0])).toBe('/api/v1/users/7/pii/mobile')
    expect(w.find('.masked-value').text()).toBe('13800138000')
    await w.find('.masked-hide').trigger('click')
    expect(w.find('.masked-value').text()).toBe('138****8000')
  })

  it('uses the field prop to pick the value', async () => {
    mockFetch({ 'GET /api/v1/trainees/3/pii/id': { id_number: '110101199003071234' } })
    const w = mount(MaskedField, { props: { masked: '1101**********1234', url: '/trainees/3/pii/id', field: 'id_number' } })
    await w.find('.masked-show').trigger('click')
    await settle()
    expect(w.find('.masked-value').text()).toBe('110101199003071234')
  })

  it('keeps the masked value when the server refuses', async () => {
    mockFetch({ 'GET /api/v1/users/7/pii/mobile': () => jsonResponse({ code: 'forbidden', message: '无权查看', field: '' }, 403) })
    const w = mount(MaskedField, { props: { masked: '138****8000', url: '/users/7/pii/mobile' } })
    await w.find('.masked-show').trigger('click')
    await settle()
    expect(w.find('.masked-value').text()).toBe('138****8000')
  })

  it('hides the show button without the permission or without a value', () => {
    const auth = useAuthStore()
    auth.user = { permissions: ['user:read'] } as unknown as User
    expect(mount(MaskedField, { props: { masked: '138****8000', url: '/x/pii/mobile', perm: 'pii:read' } }).find('.masked-show').exists()).toBe(false)
    expect(mount(MaskedField, { props: { masked: null, url: '/x/pii/mobile' } }).find('.masked-show').exists()).toBe(false)
    expect(mount(MaskedField, { props: { masked: '138****8000', url: '/x/pii/mobile', perm: 'user:read' } }).find('.masked-show').exists()).toBe(true)
  })
})
