import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import RegionCascader from './RegionCascader.vue'
import { mockFetch, settle } from '@/test-utils'
import { useAuthStore } from '@/stores/auth'
import type { User } from '@/api'

afterEach(() => vi.unstubAllGlobals())

const county = { code: '341302000000', name: '埇桥区', level: 'county', parent_code: '341300000000', tags: [], child_count: 2 }
const towns = [
  { code: '341302100000', name: '符离镇', level: 'town', parent_code: county.code, tags: [], child_count: 10 },
  { code: '341302101000', name: '夹沟镇', level: 'town', parent_code: county.code, tags: [], child_count: 0 },
]
const villages = [{ code: '341302100201', name: '符离村', level: 'village', parent_code: towns[0].code, tags: [], child_count: 0 }]

function routes() {
  return {
    [`GET /api/v1/regions/${county.code}`]: county,
    [`GET /api/v1/regions/${county.code}/children`]: { items: towns, total: 2, page: 1, page_size: 200 },
    [`GET /api/v1/regions/${towns[0].code}/children`]: { items: villages, total: 1, page: 1, page_size: 200 },
    [`GET /api/v1/regions/${villages[0].code}/path`]: [
      { code: '340000000000', name: '安徽省', level: 'province' },
      { code: '341300000000', name: '宿州市', level: 'city' },
      county,
      towns[0],
      villages[0],
    ],
  }
}

function asTownUser() {
  const auth = useAuthStore()
  auth.user = { region_code: county.code, permissions: ['region:read'] } as unknown as User
}

describe('RegionCascader', () => {
  it('starts at the user region and lazy-loads children with page_size 200', async () => {
    const f = mockFetch(routes())
    asTownUser()
    const w = mount(RegionCascader, { props: { modelValue: '' } })
    const vm = w.vm as unknown as { lazyLoad: (n: unknown, r: (o: unknown[]) => void) => Promise<void> }
    const root = await new Promise<unknown[]>((res) => vm.lazyLoad({ level: 0 }, res))
    expect(root).toEqual([{ code: county.code, name: '埇桥区', level: 'county', leaf: false }])
    const kids = await new Promise<{ code: string; leaf: boolean }[]>((res) => vm.lazyLoad({ level: 1, value: county.code }, res as never))
    expect(kids.map((k) => [k.code, k.leaf])).toEqual([
      [towns[0].code, false],
      [towns[1].code, true],
    ])
    const call = f.mock.calls.map((c) => String(c[0])).find((u) => u.includes('/children'))!
    expect(call).toBe(`/api/v1/regions/${county.code}/children?page_size=200`)
  })

  it('marks nodes at maxLevel as leaves', async () => {
    mockFetch(routes())
    asTownUser()
    const w = mount(RegionCascader, { props: { modelValue: '', maxLevel: 'town' } })
    const vm = w.vm as unknown as { lazyLoad: (n: unknown, r: (o: unknown[]) => void) => Promise<void> }
    const kids = await new Promise<{ leaf: boolean }[]>((res) => vm.lazyLoad({ level: 1, value: county.code }, res as never))
    expect(kids.every((k) => k.leaf)).toBe(true)
  })

  it('uses an explicit root and opens an initial value along its path, cut at the root', async () => {
    mockFetch(routes())
    asTownUser()
    const w = mount(RegionCascader, { props: { modelValue: villages[0].code, root: county.code } })
    await settle()
    const vm = w.vm as unknown as { path: string[] }
    expect(vm.path).toEqual([county.code, towns[0].code, villages[0].code])
  })

  it('emits the last code of the picked path, and empty when cleared', async () => {
    mockFetch(routes())
    asTownUser()
    const w = mount(RegionCascader, { props: { modelValue: '' } })
    await settle()
    const cascader = w.findComponent({ name: 'ElCascader' })
    cascader.vm.$emit('update:modelValue', [county.code, towns[0].code])
    expect(w.emitted('update:modelValue')!.at(-1)).toEqual([towns[0].code])
    cascader.vm.$emit('update:modelValue', null)
    expect(w.emitted('update:modelValue')!.at(-1)).toEqual([''])
  })

  it('leaves the value empty when it lies outside the scope', async () => {
    mockFetch({
      ...routes(),
      'GET /api/v1/regions/341322000000/path': [{ code: '341322000000', name: '萧县', level: 'county' }],
    })
    asTownUser()
    const w = mount(RegionCascader, { props: { modelValue: '341322000000' } })
    await settle()
    expect((w.vm as unknown as { path: string[] }).path).toEqual([])
  })
})
