import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import StateView from './StateView.vue'

describe('StateView', () => {
  it('shows the loading state with a status role', () => {
    const w = mount(StateView, { props: { state: 'loading' } })
    expect(w.attributes('role')).toBe('status')
    expect(w.text()).toContain('加载中')
  })

  it('shows the empty state with the default or a custom text', () => {
    expect(mount(StateView, { props: { state: 'empty' } }).text()).toContain('暂无数据')
    expect(mount(StateView, { props: { state: 'empty', message: '没有用户' } }).text()).toContain('没有用户')
  })

  it('shows the error message as an alert and emits retry', async () => {
    const w = mount(StateView, { props: { state: 'error', message: '服务器错误' } })
    expect(w.attributes('role')).toBe('alert')
    expect(w.text()).toContain('服务器错误')
    await w.find('.state-retry').trigger('click')
    expect(w.emitted('retry')).toHaveLength(1)
  })

  it('hides the retry button when retry is false', () => {
    const w = mount(StateView, { props: { state: 'error', retry: false } })
    expect(w.find('.state-retry').exists()).toBe(false)
  })
})
