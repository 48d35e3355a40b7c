import { describe, expect, it } from 'vitest'
import { agreementMissing, demandMissing, distanceText, listingMissing, matchedPercent, monthsOf, reasonLine, scoreType, unitPrice } from './matchingLogic'
import type { AgreementInput, DemandInput, ListingInput } from './matching'

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
