import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import DictTag from './DictTag.vue'
import { mockFetch, settle } from '@/test-utils'

afterEach(() => vi.unstubAllGlobals())

describe('DictTag', () => {
  it('loads the dictionary and shows labels for one or many values', async () => {
    const f = mockFetch({
      'GET /api/v1/dicts/roles': [
        { value: 'town_staff', label: '乡镇工作人员' },
        { value: 'county_staff', label: '县级工作人员' },
      ],
    })
    const w = mount(DictTag, { props: { dict: 'roles', value: ['town_staff', 'county_staff'] } })
    await settle()
    const tags = w.findAll('.dict-tag')
    expect(tags.map((t) => t.text())).toEqual(['乡镇工作人员', '县级工作人员'])
    // a second tag of the same dictionary reuses the cache
    const w2 = mount(DictTag, { props: { dict: 'roles', value: 'town_staff' } })
    await settle()
    expect(w2.text()).toBe('乡镇工作人员')
    expect(f).toHaveBeenCalledTimes(1)
  })

  it('falls back to the raw value and applies tag types', async () => {
    mockFetch({ 'GET /api/v1/dicts/user_status': [{ value: 'active', label: '正常' }] })
    const w = mount(DictTag, { props: { dict: 'user_status', value: ['active', 'weird'], types: { active: 'success' } } })
    await settle()
    const tags = w.findAll('.dict-tag')
    expect(tags[0].text()).toBe('正常')
    expect(tags[0].classes()).toContain('el-tag--success')
    expect(tags[1].text()).toBe('weird')
  })

  it('shows a dash for no value and survives a failing dictionary', async () => {
    mockFetch({})
    const w = mount(DictTag, { props: { dict: 'nope', value: null } })
    await settle()
    expect(w.find('.dict-empty').exists()).toBe(true)
  })
})
