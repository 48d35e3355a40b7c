import { describe, expect, it } from 'vitest'
import { wan, yuan } from './money'

describe('money display from fen', () => {
  it('prints yuan with grouping and 万元 from the digits, never through float', () => {
    expect(yuan(12345678)).toBe('123,456.78')
    expect(yuan(29)).toBe('0.29')
    expect(yuan(0)).toBe('0.00')
    expect(yuan(null)).toBe('—')
    expect(wan(1_000_000_000)).toBe('1,000') // 1000万元, the seeds' entity threshold
    expect(wan(125_000_000)).toBe('125')
    expect(wan(1_250_000)).toBe('1.25')
    expect(wan(1)).toBe('0.000001')
    expect(wan(-1_250_000)).toBe('-1.25')
    // 0.07万元 = 700 元 = 70000 fen; float would give 0.06999999999999999 for 7/100
    expect(wan(70_000)).toBe('0.07')
  })
})
