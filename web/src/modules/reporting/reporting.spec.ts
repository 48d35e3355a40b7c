import { describe, expect, it } from 'vitest'
import { fromBase, recentQuarters, statusType, toBase } from './logic'

describe('reported values in the display unit', () => {
  it.each([
    ['12.5', 1000, { value: 12500 }],
    ['12', 1000, { value: 12000 }],
    ['0.001', 1000, { value: 1 }],
    ['0.0001', 1000, { error: 'precision' }],
    ['98.50', 100, { value: 9850 }],
    ['3', 1, { value: 3 }],
    ['3.5', 1, { error: 'precision' }],
    ['-1', 1, { error: 'number' }],
    ['1e3', 1, { error: 'number' }],
    ['', 100, { error: 'required' }],
    ['99999999999999999', 1, { error: 'number' }],
  ])('%s with factor %d', (text, factor, want) => {
    expect(toBase(text, factor)).toEqual(want)
  })
  it('shows stored values exactly', () => {
    expect(fromBase(12500, 1000)).toBe('12.5')
    expect(fromBase(1, 1000)).toBe('0.001')
    expect(fromBase(9850, 100)).toBe('98.5')
    expect(fromBase(7, 1)).toBe('7')
  })
  it('offers the current quarter and the ones before it', () => {
    expect(recentQuarters(new Date(2023, 10, 15), 3)).toEqual(['2023Q4', '2023Q3', '2023Q2'])
    expect(recentQuarters(new Date(2024, 0, 2), 2)).toEqual(['2024Q1', '2023Q4'])
  })
  it('colours statuses', () => {
    expect(statusType('confirmed')).toBe('success')
    expect(statusType('pending')).toBe('warning')
    expect(statusType('rejected')).toBe('danger')
  })
})
