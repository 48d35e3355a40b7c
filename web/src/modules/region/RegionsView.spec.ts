import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import RegionsView from './RegionsView.vue'
import { router } from '@/router'
import { jsonResponse, mockFetch, settle } from '@/test-utils'
import { useAuthStore } from '@/stores/auth'
import { useAppStore } from '@/stores/app'
import type { User } from '@/api'

afterEach(() => vi.unstubAllGlobals())

const town = { code: '341302001000', name: '埇桥街道', level: 'town', parent_code: '341302000000', tags: [], child_count: 2 }
const villages = [
  { code: '341302001001', name: '东仙桥社区居委会', level: 'village', parent_code: town.code, tags: ['poverty_village'], child_count: 0 },
  { code: '341302001002', name: '西仙桥社区居委会', level: 'village', parent_code: town.code, tags: [], child_count: 0 },
]

function signIn(perms: string[]) {
  const auth = useAuthStore()
  auth.setSession({ id: 1, username: 't', region_code: town.code, region_name: town.name, permissions: perms, roles: ['town_staff'] } as unknown as User, 'c')
  auth.probed = true
}

describe('RegionsView', () => {
  it("shows the user's region with its villages and tag labels", async () => {
    mockFetch({
      [`GET /api/v1/regions/${town.code}`]: town,
      [`GET /api/v1/regions/${town.code}/path`]: [town],
      [`GET /api/v1/regions/${town.code}/children`]: { items: villages, total: 2, page: 1, page_size: 20 },
      'GET /api/v1/region-tags': [{ name: 'poverty_village', label: '贫困村', builtin: true }],
    })
    signIn(['region:read', 'region:tag:edit'])
    await router.push('/regions')
    const w = mount(RegionsView, { global: { plugins: [router] }, attachTo: document.body })
    await settle(6)
    expect(w.find('.region-name').text()).toBe('埇桥街道')
    expect(w.findAll('.region-children .el-table__row')).toHaveLength(2)
    expect(w.find('.region-children').text()).toContain('贫困村')
    expect(w.find('.edit-tags').exists()).toBe(true)
    w.unmount()
  })

  it('hides tag editing without region:tag:edit', async () => {
    mockFetch({
      [`GET /api/v1/regions/${town.code}`]: town,
      [`GET /api/v1/regions/${town.code}/path`]: [town],
      [`GET /api/v1/regions/${town.code}/children`]: { items: villages, total: 2, page: 1, page_size: 20 },
      'GET /api/v1/region-tags': [],
    })
    signIn(['region:read'])
    await router.push('/regions')
    const w = mount(RegionsView, { global: { plugins: [router] }, attachTo: document.body })
    await settle(6)
    expect(w.find('.region-name').exists()).toBe(true)
    expect(w.find('.edit-tags').exists()).toBe(false)
    w.unmount()
  })

  it('shows the 403 page when the API refuses a region outside the scope', async () => {
    mockFetch({
      'GET /api/v1/regions/341302002000': () => jsonResponse({ code: 'forbidden', message: '超出数据范围', field: '' }, 403),
      'GET /api/v1/region-tags': [],
    })
    signIn(['region:read'])
    await router.push('/regions/341302002000')
    const w = mount(RegionsView, { global: { plugins: [router] }, attachTo: document.body })
    await settle(6)
    expect(useAppStore().errorPage).toBe(403)
    w.unmount()
  })
})
