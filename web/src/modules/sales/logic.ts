// Pure logic of the sales pages, kept out of the components so it is unit-tested: the sales form →
// API body (money as integer fen / US$ cents from the digits, never through float) and the period query.
import { formatFen, parseYuan } from '@/utils/money'
import type { SalesInput, SalesRecord } from './api'

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

/** Sales form fields (API names); `reason` only when correcting. */
export const SALES_FIELDS = [
  'entity_id', 'period', 'platform', 'direction', 'agricultural', 'category', 'amount_fen', 'orders',
  'export_usd_cents', 'shop_id', 'brand_id', 'reason',
]

/** "YYYY-MM" strings of a period-range picker → the list's from/to query (empty when unset). */
export function periodQuery(range: [string, string] | null | undefined): { from: string; to: string } {
  return range && range[0] && range[1] ? { from: range[0], to: range[1] } : { from: '', to: '' }
}
