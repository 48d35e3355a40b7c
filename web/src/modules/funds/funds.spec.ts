// The funds pages' pure rules: which fields a movement needs, shares in basis points, and the
// idempotency key a form keeps.
import { describe, expect, it } from 'vitest'
import { awaitsAcceptance, bpText, canReclaim, fieldsFor, newIdempotencyKey, recoveryKey, share } from './logic'

describe('fieldsFor', () => {
  it.each([
    ['arrive', { project: false, purpose: false, reverses: false }],
    ['give_back', { project: false, purpose: false, reverses: false }],
    ['commit', { project: true, purpose: true, reverses: false }],
    ['advance', { project: true, purpose: false, reverses: false }],
    ['pay', { project: true, purpose: false, reverses: false }],
    ['clawback', { project: true, purpose: false, reverses: false }],
    ['reverse', { project: false, purpose: false, reverses: true }],
  ] as const)('%s', (op, want) => {
    expect(fieldsFor(op)).toEqual(want)
  })
})

describe('bpText', () => {
  it.each([
    [1500, '15.0%'],
    [1501, '15.0%'],
    [1510, '15.1%'],
    [5500, '55.0%'],
    [0, '0.0%'],
    [10000, '100.0%'],
    [null, '—'],
  ])('%s → %s', (bp, want) => {
    expect(bpText(bp)).toBe(want)
  })
})

describe('share', () => {
  it('is a whole percentage within 0–100 and 0 for an empty whole', () => {
    expect(share(150, 300)).toBe(50)
    expect(share(1, 3)).toBe(33)
    expect(share(500, 300)).toBe(100)
    expect(share(5, 0)).toBe(0)
  })
})

describe('newIdempotencyKey', () => {
  it('differs per form and carries its prefix', () => {
    const a = newIdempotencyKey('web')
    const b = newIdempotencyKey('web')
    expect(a).not.toBe(b)
    expect(a.startsWith('web-')).toBe(true)
  })
})

describe('reclaims', () => {
  it('offers the reclaim of an item with something over-paid only', () => {
    expect(canReclaim({ status: 'open', reclaim_fen: 500 })).toBe(true)
    expect(canReclaim({ status: 'open', reclaim_fen: 0 })).toBe(false)
    // settled, its reclaim reversed: raised again
    expect(canReclaim({ status: 'paid', reclaim_fen: 500 })).toBe(true)
    expect(canReclaim({ status: 'paid', reclaim_fen: 0 })).toBe(false)
    expect(canReclaim({ status: 'superseded', reclaim_fen: 500 })).toBe(false)
  })
  it('offers to record the acceptance of an open item that waits for it only', () => {
    expect(awaitsAcceptance({ status: 'open', acceptance_status: 'pending' })).toBe(true)
    expect(awaitsAcceptance({ status: 'open', acceptance_status: 'accepted' })).toBe(false)
    expect(awaitsAcceptance({ status: 'open', acceptance_status: 'not_required' })).toBe(false)
    expect(awaitsAcceptance({ status: 'superseded', acceptance_status: 'pending' })).toBe(false)
  })
  it('keys a recovery by the reclaim and the voucher', () => {
    expect(recoveryKey(3, ' 缴款书01 ')).toBe('award-reclaim-3-recover-缴款书01')
  })
})
