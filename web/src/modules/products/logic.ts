// Pure helpers of the product console pages (tested in products.spec.ts).
import type { Admission } from './api'

/** Whether a move needs a reason (docs/PRODUCTS.md "Admission"): every move but applying and admitting. */
export function needsReason(from: Admission, to: Admission): boolean {
  if (to === 'applied') return false
  if (to === 'admitted') return from === 'suspended'
  return true
}

/** The idempotency key of a move: the same click twice is one move, the next move another key. */
export function moveKey(product: number, historyLength: number, to: Admission): string {
  return `web-${product}-${historyLength}-${to}`
}

/** "2023-11-04T09:00" from a datetime-local input → "2023-11-04T09:00:00+08:00". */
export function eventTimeOf(local: string): string {
  if (!local) return ''
  const withSeconds = local.length === 16 ? local + ':00' : local
  return withSeconds + '+08:00'
}

/** Whether the step carries harvest/production dates (ILMD). */
export function ilmdStep(step: string): boolean {
  return step === 'planting' || step === 'breeding' || step === 'processing'
}

/** A random urn:uuid (version 4, lower case) — crypto.randomUUID needs a secure context, a county LAN may serve plain http. */
export function newEventId(bytes: Uint8Array = crypto.getRandomValues(new Uint8Array(16))): string {
  const b = Array.from(bytes)
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('')
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}
