import { describe, expect, it } from 'vitest'
import { labels, nextStatuses, statusType } from './logic'

describe('station logic', () => {
  it('offers only the changes the server accepts', () => {
    expect(nextStatuses('planned')).toEqual(['building', 'exited'])
    expect(nextStatuses('operating')).toEqual(['suspended', 'exited'])
    expect(nextStatuses('suspended')).toContain('operating')
    expect(nextStatuses('exited')).toEqual([])
  })
  it('shows dictionary labels and unknown values as themselves', () => {
    const dict = [{ value: 'parcel_service', label: '快递代收代发', builtin: true }]
    expect(labels(['parcel_service', 'e_bank'], dict)).toEqual(['快递代收代发', 'e_bank'])
  })
  it('colours operating green and exited red', () => {
    expect(statusType('operating')).toBe('success')
    expect(statusType('exited')).toBe('danger')
  })
})
