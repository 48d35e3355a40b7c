import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'

const setOption = vi.fn()
const dispose = vi.fn()
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ setOption, dispose, resize: vi.fn() })),
}))

import EChart from './EChart.vue'

describe('EChart', () => {
  it('renders the option, follows changes and disposes on unmount', async () => {
    const w = mount(EChart, { props: { option: { series: [{ type: 'bar', data: [1] }] }, ariaLabel: '图' } })
    expect(setOption).toHaveBeenCalledWith({ series: [{ type: 'bar', data: [1] }] })
    expect(w.attributes('role')).toBe('img')
    expect(w.attributes('aria-label')).toBe('图')
    await w.setProps({ option: { series: [{ type: 'bar', data: [2] }] } })
    expect(setOption).toHaveBeenLastCalledWith({ series: [{ type: 'bar', data: [2] }] }, true)
    w.unmount()
    expect(dispose).toHaveBeenCalled()
  })
})
