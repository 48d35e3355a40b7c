// Entity pages: the monthly chart's series, the USCC shape, the form → API body, and server field
// errors landing on their form fields (API mocked in the shapes of docs/API.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { cleanUp, formErrorsShown, jsonResponse, mockFetch, settle, signIn, typeInto } from '@/test-utils'
import EntityDialog from './EntityDialog.vue'
import { entity } from './fixtures'
import { emptyEntityForm, entityBody, fullYear, monthlyChartOption, usccShapeOk } from './logic'

beforeEach(() => signIn({ region_code: '341302000000', permissions: ['entity:read', 'entity:edit', 'sales:read', 'sales:edit'] }, 'tok6'))
afterEach(cleanUp)

describe('monthly chart', () => {
  const monthly = {
    year: 2026,
    months: [
      { period: '2026-03', uplink_fen: 12345678, downlink_fen: 500, agricultural_uplink_fen: 10000000, export_usd_cents: 0 },
      { period: '2026-11', uplink_fen: 1, downlink_fen: 0, agricultural_uplink_fen: 0, export_usd_cents: 0 },
    ],
  }
  const labels = { uplink: '上行', downlink: '下行', agricultural: '农产品上行', unit: '元' }

  it('fills all twelve months and draws uplink/downlink as bars and agricultural uplink as a line', () => {
    expect(fullYear(2026, monthly.months).map((m) => m.period)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => '2026-' + m),
    )
    const o = monthlyChartOption(monthly, labels)
    expect(o.xAxis.data).toHaveLength(12)
    expect(o.xAxis.data[2]).toBe('03')
    expect(o.series.map((s) => [s.name, s.type])).toEqual([['上行', 'bar'], ['下行', 'bar'], ['农产品上行', 'line']])
    expect(o.series[0].data[2]).toBeCloseTo(123456.78, 6)
    expect(o.series[0].data[0]).toBe(0)
    expect(o.series[1].data[2]).toBe(5)
    expect(o.series[2].data[2]).toBe(100000)
  })

  it('prints tooltip values from the integer fen', () => {
    const o = monthlyChartOption(monthly, labels)
    const text = o.tooltip.formatter([
      { seriesName: '上行', dataIndex: 2, marker: '', axisValue: '03' },
      { seriesName: '下行', dataIndex: 10, marker: '', axisValue: '03' },
    ])
    expect(text).toBe('03<br/>上行: 123,456.78 元<br/>下行: 0.00 元')
  })
})

describe('form bodies', () => {
  it('checks the USCC shape (the check digit is the server’s)', () => {
    expect(usccShapeOk('91341302MA2N0Q3A1X')).toBe(true)
    expect(usccShapeOk('91341302ma2n0q3a1x')).toBe(true) // upper-cased before the check
    expect(usccShapeOk('91341302MA2N0Q3A1')).toBe(false) // 17 characters
    expect(usccShapeOk('91341302MA2N0Q3AIX')).toBe(false) // I is not used
  })

  it('sends only changed entity fields on edit, never the USCC', () => {
    const before = entity()
    const f = { ...emptyEntityForm(), ...before, registered_on: '2024-03-01', mobile: '', linkage: { ...before.linkage }, lat: '', lng: '' }
    expect(entityBody(f, before)).toEqual({})
    f.name = '  新名称 '
    f.linkage.employs_poor = true
    f.uscc = '92341302MA2N0Q3A1X'
    expect(entityBody(f, before)).toEqual({ name: '新名称', linkage: { model: true, contract_farming: false, employs_poor: true } })
    const created = entityBody({ ...emptyEntityForm(), uscc: '91341302ma2n0q3a1x', name: 'x', region_code: '341302100000' })
    expect(created.uscc).toBe('91341302MA2N0Q3A1X')
    expect(created.mobile).toBeUndefined()
    expect(created.registered_on).toBeNull()
    expect(created).not.toHaveProperty('lat') // no position: none sent
  })

  it('sends the position as a pair when either half changed, null to clear it', () => {
    const before = entity({ lat: '33.645200', lng: '116.964400' })
    const f = { ...emptyEntityForm(), ...before, registered_on: '2024-03-01', mobile: '', linkage: { ...before.linkage }, lat: '33.6452', lng: '116.9644' }
    expect(entityBody(f, before)).toEqual({}) // the same degrees, written shorter
    f.lat = ' 33.7 '
    expect(entityBody(f, before)).toEqual({ lat: '33.7', lng: '116.9644' })
    f.lat = ''
    f.lng = ''
    expect(entityBody(f, before)).toEqual({ lat: null, lng: null })
    const created = entityBody({ ...emptyEntityForm(), uscc: 'x', name: 'x', region_code: '341302100000', lng: '116.9', lat: '' })
    expect(created).toMatchObject({ lat: null, lng: '116.9' }) // the server names the missing half
  })
})

describe('entity dialog', () => {
  it('puts the server message for a bad USCC on the USCC field', async () => {
    let body: unknown
    mockFetch({
      'POST /api/v1/entities': (_u: URL, init: RequestInit) => {
        body = JSON.parse(String(init.body))
        return jsonResponse({ code: 'invalid_argument', message: '统一社会信用代码校验码错误', field: 'uscc' }, 400)
      },
      'GET /api/v1/regions/341302000000/children': { items: [], total: 0, page: 1, page_size: 200 },
    })
    const w = mount(EntityDialog, { props: { modelValue: false, entity: null }, attachTo: document.body })
    await w.setProps({ modelValue: true })
    await settle()
    await typeInto('#entity-uscc', '91341302MA2N0Q3A1Y')
    await typeInto('#entity-name', '丰收电商')
    // the region comes from the cascader; set it through the component's model
    ;(w.vm as unknown as { $: { setupState: { form: { region_code: string } } } }).$.setupState.form.region_code = '341302100000'
    ;(document.body.querySelector('.entity-save') as HTMLElement).click()
    await settle(6)
    expect(body).toMatchObject({ uscc: '91341302MA2N0Q3A1Y', name: '丰收电商', kind: 'enterprise', region_code: '341302100000' })
    const item = document.body.querySelector('#entity-uscc')!.closest('.el-form-item')!
    expect(item.classList.contains('is-error')).toBe(true)
    await formErrorsShown()
    expect(item.querySelector('.el-form-item__error')!.textContent).toContain('校验码错误')
    expect(w.emitted('saved')).toBeUndefined()
    w.unmount()
  })
})
