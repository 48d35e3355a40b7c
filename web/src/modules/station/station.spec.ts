import { describe, expect, it } from 'vitest'
import { changedFigures, eventFrom, fenToYuan, formOf, labels, lastMonths, mapPoints, monthlyFigures, nextStatuses, perEvent, periodOf, splitList, statusType, yuanToFen } from './logic'
import type { ServiceRecord, Station, StationMonth } from './api'

describe('station logic', () => {
  it('offers only the changes the server accepts', () => {
    expect(nextStatuses('planned')).toEqual(['building', 'exited'])
    expect(nextStatuses('operating')).toEqual(['suspended', 'exited'])
    expect(nextStatuses('suspended')).toContain('operating')
    expect(nextStatuses('exited')).toEqual([])
  })
  it('shows dictionary labels and unknown values as themselves', () => {
    const dict = [{ value: 'parcel_service', label: '快递代收代发', builtin: true }]
    expect(labels(['parcel_service', 'e_bank'], dict)).toEqual(['快递代收代发', 'e_bank'])
  })
  it('colours operating green and exited red', () => {
    expect(statusType('operating')).toBe('success')
    expect(statusType('exited')).toBe('danger')
  })
})

describe('service records form', () => {
  const month: StationMonth = {
    station_id: 1,
    station_name: '甲站',
    period: '2024-05',
    editable: true,
    items: [
      { value: 'purchase', label: '代买', unit: '单', has_amount: true, builtin: true, record: null },
      {
        value: 'uplink', label: '代卖（农产品上行）', unit: '单', has_amount: true, builtin: true,
        record: { id: 9, station_id: 1, period: '2024-05', item: 'uplink', quantity: 3, amount_fen: 125050, source: 'form', batch_id: null, source_row: null, supersedes_id: null, current: true, correction_reason: '', created_by_name: '', created_at: '' },
      },
      { value: 'parcel_in', label: '快递代收', unit: '件', has_amount: false, builtin: true, record: null },
    ],
  }
  it('converts typed yuan to exact fen and back', () => {
    expect(yuanToFen('12')).toBe(1200)
    expect(yuanToFen('1,234.5')).toBe(123450)
    expect(yuanToFen('0.07')).toBe(7)
    expect(yuanToFen('1.234')).toBeNull()
    expect(yuanToFen('-3')).toBeNull()
    expect(fenToYuan(125050)).toBe('1250.50')
    expect(fenToYuan(1200)).toBe('12')
  })
  it('prefills the current figures and sends only the changed items', () => {
    const form = formOf(month)
    expect(form.uplink).toEqual({ quantity: '3', amount: '1250.50' })
    expect(changedFigures(month, form).figures).toEqual([])
    form.purchase = { quantity: '12', amount: '3456' }
    form.parcel_in = { quantity: '210', amount: '' }
    expect(changedFigures(month, form).figures).toEqual([
      { item: 'purchase', quantity: 12, amount_fen: 345600 },
      { item: 'parcel_in', quantity: 210, amount_fen: 0 },
    ])
    form.uplink = { quantity: '4', amount: '1250.50' }
    expect(changedFigures(month, form).figures).toContainEqual({ item: 'uplink', quantity: 4, amount_fen: 125050 })
  })
  it('names the item whose number is not valid', () => {
    const form = formOf(month)
    form.purchase = { quantity: '1.5', amount: '' }
    form.uplink = { quantity: '3', amount: '12.345' }
    expect(changedFigures(month, form).errors).toEqual({ purchase: 'quantity', uplink: 'amount' })
  })
  it('takes the month of a date', () => {
    expect(periodOf(new Date(2024, 0, 31))).toBe('2024-01')
  })
})

describe('single-event form', () => {
  const items = [
    { value: 'uplink', label: '代卖（农产品上行）', unit: '单', has_amount: true, builtin: true },
    { value: 'parcel_in', label: '快递代收', unit: '件', has_amount: false, builtin: true },
  ]
  const form = { happened_on: '2024-05-18', item: 'uplink', quantity: '', amount: '128.5', products: '酥梨、黄桃 ,葡萄', id_numbers: '34130219660808654X', note: ' 张大爷 ' }
  const cases: Array<[string, Partial<typeof form>, string | undefined]> = [
    ['a sale with products and a household', {}, undefined],
    ['no item chosen', { item: '' }, 'item'],
    ['a fractional count', { quantity: '1.5' }, 'quantity'],
    ['three decimals of yuan', { amount: '1.234' }, 'amount'],
    ['no date', { happened_on: '' }, 'happened_on'],
    ['a parcel ignores the amount box', { item: 'parcel_in', amount: 'x' }, undefined],
  ]
  it.each(cases)('%s', (_, change, error) => {
    expect(eventFrom({ ...form, ...change }, items).error).toBe(error)
  })
  it('sends fen, the split lists and one by default', () => {
    expect(eventFrom(form, items).input).toEqual({
      happened_on: '2024-05-18', item: 'uplink', quantity: 1, amount_fen: 12850,
      products: ['酥梨', '黄桃', '葡萄'], household_id_numbers: ['34130219660808654X'], note: '张大爷',
    })
    expect(splitList(' ；a;b，c ')).toEqual(['a', 'b', 'c'])
  })
  it('knows an item recorded per event by its record', () => {
    const rec = { id: 1, station_id: 1, period: '2024-05', item: 'uplink', quantity: 1, amount_fen: 1, source: 'events' as const, batch_id: null, source_row: null, supersedes_id: null, current: true, correction_reason: '', created_by_name: '', created_at: '' }
    expect(perEvent({ record: rec })).toBe(true)
    expect(perEvent({ record: { ...rec, source: 'form' } })).toBe(false)
    expect(perEvent({ record: null })).toBe(false)
  })
})

describe('station map', () => {
  const st = (id: number, status: Station['status'], lat: string | null, lng: string | null) => ({ id, name: '站' + id, status, lat, lng }) as Station
  it('groups the stations with coordinates by status and counts the others', () => {
    const { series, unplaced } = mapPoints([st(1, 'operating', '33.812345', '116.987654'), st(2, 'planned', null, null), st(3, 'operating', '33.5', '117')], ['planned', 'operating'])
    expect(unplaced).toBe(1)
    expect(series[0]).toEqual({ status: 'planned', points: [] })
    expect(series[1].points).toEqual([[116.987654, 33.812345, 1, '站1'], [117, 33.5, 3, '站3']])
  })
})

describe('station records chart', () => {
  it('lists the twelve months up to the given one across a year boundary', () => {
    const m = lastMonths('2024-02')
    expect(m).toHaveLength(12)
    expect(m[0]).toBe('2023-03')
    expect(m[11]).toBe('2024-02')
  })
  it('sums current records per month, uplink amounts in yuan', () => {
    const r = (period: string, item: string, quantity: number, amount_fen: number, current = true) =>
      ({ period, item, quantity, amount_fen, current }) as ServiceRecord
    const f = monthlyFigures([r('2024-01', 'uplink', 3, 125050), r('2024-01', 'parcel_in', 40, 0), r('2024-01', 'uplink', 9, 999, false), r('2022-01', 'uplink', 1, 100)], ['2023-12', '2024-01'])
    expect(f.uplinkYuan).toEqual([0, 1250.5])
    expect(f.services).toEqual([0, 43])
  })
})
