import { describe, expect, it } from 'vitest'
import { movesFor, shortHash, statusType } from './logic'
import type { Publication } from './api'

const base = { created_by_id: 1, submitted_by_id: null } as unknown as Publication
const pub = (status: Publication['status'], extra: Partial<Publication> = {}) => ({ ...base, status, ...extra }) as Publication
const all = { edit: true, approve: true }

describe('the moves the console offers', () => {
  it('lets the maker submit a draft and nobody publish it yet', () => {
    expect(movesFor(pub('draft'), 1, all)).toEqual({ submit: true, publish: false, withdraw: true, discard: true, own: true })
  })
  it('offers publishing a submitted draft, marked as own for its maker or submitter', () => {
    expect(movesFor(pub('submitted', { submitted_by_id: 1 }), 2, all)).toMatchObject({ publish: true, own: false })
    expect(movesFor(pub('submitted', { submitted_by_id: 3 }), 3, all)).toMatchObject({ publish: true, own: true })
    expect(movesFor(pub('submitted'), '1', all).own).toBe(true)
  })
  it('needs the approve permission to publish or withdraw', () => {
    expect(movesFor(pub('submitted'), 2, { edit: true, approve: false }).publish).toBe(false)
    expect(movesFor(pub('published'), 2, { edit: true, approve: false }).withdraw).toBe(false)
    expect(movesFor(pub('superseded'), 2, all)).toMatchObject({ withdraw: true, discard: false })
    expect(movesFor(pub('submitted'), 2, all)).toMatchObject({ withdraw: true, discard: true })
    expect(movesFor(pub('withdrawn'), 2, all)).toMatchObject({ submit: false, publish: false, withdraw: false })
  })
  it('colours the states and shortens hashes', () => {
    expect(statusType('published')).toBe('success')
    expect(statusType('withdrawn')).toBe('danger')
    expect(statusType('draft')).toBe('info')
    expect(shortHash('0123456789abcdef0123')).toBe('0123…0123')
    expect(shortHash('abc')).toBe('abc')
  })
})
