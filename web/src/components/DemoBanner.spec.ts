// The demo banner: shown on a database `ruralec demo` made (GET /site says so), with its date;
// nothing on a real database or when the server cannot be asked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { mockFetch, settle } from '@/test-utils'
import { resetSite } from '@/utils/site'
import DemoBanner from './DemoBanner.vue'

describe('DemoBanner', () => {
  beforeEach(resetSite)
  afterEach(() => vi.unstubAllGlobals())

  it('says the data is generated demo data, with the date it was made', async () => {
    mockFetch({ 'GET /api/v1/site': { demo: true, demo_generated_on: '2026-12-06' } })
    const w = mount(DemoBanner)
    await settle(3)
    expect(w.find('.demo-banner').text()).toContain('演示数据库（生成于 2026-12-06）')
    expect(w.find('.demo-banner').attributes('role')).toBe('note')
  })

  it('shows nothing on a real database or when /site fails', async () => {
    mockFetch({ 'GET /api/v1/site': { demo: false, demo_generated_on: null } })
    const real = mount(DemoBanner)
    await settle(3)
    expect(real.find('.demo-banner').exists()).toBe(false)
    resetSite()
    mockFetch({})
    const failed = mount(DemoBanner)
    await settle(3)
    expect(failed.find('.demo-banner').exists()).toBe(false)
  })
})
