// Choosing the same file again after fixing it must be a new choice: a file input fires no
// `change` when its value is unchanged, so FileDrop empties it after every choice (issue 26 item 6).
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import FileDrop from './FileDrop.vue'

describe('FileDrop', () => {
  it('emits the chosen file and empties the input so the same file can be chosen again', async () => {
    const w = mount(FileDrop, { props: { accept: '.xlsx', prompt: 'p', hint: 'h', file: null } })
    const input = w.find('input[type=file]').element as HTMLInputElement
    const file = new File(['x'], '主体.xlsx')
    const setValue = vi.fn()
    Object.defineProperty(input, 'files', { get: () => [file] })
    Object.defineProperty(input, 'value', { get: () => 'C:\\fakepath\\主体.xlsx', set: setValue })
    await w.find('input[type=file]').trigger('change')
    expect(w.emitted('pick')![0]).toEqual([file])
    expect(setValue).toHaveBeenCalledWith('')
  })
})
