// Pure logic of the entity pages, kept out of the components so it is unit-tested: the USCC shape,
// the monthly chart's series and the entity form → API body.
import { yuan } from '@/utils/money'
import type { EntityDetail, EntityInput, Linkage, MonthFigures } from './api'

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
  /** decimal degrees as typed ('' = none) */
  lat: string
  lng: string
}

export function emptyEntityForm(): EntityForm {
  return {
    uscc: '', name: '', kind: 'enterprise', region_code: '', registered_on: '', contact_name: '', mobile: '',
    linkage: { model: false, contract_farming: false, employs_poor: false }, lat: '', lng: '',
  }
}

/**
 * Form → POST/PUT /entities body. On edit (`before` given) only changed fields are sent and the
 * USCC never (it cannot change); an empty mobile on edit means "keep", not "clear".
 */
export function entityBody(f: EntityForm, before?: EntityInput & { mobile_masked?: string | null }): EntityInput {
  const lat = (f.lat ?? '').trim() || null
  const lng = (f.lng ?? '').trim() || null
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
  if (lat || lng) Object.assign(body, { lat, lng })
  if (!before) return body
  const out: EntityInput = {}
  if (body.name !== before.name) out.name = body.name
  if (body.kind !== before.kind) out.kind = body.kind
  if (body.region_code !== before.region_code) out.region_code = body.region_code
  if ((body.registered_on ?? null) !== (before.registered_on ?? null)) out.registered_on = body.registered_on
  if (body.contact_name !== (before.contact_name ?? '')) out.contact_name = body.contact_name
  if (JSON.stringify(body.linkage) !== JSON.stringify(before.linkage)) out.linkage = body.linkage
  if (body.mobile) out.mobile = body.mobile
  // The position is sent as a pair whenever either half changed (both or neither; null clears).
  const same = (a: string | null, b: string | null | undefined) => (a === null ? b == null : b != null && Number(a) === Number(b))
  if (!same(lat, before.lat) || !same(lng, before.lng)) Object.assign(out, { lat, lng })
  return out
}

/** Form fields of the entity dialog; an API error whose `field` is one of these lands on it. */
export const ENTITY_FIELDS = ['uscc', 'name', 'kind', 'region_code', 'registered_on', 'contact_name', 'mobile', 'linkage', 'lat', 'lng']
