import { describe, expect, it } from 'vitest'
import { defaultDay, labels, normalizeCode, personTimes, presentOn, sessionDays } from './logic'
import type { AttendanceRow } from './api'

const row = (id: number, days: string[]): AttendanceRow => ({
  trainee_id: id, name: '学员' + id, id_number_masked: '341302********0016', region_code: '341302100201',
  days, score: null, result: null, certificate_code: null,
})

describe('training logic', () => {
  it('lists every day of a session, month ends included', () => {
    expect(sessionDays({ starts_on: '2024-02-28', ends_on: '2024-03-01' })).toEqual(['2024-02-28', '2024-02-29', '2024-03-01'])
    expect(sessionDays({ starts_on: '2024-05-02', ends_on: '2024-05-01' })).toEqual([])
  })
  it('opens on today while the session runs, else its nearest day', () => {
    const s = { starts_on: '2024-05-01', ends_on: '2024-05-03' }
    expect(defaultDay(s, '2024-05-02')).toBe('2024-05-02')
    expect(defaultDay(s, '2024-06-01')).toBe('2024-05-03')
    expect(defaultDay(s, '2024-04-01')).toBe('2024-05-01')
  })
  it('ticks who attended the day and counts 人次 per session, not per day', () => {
    const rows = [row(1, ['2024-05-01', '2024-05-02']), row(2, ['2024-05-02']), row(3, [])]
    expect(presentOn(rows, '2024-05-02')).toEqual([1, 2])
    expect(presentOn(rows, '2024-05-01')).toEqual([1])
    expect(personTimes(rows)).toBe(2)
  })
  it('shows dictionary labels and normalizes a typed certificate code', () => {
    expect(labels(['beginner', 'x'], [{ value: 'beginner', label: '初级班', builtin: true }])).toEqual(['初级班', 'x'])
    expect(normalizeCode(' abcd-efgh 2345 ')).toBe('ABCDEFGH2345')
  })
})
