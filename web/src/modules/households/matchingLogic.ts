// Rules the matching pages mirror from the server (src/matching/rules.h, listings.cc, demands.cc).
import type { Agreement, AgreementInput, DemandInput, Listing, ListingChanges, ListingInput, Reason } from './matching'

/** What the listing form must fill before saving (the server checks the same and names the field). */
export function listingMissing(f: ListingInput): (keyof ListingInput)[] {
  const out: (keyof ListingInput)[] = []
  if (!f.station_id) out.push('station_id')
  if (!f.household_id && (f.village_code.length !== 12 || f.village_code.endsWith('000'))) out.push('village_code')
  if (!f.seller_name.trim()) out.push('seller_name')
  if (!/^1\d{10}$/.test(f.contact.trim())) out.push('contact')
  if (!f.product.trim()) out.push('product')
  if (!f.unit.trim()) out.push('unit')
  if (!f.quantity || f.quantity < 1) out.push('quantity')
  if (!f.available_from) out.push('available_from')
  if (!f.available_to || (f.available_from && f.available_to < f.available_from)) out.push('available_to')
  return out
}

/** What the demand form must fill: product, unit, quantity, a period in order, a price range in order. */
export function demandMissing(f: DemandInput): (keyof DemandInput)[] {
  const out: (keyof DemandInput)[] = []
  if (!f.product.trim()) out.push('product')
  if (!f.unit.trim()) out.push('unit')
  if (!f.quantity || f.quantity < 1) out.push('quantity')
  if (f.price_min_fen && f.price_max_fen && f.price_max_fen < f.price_min_fen) out.push('price_max_fen')
  if (!f.wanted_from) out.push('wanted_from')
  if (!f.wanted_to || (f.wanted_from && f.wanted_to < f.wanted_from)) out.push('wanted_to')
  if (!!f.lat !== !!f.lng) out.push(f.lat ? 'lng' : 'lat')
  return out
}

/** What an agreement needs: number, title, model, dates in order, a party and a product. */
export function agreementMissing(f: AgreementInput): (keyof AgreementInput)[] {
  const out: (keyof AgreementInput)[] = []
  if (!f.agreement_no.trim()) out.push('agreement_no')
  if (!f.title.trim()) out.push('title')
  if (!f.model) out.push('model')
  if (!f.signed_on) out.push('signed_on')
  if (!f.valid_from) out.push('valid_from')
  if (!f.valid_to || (f.valid_from && f.valid_to < f.valid_from)) out.push('valid_to')
  if (!f.parties.some((p) => p.name.trim())) out.push('parties')
  if (!f.products.some((p) => p.product.trim() && p.quantity > 0 && p.unit.trim())) out.push('products')
  return out
}

/** A unit price in fen as "2.50 元/斤"; null (no price) as the word for 面议. */
export function unitPrice(fen: number | null | undefined, unit: string, negotiable: string): string {
  if (fen === null || fen === undefined) return negotiable
  return (fen / 100).toFixed(2) + ' 元/' + unit
}

/** Tag colour of a proposal's score: 80+ green, 50+ orange, else grey. */
export function scoreType(score: number): 'success' | 'warning' | 'info' {
  return score >= 80 ? 'success' : score >= 50 ? 'warning' : 'info'
}

/** A reason line as the drawer shows it: "+38 站点距收货地点约 6.0 公里". */
export function reasonLine(r: Reason): string {
  return `+${r.points} ${r.text}`
}

/** Metres as "6.0 km" (null: unknown distance, "—"). */
export function distanceText(m: number | null): string {
  return m === null ? '—' : (m / 1000).toFixed(1) + ' km'
}

/** Share of a listing or demand already matched, as a whole percent (0–100). */
export function matchedPercent(matched: number, quantity: number): number {
  if (quantity <= 0) return 0
  return Math.min(100, Math.floor((matched * 100) / quantity))
}

/** Months of a period "YYYY-MM" … "YYYY-MM" (the months an attributed sales figure may name). */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.slice(0, 7).split('-').map(Number)
  const [ty, tm] = to.slice(0, 7).split('-').map(Number)
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    if (++m > 12) {
      m = 1
      y++
    }
    if (out.length > 240) break
  }
  return out
}

/** The offer fields of a listing the edit form shows. */
export type ListingOffer = Required<Omit<ListingChanges, 'reason'>>

export function offerOf(l: Listing): ListingOffer {
  return {
    product: l.product, unit: l.unit, quantity: l.quantity, price_fen: l.price_fen,
    available_from: l.available_from, available_to: l.available_to, note: l.note,
  }
}

/** The body of a listing edit: only the fields that differ from the listing (the server keeps the rest). */
export function listingChanges(l: Listing, form: ListingOffer, reason: string): ListingChanges {
  const before = offerOf(l)
  const out: ListingChanges = {}
  for (const k of Object.keys(before) as (keyof ListingOffer)[]) {
    if (form[k] !== before[k]) (out as Record<string, unknown>)[k] = form[k]
  }
  if (reason.trim()) out.reason = reason.trim()
  return out
}

/** An agreement's terms as the edit form fills them (parties and products copied). */
export function termsOf(a: Agreement): AgreementInput {
  return {
    agreement_no: a.agreement_no, title: a.title, model: a.model, signed_on: a.signed_on, valid_from: a.valid_from,
    valid_to: a.valid_to, note: a.note ?? '',
    parties: a.parties.map((p) => ({ kind: p.kind, name: p.name, household_id: p.household_id ?? null, entity_id: p.entity_id ?? null })),
    products: a.products.map((p) => ({ product: p.product, quantity: p.quantity, unit: p.unit, price_fen: p.price_fen ?? null })),
  }
}
