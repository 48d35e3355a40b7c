// Pure logic of the entity and sales pages, kept out of the components so it is unit-tested:
// money display from integer fen / US$ cents (digits only, no float arithmetic), the monthly
// chart's series, the sales form → API body, and the entity form → API body.
import { formatFen, parseYuan } from '@/utils/money'
import type { EntityDetail, EntityInput, Linkage, MonthFigures, SalesInput, SalesRecord } from '@/api/sales'

/** fen → "1,234.56" (元, grouped); null/undefined → "—". */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatFen(fen, true)
}

/** US$ cents → "1,234.56"; same digit rule as fen. */
export const dollars = yuan

/**
 * fen → 万元 with up to 6 decimals, trailing zeros dropped, computed on the digits:
 * 125000000 fen (125万元) → "125", 1250000 → "1.25", 1 → "0.000001".
 */
export function wan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—'
  const n = Math.trunc(fen)
  const sign = n < 0 ? '-' : ''
  const digits = String(Math.abs(n)).padStart(7, '0')
  const int = digits.slice(0, -6).replace(/^0+(?=\d)/, '')
  const frac = digits.slice(-6).replace(/0+$/, '')
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '')
}

/**
 * Shape of a 统一社会信用代码 (GB 32100): 18 characters of 0-9 and the upper-case letters without
 * I, O, Z, S, V. The check digit itself is verified by the server, whose message goes on the field.
 */
export function usccShapeOk(s: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s.trim().toUpperCase())
}

/** Twelve months of a year, filling months the server left out with zeros. */
export function fullYear(year: number, months: MonthFigures[]): MonthFigures[] {
  const by = new Map(months.map((m) => [m.period, m]))
  return Array.from({ length: 12 }, (_, i) => {
    const period = `${year}-${String(i + 1).padStart(2, '0')}`
    return by.get(period) || { period, uplink_fen: 0, downlink_fen: 0, agricultural_uplink_fen: 0, export_usd_cents: 0 }
  })
}

export interface ChartLabels {
  uplink: string
  downlink: string
  agricultural: string
  unit: string
}

/**
 * ECharts option for an entity's monthly sales: bars for uplink and downlink, a line for
 * agricultural uplink. Values are plotted in 元 (fen / 100, only for drawing); the tooltip prints
 * each value from its integer fen so no rounding shows.
 */
export function monthlyChartOption(monthly: EntityDetail['monthly'], labels: ChartLabels, compact = false) {
  const months = fullYear(monthly.year, monthly.months)
  const plot = (fen: number) => fen / 100
  const fenOf: Record<string, number[]> = {
    [labels.uplink]: months.map((m) => m.uplink_fen),
    [labels.downlink]: months.map((m) => m.downlink_fen),
    [labels.agricultural]: months.map((m) => m.agricultural_uplink_fen),
  }
  type P = { seriesName: string; dataIndex: number; marker: string; axisValue: string }
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (ps: P[]) =>
        [ps[0]?.axisValue ?? '', ...ps.map((p) => `${p.marker}${p.seriesName}: ${yuan(fenOf[p.seriesName]?.[p.dataIndex] ?? 0)} ${labels.unit}`)].join('<br/>'),
    },
    legend: { top: 0 },
    grid: { left: compact ? 8 : 16, right: compact ? 8 : 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.period.slice(5)), name: compact ? '' : String(monthly.year) },
    yAxis: { type: 'value', name: labels.unit },
    series: [
      { name: labels.uplink, type: 'bar', data: months.map((m) => plot(m.uplink_fen)) },
      { name: labels.downlink, type: 'bar', data: months.map((m) => plot(m.downlink_fen)) },
      { name: labels.agricultural, type: 'line', smooth: false, data: months.map((m) => plot(m.agricultural_uplink_fen)) },
    ],
  }
}

/** The sales form as the user edits it: money as integer fen (MoneyInput), text for the rest. */
export interface SalesForm {
  entity_id: number | null
  period: string
  platform: string
  direction: 'uplink' | 'downlink'
  agricultural: boolean
  category: string
  amount_fen: number | null
  orders: string
  export_usd: string
  shop_id: number | null
  brand_id: number | null
}

export function emptySalesForm(): SalesForm {
  return {
    entity_id: null, period: '', platform: '', direction: 'uplink', agricultural: false, category: '',
    amount_fen: null, orders: '', export_usd: '', shop_id: null, brand_id: null,
  }
}

export function salesFormFrom(r: SalesRecord): SalesForm {
  return {
    entity_id: r.entity_id, period: r.period, platform: r.platform, direction: r.direction,
    agricultural: r.agricultural, category: r.category, amount_fen: r.amount_fen,
    orders: r.orders === null ? '' : String(r.orders),
    export_usd: r.export_usd_cents === null ? '' : formatFen(r.export_usd_cents),
    shop_id: r.shop_id, brand_id: r.brand_id,
  }
}

export type Built<T> = { ok: true; body: T } | { ok: false; field: string; key: string }

/**
 * Form → POST /sales body. Client checks name the field (keys into the `sales` messages);
 * the server checks everything again. US$ are converted to cents on the digits like yuan.
 */
export function salesBody(f: SalesForm): Built<SalesInput> {
  if (!f.entity_id) return { ok: false, field: 'entity_id', key: 'sales.entityRequired' }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(f.period)) return { ok: false, field: 'period', key: 'sales.periodRequired' }
  if (!f.platform.trim()) return { ok: false, field: 'platform', key: 'sales.platformRequired' }
  if (f.amount_fen === null || f.amount_fen === undefined) return { ok: false, field: 'amount_fen', key: 'sales.amountRequired' }
  let orders: number | null = null
  if (f.orders.trim() !== '') {
    if (!/^\d{1,12}$/.test(f.orders.trim())) return { ok: false, field: 'orders', key: 'sales.ordersInvalid' }
    orders = Number(f.orders.trim())
  }
  let cents: number | null = null
  if (f.export_usd.trim() !== '') {
    const p = parseYuan(f.export_usd)
    if (!p.ok) return { ok: false, field: 'export_usd_cents', key: 'sales.exportInvalid' }
    cents = p.fen
  }
  return {
    ok: true,
    body: {
      entity_id: f.entity_id,
      period: f.period,
      platform: f.platform.trim(),
      direction: f.direction,
      agricultural: f.agricultural,
      category: f.category.trim(),
      amount_fen: f.amount_fen,
      orders,
      export_usd_cents: cents,
      shop_id: f.shop_id || null,
      brand_id: f.brand_id || null,
    },
  }
}

/** The entity form as edited. */
export interface EntityForm {
  uscc: string
  name: string
  kind: string
  region_code: string
  registered_on: string
  contact_name: string
  mobile: string
  linkage: Linkage
}

export function emptyEntityForm(): EntityForm {
  return {
    uscc: '', name: '', kind: 'enterprise', region_code: '', registered_on: '', contact_name: '', mobile: '',
    linkage: { model: false, contract_farming: false, employs_poor: false },
  }
}

/**
 * Form → POST/PUT /entities body. On edit (`before` given) only changed fields are sent and the
 * USCC never (it cannot change); an empty mobile on edit means "keep", not "clear".
 */
export function entityBody(f: EntityForm, before?: EntityInput & { mobile_masked?: string | null }): EntityInput {
  const body: EntityInput = {
    uscc: f.uscc.trim().toUpperCase(),
    name: f.name.trim(),
    kind: f.kind as EntityInput['kind'],
    region_code: f.region_code,
    registered_on: f.registered_on || null,
    contact_name: f.contact_name.trim(),
    linkage: { ...f.linkage },
  }
  if (f.mobile.trim()) body.mobile = f.mobile.trim()
  if (!before) return body
  const out: EntityInput = {}
  if (body.name !== before.name) out.name = body.name
  if (body.kind !== before.kind) out.kind = body.kind
  if (body.region_code !== before.region_code) out.region_code = body.region_code
  if ((body.registered_on ?? null) !== (before.registered_on ?? null)) out.registered_on = body.registered_on
  if (body.contact_name !== (before.contact_name ?? '')) out.contact_name = body.contact_name
  if (JSON.stringify(body.linkage) !== JSON.stringify(before.linkage)) out.linkage = body.linkage
  if (body.mobile) out.mobile = body.mobile
  return out
}

/** Form fields of the entity dialog; an API error whose `field` is one of these lands on it. */
export const ENTITY_FIELDS = ['uscc', 'name', 'kind', 'region_code', 'registered_on', 'contact_name', 'mobile', 'linkage']
/** Sales form fields (API names); `reason` only when correcting. */
export const SALES_FIELDS = [
  'entity_id', 'period', 'platform', 'direction', 'agricultural', 'category', 'amount_fen', 'orders',
  'export_usd_cents', 'shop_id', 'brand_id', 'reason',
]

/** "YYYY-MM" strings of a period-range picker → the list's from/to query (empty when unset). */
export function periodQuery(range: [string, string] | null | undefined): { from: string; to: string } {
  return range && range[0] && range[1] ? { from: range[0], to: range[1] } : { from: '', to: '' }
}
