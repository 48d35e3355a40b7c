import { describe, expect, it } from 'vitest'
import { deadlineState, fenOf, findingType, needs, newKey, nextExtraSlot, statusType } from './logic'
import type { Deadline } from './api'

const d = (over: Partial<Deadline>): Deadline => ({
  id: 1, project_id: 1, stage: 'review', started_on: '2019-09-27', working_days: 5, due_on: '2019-10-10',
  provisional: false, paused: false, pauses: '', calendar_version: 'v', closed_on: null, overdue: false, ...over,
})

describe('project rules mirrored from the server', () => {
  it('asks for a note, a grade or a rectification date where the server requires them', () => {
    expect(needs('pre_review', 'correction')).toEqual({ note: true, grade: false, rectifyBy: false })
    expect(needs('acceptance', 'evaluation')).toEqual({ note: false, grade: true, rectifyBy: false })
    expect(needs('evaluation', 'rectification')).toEqual({ note: true, grade: false, rectifyBy: true })
    expect(needs('evaluation', 'approval').note).toBe(false)
    expect(needs('rectification', 'approval').note).toBe(true)
    expect(needs('draft', 'submitted').note).toBe(false)
  })
  it('gives an added material the next free extra slot', () => {
    expect(nextExtraSlot(['trn_report'])).toBe('extra_1')
    expect(nextExtraSlot(['extra_1', 'extra_3'])).toBe('extra_2')
    expect(nextExtraSlot(Array.from({ length: 10 }, (_, i) => `extra_${i + 1}`))).toBeNull()
  })
  it('makes a new key per dialog', () => {
    expect(newKey()).not.toEqual(newKey())
  })
  it('shows why a deadline has no date', () => {
    expect(deadlineState(d({ paused: true, due_on: null }))).toBe('paused')
    expect(deadlineState(d({ provisional: true, due_on: null }))).toBe('provisional')
    expect(deadlineState(d({ overdue: true }))).toBe('overdue')
    expect(deadlineState(d({ due_soon: true }))).toBe('soon')
    expect(deadlineState(d({}))).toBe('open')
    expect(deadlineState(d({ closed_on: '2019-10-09' }))).toBe('closed')
  })
  it('reads yuan as fen and colours statuses', () => {
    expect(fenOf('50000')).toBe(5000000)
    expect(fenOf('12.5')).toBe(1250)
    expect(fenOf('1.234')).toBeNull()
    expect(statusType('failed')).toBe('danger')
  })
})

describe('finding status colours', () => {
  it('marks what is still to do, what awaits the check and what is closed apart', () => {
    expect(findingType('open')).toBe('danger')
    expect(findingType('submitted')).toBe('warning')
    expect(findingType('closed')).toBe('success')
  })
})
