import { describe, expect, it } from 'vitest'
import { fullRegionCode, userLabel } from './format'

describe('userLabel', () => {
  it('prefers the display name, falls back to the id, then to a dash', () => {
    expect(userLabel('兰晓', 7)).toBe('兰晓')
    expect(userLabel('', 7)).toBe('#7')
    expect(userLabel(undefined, 0)).toBe('#0')
    expect(userLabel(null, null)).toBe('—')
  })
})

describe('fullRegionCode', () => {
  it('pads NBS prefixes to 12 digits and leaves other text alone', () => {
    expect(fullRegionCode('341302')).toBe('341302000000')
    expect(fullRegionCode(' 341302100001 ')).toBe('341302100001')
    expect(fullRegionCode('abc')).toBe('abc')
  })
})
