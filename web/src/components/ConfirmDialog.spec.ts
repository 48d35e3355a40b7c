import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ConfirmDialog from './ConfirmDialog.vue'
import { settle } from '@/test-utils'

function find(sel: string) {
  return document.body.querySelector(sel) as HTMLElement | null
}

describe('ConfirmDialog', () => {
  it('runs the action, then emits confirmed and closes', async () => {
    const action = vi.fn().mockResolvedValue({ ok: 1 })
    const w = mount(ConfirmDialog, { props: { modelValue: true, message: '确定停用用户「张三」吗？', action }, attachTo: document.body })
    await settle()
    expect(document.body.textContent).toContain('确定停用用户「张三」吗？')
    expect(document.body.textContent).toContain('此操作不可撤销')
    find('.confirm-ok')!.click()
    await settle()
    expect(action).toHaveBeenCalledOnce()
    expect(w.emitted('confirmed')![0]).toEqual([{ ok: 1 }])
    expect(w.emitted('update:modelValue')![0]).toEqual([false])
    w.unmount()
  })

  it('keeps the dialog open and shows the error message when the action fails', async () => {
    const action = vi.fn().mockRejectedValue(new Error('不能停用自己的账号'))
    const w = mount(ConfirmDialog, { props: { modelValue: true, message: 'x', action }, attachTo: document.body })
    await settle()
    find('.confirm-ok')!.click()
    await settle()
    expect(find('.confirm-error')!.textContent).toContain('不能停用自己的账号')
    expect(w.emitted('update:modelValue')).toBeUndefined()
    expect(w.emitted('failed')).toHaveLength(1)
    w.unmount()
  })

  it('requires the typed confirmation text when asked', async () => {
    const action = vi.fn()
    const w = mount(ConfirmDialog, { props: { modelValue: true, message: 'x', requireText: 'zhangsan', action }, attachTo: document.body })
    await settle()
    const ok = find('.confirm-ok') as HTMLButtonElement
    expect(ok.disabled).toBe(true)
    const input = find('.confirm-typed input') as HTMLInputElement
    input.value = 'zhangsan'
    input.dispatchEvent(new Event('input'))
    await settle()
    expect((find('.confirm-ok') as HTMLButtonElement).disabled).toBe(false)
    find('.confirm-ok')!.click()
    await settle()
    expect(action).toHaveBeenCalledOnce()
    w.unmount()
  })

  it('cancel closes without running the action', async () => {
    const action = vi.fn()
    const w = mount(ConfirmDialog, { props: { modelValue: true, message: 'x', action }, attachTo: document.body })
    await settle()
    find('.confirm-cancel')!.click()
    await settle()
    expect(action).not.toHaveBeenCalled()
    expect(w.emitted('update:modelValue')![0]).toEqual([false])
    w.unmount()
  })
})
