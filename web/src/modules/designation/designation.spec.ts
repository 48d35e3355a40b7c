import { describe, expect, it } from 'vitest'
import { nextStatuses, percentOf, quotaRows, required, statusType, subjectOf } from './logic'
import type { ProgrammeProgress, ProgressLine } from '../programme/api'

const line = (code: string, goal: number | null, actual: number | null): ProgressLine => ({
  region_code: code, region_name: code, goal, actual, percent: null, status: 'behind', reason: '',
})

describe('designation logic', () => {
  it('offers only the changes the server accepts', () => {
    expect(nextStatuses('candidate')).toEqual(['applied', 'recognised', 'revoked'])
    expect(nextStatuses('applied')).toEqual(['recognised', 'revoked'])
    expect(nextStatuses('recognised')).toEqual(['revoked'])
    expect(nextStatuses('revoked')).toEqual([])
  })
  it('asks for the document when recognising and a reason when revoking', () => {
    expect(required('recognised')).toEqual({ document: true, reason: false })
    expect(required('revoked')).toEqual({ document: false, reason: true })
    expect(required('applied')).toEqual({ document: false, reason: false })
  })
  it('designates a station for points, an entity for enterprises, a region otherwise', () => {
    expect(subjectOf('point')).toBe('station')
    expect(subjectOf('enterprise')).toBe('entity')
    expect(subjectOf('park')).toBe('region')
    expect(statusType('recognised')).toBe('success')
    expect(statusType('revoked')).toBe('danger')
  })
  it('lists each demonstration target with its quota lines, other targets left out', () => {
    const progress = {
      programme_id: 1, today: '2019-06-01', tasks: [],
      targets: [
        { target_id: 'T01', indicator: 'rural_online_sales', region: line('341302', 10, 1), quotas: [] },
        { target_id: 'T04', indicator: 'demonstration_units', due: '2019-12-31', region: line('341302', 25, 3), quotas: [line('341302100', 1, 1), line('341302101', 1, 0)] },
      ],
    } as unknown as ProgrammeProgress
    const rows = quotaRows('埇桥区方案', progress, { T04: { level: 'any', kind: 'village' } })
    expect(rows.map((r) => [r.target_id, r.line.region_code, r.total])).toEqual([
      ['T04', '341302', true], ['T04', '341302100', false], ['T04', '341302101', false],
    ])
    expect(rows[0].kind).toBe('village')
  })
  it('caps the progress bar at 100 and shows 0 without a figure', () => {
    expect(percentOf(line('x', 4, 1))).toBe(25)
    expect(percentOf(line('x', 1, 3))).toBe(100)
    expect(percentOf(line('x', null, 3))).toBe(0)
    expect(percentOf(line('x', 2, null))).toBe(0)
  })
})
