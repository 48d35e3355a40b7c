import { describe, expect, it } from 'vitest'
import { agreementMissing, demandMissing, distanceText, listingChanges, listingMissing, matchedPercent, monthsOf, offerOf, reasonLine, scoreType, termsOf, unitPrice } from './matchingLogic'
import type { Agreement, AgreementInput, DemandInput, Listing, ListingInput } from './matching'

const listing = (over: Partial<ListingInput> = {}): ListingInput => ({
  station_id: 3, village_code: '341302100201', seller_name: '李四', contact: '13800138000', product: '酥梨', unit: '斤',
  quantity: 800, available_from: '2023-11-10', available_to: '2023-12-31', ...over,
})
const demand = (over: Partial<DemandInput> = {}): DemandInput => ({
  product: '酥梨', unit: '斤', quantity: 1000, wanted_from: '2023-11-15', wanted_to: '2023-12-15', ...over,
})
const agreement = (over: Partial<AgreementInput> = {}): AgreementInput => ({
  agreement_no: 'HT-1', title: '订单', model: 'order_farming', signed_on: '2023-03-01', valid_from: '2023-03-01', valid_to: '2024-02-29',
  parties: [{ kind: 'coop', name: '合作社' }], products: [{ product: '酥梨', quantity: 100, unit: '斤' }], ...over,
})

describe('matching logic', () => {
  it('asks for the fields the server would refuse, by their API names', () => {
    expect(listingMissing(listing())).toEqual([])
    expect(listingMissing(listing({ contact: '138' }))).toEqual(['contact'])
    expect(listingMissing(listing({ village_code: '341302100000' }))).toEqual(['village_code'])
    expect(listingMissing(listing({ village_code: '', household_id: 7 }))).toEqual([])
    expect(listingMissing(listing({ available_to: '2023-11-01' }))).toEqual(['available_to'])
    expect(listingMissing(listing({ station_id: null, quantity: 0 }))).toEqual(['station_id', 'quantity'])
    expect(demandMissing(demand())).toEqual([])
    expect(demandMissing(demand({ price_min_fen: 400, price_max_fen: 300 }))).toEqual(['price_max_fen'])
    expect(demandMissing(demand({ lat: '33.6' }))).toEqual(['lng'])
    expect(agreementMissing(agreement())).toEqual([])
    expect(agreementMissing(agreement({ parties: [{ kind: 'coop', name: ' ' }], products: [] }))).toEqual(['parties', 'products'])
  })
  it('words prices, scores, reasons and distances', () => {
    expect(unitPrice(250, '斤', '面议')).toBe('2.50 元/斤')
    expect(unitPrice(null, '斤', '面议')).toBe('面议')
    expect(scoreType(90)).toBe('success')
    expect(scoreType(66)).toBe('warning')
    expect(scoreType(49)).toBe('info')
    expect(reasonLine({ code: 'distance', points: 38, text: '站点距收货地点约 6.0 公里' })).toBe('+38 站点距收货地点约 6.0 公里')
    expect(distanceText(6005)).toBe('6.0 km')
    expect(distanceText(null)).toBe('—')
    expect(matchedPercent(600, 1000)).toBe(60)
    expect(matchedPercent(1200, 1000)).toBe(100)
  })
  it('lists the months of an agreement across a year end', () => {
    expect(monthsOf('2023-11-15', '2024-02-29')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(monthsOf('2023-05-01', '2023-05-31')).toEqual(['2023-05'])
  })
})

const stored: Listing = {
  id: 7, village_code: '341302100201', village_name: '沈圩村', station_id: 3, station_name: '沈圩站', lat: null, lng: null,
  seller_visible: true, household_id: null, seller_name: '李*', contact: '138****8000', product: '酥梨', unit: '斤', quantity: 800,
  matched_quantity: 0, left: 800, price_fen: 250, available_from: '2023-11-10', available_to: '2023-12-31', note: '', status: 'open',
  status_label: '在售', photo_count: 0,
}

describe('edits', () => {
  const cases: { name: string; change: Partial<ReturnType<typeof offerOf>>; reason: string; body: object }[] = [
    { name: 'nothing changed', change: {}, reason: '', body: {} },
    { name: 'quantity only, with a reason', change: { quantity: 1000 }, reason: ' 补货 ', body: { quantity: 1000, reason: '补货' } },
    { name: 'price cleared: 面议 is sent as null', change: { price_fen: null }, reason: '', body: { price_fen: null } },
    { name: 'period and note', change: { available_to: '2024-01-31', note: '可送货' }, reason: '', body: { available_to: '2024-01-31', note: '可送货' } },
  ]
  for (const c of cases) {
    it(`sends only the changed listing fields: ${c.name}`, () => {
      expect(listingChanges(stored, { ...offerOf(stored), ...c.change }, c.reason)).toEqual(c.body)
    })
  }

  it('fills the agreement form with copies of its terms', () => {
    const a = { ...agreement(), id: 1, entity_id: 2, entity_name: '甲', model_label: '订单农业', file_count: 0, attributed_fen: 0 } as Agreement
    const terms = termsOf(a)
    expect(terms.parties).toEqual([{ kind: 'coop', name: '合作社', household_id: null, entity_id: null }])
    terms.products[0].quantity = 5
    expect(a.products[0].quantity).toBe(100)
    expect(agreementMissing(terms)).toEqual([])
  })
})
