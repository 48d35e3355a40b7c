import { describe, expect, it } from 'vitest'
import { defaultDay, labels, matrixRows, normalizeCode, personTimeQuotas, personTimes, presentOn, sessionDays } from './logic'
import { certificatePdfUrl, type AttendanceRow, type PersonTimesMatrix } from './api'

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
  it('builds the quota matrix: towns × levels with the programme quota and the share reached', () => {
    const m: PersonTimesMatrix = {
      region_code: '341302000000', year: 2023, total: 5, by_level: { beginner: 4, elite: 1 },
      levels: [{ value: 'beginner', label: '初级班' }, { value: 'elite', label: '精英班' }],
      rows: [
        { region_code: '341302100000', region_name: '符离镇', by_level: { beginner: 3, elite: 1 }, total: 4 },
        { region_code: '341302101000', region_name: '芦岭镇', by_level: { beginner: 1 }, total: 1 },
      ],
    }
    const quotas = personTimeQuotas({
      targets: [
        { indicator: 'rural_online_sales', quotas: [{ region_code: '341302100', goal: 99 }] },
        { indicator: 'training_person_times', quotas: [{ region_code: '341302100', goal: 3 }, { region_code: '341302101000', goal: 3 }] },
      ],
    })
    expect(quotas).toEqual({ '341302100000': 3, '341302101000': 3 })
    const rows = matrixRows(m, quotas)
    expect(rows.map((r) => [r.region_name, r.cells, r.total, r.quota, r.percent])).toEqual([
      ['符离镇', [3, 1], 4, 3, 133],
      ['芦岭镇', [1, 0], 1, 3, 33],
      ['', [4, 1], 5, 6, 83],
    ])
    // Without a programme: no quota, no share; a town without a quota leaves the total's quota open.
    expect(matrixRows(m, {}).map((r) => r.percent)).toEqual([null, null, null])
    expect(matrixRows(m, { '341302100000': 3 })[2].quota).toBeNull()
  })
  it('links the server-made PDF certificate with the console origin for its QR code', () => {
    expect(certificatePdfUrl('ABCD2345EFGH', 'https://ruralec.example.org')).toBe('/api/v1/training/certificates/ABCD2345EFGH/pdf?base=https%3A%2F%2Fruralec.example.org')
  })
})
