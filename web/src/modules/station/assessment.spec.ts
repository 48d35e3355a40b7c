import { describe, expect, it } from 'vitest'
import { periodChoices, points, totalCenti, weightCheck } from './assessment'

describe('station assessment logic', () => {
  it('totals each item as its share of its weight, rounded half up as the server does', () => {
    const items = [{ id: 1, weight: 50, max_score: 100 }, { id: 2, weight: 30, max_score: 7 }, { id: 3, weight: 20, max_score: 3 }]
    // 40.00 + 21.43 + 6.67 (see src/station/assessment_test.cc)
    expect(totalCenti(items, { 1: 80, 2: 5, 3: 1 })).toBe(4000 + 2143 + 667)
    expect(totalCenti(items, { 1: 100, 2: 7, 3: 3 })).toBe(10000)
    expect(totalCenti(items, { 1: null, 2: null, 3: null })).toBe(0)
    expect(totalCenti([{ id: 1, weight: 1, max_score: 8 }], { 1: 1 })).toBe(13)
  })

  it('shows hundredths of a point as points', () => {
    expect(points(7300)).toBe('73')
    expect(points(8550)).toBe('85.5')
    expect(points(6667)).toBe('66.67')
    expect(points(5)).toBe('0.05')
  })

  it('accepts a template only when the weights sum to 100 and every item is complete', () => {
    expect(weightCheck([{ name: '服务量', weight: 60, max_score: 100 }, { name: '满意度', weight: 40, max_score: 10 }])).toEqual({ sum: 100, ok: true })
    expect(weightCheck([{ name: '服务量', weight: 60, max_score: 100 }, { name: '满意度', weight: 30, max_score: 10 }]).ok).toBe(false)
    expect(weightCheck([{ name: '', weight: 100, max_score: 100 }]).ok).toBe(false)
    expect(weightCheck([{ name: 'x', weight: 100, max_score: 1001 }]).ok).toBe(false)
    expect(weightCheck([]).ok).toBe(false)
  })

  it('offers the periods of the template kind that have begun, newest first', () => {
    const today = new Date(2025, 7, 15) // 2025-08-15
    expect(periodChoices('year', today)).toEqual(['2025', '2024'])
    expect(periodChoices('half', today)).toEqual(['2025-H2', '2025-H1', '2024-H2', '2024-H1'])
    expect(periodChoices('quarter', today).slice(0, 4)).toEqual(['2025-Q3', '2025-Q2', '2025-Q1', '2024-Q4'])
    expect(periodChoices('month', today)[0]).toBe('2025-08')
    expect(periodChoices('month', today)).toHaveLength(8 + 12)
  })
})
