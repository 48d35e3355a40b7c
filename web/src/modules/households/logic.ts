// Rules the household pages mirror from the server (src/households/register.cc, help.cc).
import type { CoverageCount, HouseholdInput, HouseholdStatus, Purchase, PurchaseInput } from './api'

/** What the form must fill before saving (the server checks the same and names the field). */
export function missing(f: HouseholdInput, editing = false): (keyof HouseholdInput)[] {
  const out: (keyof HouseholdInput)[] = []
  if (!f.region_code || f.region_code.length !== 12 || f.region_code.endsWith('000')) out.push('region_code')
  // Editing: an empty name or ID number keeps the stored one (the server's rule).
  if (!f.head_name.trim() && !editing) out.push('head_name')
  if (!/^\d{17}[\dXx]$/.test(f.id_number.trim()) && !(editing && !f.id_number.trim())) out.push('id_number')
  if (f.status === 'lifted' && !f.lifted_year) out.push('lifted_year')
  if (f.willing && !f.willing_on) out.push('willing_on')
  if (f.able && !f.able_on) out.push('able_on')
  return out
}

/** "酥梨、山芋，大豆" -> ["酥梨", "山芋", "大豆"] (the separators the import accepts). */
export function splitProducts(text: string): string[] {
  return text
    .split(/[、，,；;]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Basis points as a percent text: 7500 -> "75.0%"; null (no eligible household) -> "—". */
export function ratePercent(bp: number | null): string {
  return bp === null ? '—' : (bp / 100).toFixed(1) + '%'
}

/** Tag colour of a town's coverage: full green, half or more orange, less red, none grey. */
export function coverageType(c: CoverageCount): 'success' | 'warning' | 'danger' | 'info' {
  if (c.rate_bp === null) return 'info'
  return c.rate_bp >= 10000 ? 'success' : c.rate_bp >= 5000 ? 'warning' : 'danger'
}

/** Tag colour of a status. */
export function statusType(s: HouseholdStatus): 'danger' | 'success' | 'warning' {
  return s === 'registered' ? 'danger' : s === 'lifted' ? 'success' : 'warning'
}

/** The purchase form of a household's page: blank, or a current purchase to correct. */
export interface PurchaseForm {
  entity_id: number | null
  product: string
  quantity: number | undefined
  unit: string
  amount_fen: number | null
  purchased_on: string
  evidence_kind: 'receipt' | 'transfer'
  evidence_no: string
  /** the agreement / listing it was made under (optional; the server checks the link) */
  agreement_id: number | null
  listing_id: number | null
  reason: string
}

export function purchaseForm(p?: Purchase): PurchaseForm {
  if (!p) {
    return {
      entity_id: null, product: '', quantity: undefined, unit: '斤', amount_fen: null, purchased_on: '', evidence_kind: 'receipt',
      evidence_no: '', agreement_id: null, listing_id: null, reason: '',
    }
  }
  return {
    entity_id: p.entity_id, product: p.product, quantity: p.quantity, unit: p.unit, amount_fen: p.amount_fen,
    purchased_on: p.purchased_on, evidence_kind: p.evidence_kind, evidence_no: p.evidence_no,
    agreement_id: p.agreement_id ?? null, listing_id: p.listing_id ?? null, reason: '',
  }
}

/** The fields a purchase form still needs (the server checks the same). */
export function missingPurchase(f: PurchaseForm, correcting: boolean): (keyof PurchaseForm)[] {
  const out: (keyof PurchaseForm)[] = []
  if (!f.entity_id) out.push('entity_id')
  if (!f.product.trim()) out.push('product')
  if (!f.quantity || f.quantity < 1) out.push('quantity')
  if (!f.unit.trim()) out.push('unit')
  if (!f.amount_fen || f.amount_fen < 1) out.push('amount_fen')
  if (!f.purchased_on) out.push('purchased_on')
  if (!f.evidence_no.trim()) out.push('evidence_no')
  if (correcting && !f.reason.trim()) out.push('reason')
  return out
}

/** The request body of a purchase from a household (a complete form: missingPurchase is empty). */
export function purchaseBody(f: PurchaseForm, householdId: number): PurchaseInput {
  return {
    entity_id: Number(f.entity_id), seller_kind: 'household', household_id: householdId, product: f.product.trim(),
    quantity: Number(f.quantity), unit: f.unit.trim(), amount_fen: Number(f.amount_fen), purchased_on: f.purchased_on,
    evidence_kind: f.evidence_kind, evidence_no: f.evidence_no.trim(),
    ...(f.agreement_id ? { agreement_id: f.agreement_id } : {}),
    ...(f.listing_id ? { listing_id: f.listing_id } : {}),
  }
}
