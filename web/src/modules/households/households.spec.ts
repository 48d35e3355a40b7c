import { describe, expect, it } from 'vitest'
import { coverageType, missing, missingPurchase, purchaseBody, purchaseForm, ratePercent, splitProducts, statusType } from './logic'
import type { HouseholdInput, Purchase } from './api'

const form = (over: Partial<HouseholdInput> = {}): HouseholdInput => ({
  region_code: '341302100201', head_name: '张三', id_number: '341302198001011233', members: 3, status: 'registered',
  willing: false, able: false, products: [], helpers: [], ...over,
})

describe('household logic', () => {
  it('asks for a village, a name, an 18-character ID and the dates the flags need', () => {
    expect(missing(form())).toEqual([])
    expect(missing(form({ region_code: '341302100000' }))).toEqual(['region_code'])
    expect(missing(form({ id_number: '34130219800101123' }))).toEqual(['id_number'])
    expect(missing(form({ id_number: '34130219660808654x' }))).toEqual([])
    expect(missing(form({ status: 'lifted' }))).toEqual(['lifted_year'])
    expect(missing(form({ willing: true, able: true, able_on: '2023-03-01' }))).toEqual(['willing_on'])
  })
  it('lets an edit leave the name and ID number empty (kept by the server), not a wrong one', () => {
    expect(missing(form({ head_name: '', id_number: '' }))).toEqual(['head_name', 'id_number'])
    expect(missing(form({ head_name: '', id_number: '' }), true)).toEqual([])
    expect(missing(form({ id_number: '34130219800101123' }), true)).toEqual(['id_number'])
  })
  it('splits products on the separators the import accepts', () => {
    expect(splitProducts('酥梨、山芋，大豆; 红薯 ')).toEqual(['酥梨', '山芋', '大豆', '红薯'])
    expect(splitProducts('')).toEqual([])
  })
  it('shows coverage as a percent with a colour per band', () => {
    expect(ratePercent(7500)).toBe('75.0%')
    expect(ratePercent(null)).toBe('—')
    const c = (rate_bp: number | null) => ({ region_code: 'x', name: 'x', covered: 0, eligible: 0, rate_bp })
    expect(coverageType(c(10000))).toBe('success')
    expect(coverageType(c(5000))).toBe('warning')
    expect(coverageType(c(4999))).toBe('danger')
    expect(coverageType(c(null))).toBe('info')
    expect(statusType('lifted')).toBe('success')
  })
  it('asks a purchase form for what the server needs, the reason only when correcting', () => {
    const blank = purchaseForm()
    expect(missingPurchase(blank, false)).toEqual(['entity_id', 'product', 'quantity', 'amount_fen', 'purchased_on', 'evidence_no'])
    const full = { ...blank, entity_id: 7, product: ' 酥梨 ', quantity: 300, amount_fen: 75000, purchased_on: '2023-09-02', evidence_no: 'SJ-1' }
    expect(missingPurchase(full, false)).toEqual([])
    expect(missingPurchase(full, true)).toEqual(['reason'])
    expect(purchaseBody(full, 12)).toEqual({
      entity_id: 7, seller_kind: 'household', household_id: 12, product: '酥梨', quantity: 300, unit: '斤', amount_fen: 75000,
      purchased_on: '2023-09-02', evidence_kind: 'receipt', evidence_no: 'SJ-1',
    })
    expect(purchaseBody({ ...full, agreement_id: 4, listing_id: 9 }, 12)).toMatchObject({ agreement_id: 4, listing_id: 9 })
  })
  it('fills the correction form from the purchase, the reason left to the user', () => {
    const p = { id: 3, entity_id: 7, product: '山药', quantity: 20, unit: '公斤', amount_fen: 12000, purchased_on: '2023-10-01', evidence_kind: 'transfer', evidence_no: 'T9' } as Purchase
    const f = purchaseForm(p)
    expect(f).toMatchObject({ entity_id: 7, product: '山药', quantity: 20, unit: '公斤', amount_fen: 12000, evidence_kind: 'transfer', evidence_no: 'T9', reason: '' })
    expect(f).toMatchObject({ agreement_id: null, listing_id: null })
    expect(purchaseForm({ ...p, agreement_id: 4, listing_id: null })).toMatchObject({ agreement_id: 4, listing_id: null })
  })
})
