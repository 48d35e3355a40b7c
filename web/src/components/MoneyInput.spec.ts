import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import MoneyInput from './MoneyInput.vue'
import { formatFen, parseYuan } from '@/utils/money'

describe('parseYuan / formatFen', () => {
  it('parses the typed digits without float rounding', () => {
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 }) // parseFloat*100 gives 28.999…
    expect(parseYuan('1.15')).toEqual({ ok: true, fen: 115 })
    expect(parseYuan('4.35')).toEqual({ ok: true, fen: 435 })
    expect(parseYuan('1,234,567.8')).toEqual({ ok: true, fen: 123456780 })
    expect(parseYuan('￥12')).toEqual({ ok: true, fen: 1200 })
    expect(parseYuan('.5')).toEqual({ ok: true, fen: 50 })
    expect(parseYuan('7.')).toEqual({ ok: true, fen: 700 })
    expect(parseYuan('0012.30')).toEqual({ ok: true, fen: 1230 })
    expect(parseYuan('')).toEqual({ ok: true, fen: null })
    expect(parseYuan('90071992547409.91')).toEqual({ ok: true, fen: 9007199254740991 })
  })

  it('rejects bad input, extra decimals, negatives unless allowed, and overflow', () => {
    expect(parseYuan('1.234').ok).toBe(false)
    expect(parseYuan('abc').ok).toBe(false)
    expect(parseYuan('1e5').ok).toBe(false)
    expect(parseYuan('.').ok).toBe(false)
    expect(parseYuan('-5').ok).toBe(false)
    expect(parseYuan('-5.5', true)).toEqual({ ok: true, fen: -550 })
    expect(parseYuan('100000000000000').ok).toBe(false)
  })

  it('formats fen as yuan with two decimals', () => {
    expect(formatFen(29)).toBe('0.29')
    expect(formatFen(123456780, true)).toBe('1,234,567.80')
    expect(formatFen(-550)).toBe('-5.50')
    expect(formatFen(0)).toBe('0.00')
    expect(formatFen(null)).toBe('')
  })

  it('round-trips every cent amount up to 10 yuan', () => {
    for (let fen = 0; fen <= 1000; fen++) expect(parseYuan(formatFen(fen))).toEqual({ ok: true, fen })
  })
})

describe('MoneyInput', () => {
  it('shows the fen value in yuan and emits fen for typed yuan', async () => {
    const w = mount(MoneyInput, { props: { modelValue: 12345 } })
    const input = w.find('input')
    expect((input.element as HTMLInputElement).value).toBe('123.45')
    await input.setValue('0.29')
    expect(w.emitted('update:modelValue')!.at(-1)).toEqual([29])
    await input.setValue('19.99')
    expect(w.emitted('update:modelValue')!.at(-1)).toEqual([1999])
  })

  it('shows an error for more than two decimals and does not emit', async () => {
    const w = mount(MoneyInput, { props: { modelValue: null } })
    await w.find('input').setValue('1.234')
    expect(w.find('.money-error').text()).toContain('最多两位小数')
    expect(w.emitted('update:modelValue')).toBeUndefined()
    expect(w.find('input').attributes('aria-invalid')).toBe('true')
  })

  it('checks min and max in fen', async () => {
    const w = mount(MoneyInput, { props: { modelValue: null, min: 100, max: 120000 } })
    await w.find('input').setValue('0.5')
    expect(w.find('.money-error').text()).toContain('不能小于 1.00 元')
    await w.find('input').setValue('1200.01')
    expect(w.find('.money-error').text()).toContain('不能大于 1200.00 元')
    await w.find('input').setValue('1200')
    expect(w.find('.money-error').exists()).toBe(false)
  })

  it('reformats on blur and follows outside changes', async () => {
    const w = mount(MoneyInput, { props: { modelValue: null } })
    const input = w.find('input')
    await input.setValue('5')
    await input.trigger('blur')
    expect((input.element as HTMLInputElement).value).toBe('5.00')
    await w.setProps({ modelValue: 100 })
    expect((w.find('input').element as HTMLInputElement).value).toBe('1.00')
  })

  it('empties to null', async () => {
    const w = mount(MoneyInput, { props: { modelValue: 100 } })
    await w.find('input').setValue('')
    expect(w.emitted('update:modelValue')!.at(-1)).toEqual([null])
  })
})
