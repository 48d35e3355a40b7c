// Sales pages: the form → API body, and server field errors landing on their form fields (API mocked
// in the shapes of docs/API.md and src/sales/api/).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { cleanUp, formErrorsShown, jsonResponse, mockFetch, settle, signIn, typeInto } from '@/test-utils'
import { entity } from '@/modules/entity/fixtures'
import type { SalesRecord } from './api'
import SalesDialog from './SalesDialog.vue'
import { emptySalesForm, periodQuery, salesBody } from './logic'

beforeEach(() => signIn({ region_code: '341302000000', permissions: ['entity:read', 'entity:edit', 'sales:read', 'sales:edit'] }, 'tok6'))
afterEach(cleanUp)

const record = (over: Partial<SalesRecord> = {}): SalesRecord => ({
  id: 41, entity_id: 7, entity_name: '埇桥区丰收电商有限公司', region_code: '341302100000', region_name: '符离镇',
  shop_id: null, brand_id: null, period: '2026-03', platform: '淘宝', direction: 'uplink', agricultural: true,
  category: '水果', amount_fen: 12345678, orders: 30, export_usd_cents: null, source: 'import', batch_id: 2,
  supersedes_id: null, is_current: true, correction_reason: '', created_by: 3, created_at: '2026-04-01T00:00:00Z', ...over,
})

describe('form bodies', () => {
  it('builds the sales body with integer fen and US$ cents, naming the field of the first problem', () => {
    const f = { ...emptySalesForm(), entity_id: 7, period: '2026-03', platform: ' 淘宝 ', amount_fen: 29, orders: '12', export_usd: '0.29' }
    const b = salesBody(f)
    expect(b).toEqual({
      ok: true,
      body: {
        entity_id: 7, period: '2026-03', platform: '淘宝', direction: 'uplink', agricultural: false, category: '',
        amount_fen: 29, orders: 12, export_usd_cents: 29, shop_id: null, brand_id: null,
      },
    })
    expect(salesBody({ ...f, entity_id: null })).toMatchObject({ ok: false, field: 'entity_id' })
    expect(salesBody({ ...f, period: '2026-13' })).toMatchObject({ ok: false, field: 'period' })
    expect(salesBody({ ...f, amount_fen: null })).toMatchObject({ ok: false, field: 'amount_fen' })
    expect(salesBody({ ...f, orders: '1.5' })).toMatchObject({ ok: false, field: 'orders' })
    expect(salesBody({ ...f, export_usd: '1.234' })).toMatchObject({ ok: false, field: 'export_usd_cents' })
  })

  it('turns a month range into from/to', () => {
    expect(periodQuery(['2026-01', '2026-06'])).toEqual({ from: '2026-01', to: '2026-06' })
    expect(periodQuery(null)).toEqual({ from: '', to: '' })
  })
})

describe('sales correction', () => {
  it('requires a reason, then posts the correction with the amount in fen', async () => {
    let sent: Record<string, unknown> | null = null
    mockFetch({
      'GET /api/v1/entities/7': { ...entity(), shops: [], brands: [], monthly: { year: 2026, months: [] } },
      'POST /api/v1/sales/41/correct': (_u: URL, init: RequestInit) => {
        sent = JSON.parse(String(init.body))
        return jsonResponse(record({ id: 42, supersedes_id: 41, amount_fen: 12000000, correction_reason: '乡镇复核' }), 201)
      },
    })
    const w = mount(SalesDialog, { props: { modelValue: false, record: record() }, attachTo: document.body })
    await w.setProps({ modelValue: true })
    await settle()
    const amount = document.body.querySelector('#sales-amount') as HTMLInputElement
    expect(amount.value).toBe('123456.78')
    amount.value = '120000'
    amount.dispatchEvent(new Event('input'))
    amount.dispatchEvent(new Event('blur'))
    await settle()
    ;(document.body.querySelector('.sales-save') as HTMLElement).click()
    await settle()
    expect(sent).toBeNull()
    await formErrorsShown()
    const reasonItem = document.body.querySelector('#sales-reason')!.closest('.el-form-item')!
    expect(reasonItem.querySelector('.el-form-item__error')!.textContent).toContain('更正须填写原因')
    await typeInto('#sales-reason', '乡镇复核')
    ;(document.body.querySelector('.sales-save') as HTMLElement).click()
    await settle(6)
    expect(sent).toMatchObject({ entity_id: 7, period: '2026-03', amount_fen: 12000000, reason: '乡镇复核', orders: 30, agricultural: true })
    expect(w.emitted('saved')![0][1]).toBe(false)
    w.unmount()
  })
})

describe('summary page', () => {
  it('shows each child region and the 合计 in yuan from fen, — without a threshold, and sends a typed threshold in fen', async () => {
    const { default: SalesSummaryView } = await import('./SalesSummaryView.vue')
    const queries: URLSearchParams[] = []
    const figures = (up: number, over: number | null) => ({
      uplink_fen: up, downlink_fen: 300000, agricultural_uplink_fen: 12500000, export_usd_cents: 12345,
      entities_over: over, brands_over: null, new_entities: 1,
    })
    mockFetch({
      'GET /api/v1/sales/summary': (u: URL) => {
        queries.push(u.searchParams)
        const th = u.searchParams.get('entity_threshold_fen')
        const over = th === null ? null : 20500000 > Number(th) ? 1 : 0
        return {
          items: [{ region_code: '341302001000', region_name: '埇桥街道', ...figures(20500000, over) }],
          total: 1, page: 1, page_size: 50, year: Number(u.searchParams.get('year') ?? 2019), region_code: '341302000000',
          sum: figures(20500000, over),
          thresholds: { entity_fen: th === null ? null : Number(th), brand_fen: null, entity_source: th === null ? '' : 'query', brand_source: '' },
        }
      },
      'GET /api/v1/regions/341302000000/children': { items: [], total: 0, page: 1, page_size: 200 },
      'GET /api/v1/regions/341302000000/path': [],
    })
    const w = mount(SalesSummaryView, { attachTo: document.body, global: { stubs: { RouterLink: true, EChart: true } } })
    await settle(6)
    expect(queries[0].get('region_code')).toBe('341302000000')
    expect(queries[0].get('entity_threshold_fen')).toBeNull()
    // no year asked: the server picks the latest year with data (2019 here) and the page shows it
    expect(queries[0].get('year')).toBeNull()
    expect((document.body.querySelector('.f-sum-year input') as HTMLInputElement).value).toBe('2019')
    const cells = () => [...document.body.querySelectorAll('.sales-summary-page .dt-table .el-table__body tr')[0].querySelectorAll('td')].map((td) => td.textContent!.trim())
    expect(cells()).toEqual(['埇桥街道', '205,000.00', '3,000.00', '125,000.00', '123.45', '—', '—', '1'])
    expect(document.body.querySelector('.threshold-note')!.textContent).toContain('未设门槛')
    expect(document.body.querySelector('.summary-sum .sum-up')!.textContent).toBe('205,000.00')

    await typeInto('#f-sum-eth', '200,000')
    ;(document.body.querySelector('.dt-search') as HTMLElement).click()
    await settle(6)
    expect(queries.at(-1)!.get('entity_threshold_fen')).toBe('20000000')
    expect(queries.at(-1)!.get('year')).toBe('2019')
    expect(cells()[5]).toBe('1')
    expect(document.body.querySelector('.threshold-note')!.textContent).toContain('200,000.00')
    expect(document.body.querySelector('.threshold-note')!.textContent).toContain('页面输入')
    expect(document.body.querySelector('.threshold-note')!.textContent).not.toContain('query')
    w.unmount()
  })
})
