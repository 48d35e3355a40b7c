// Pure rules of the funds pages (unit-tested in funds.spec.ts): which fields a movement needs,
// how a share in basis points reads, and a fresh idempotency key per opened form.
import type { Op } from './api'

/** The fields of the transfer form an operation uses (the server checks them again). */
export function fieldsFor(op: Op): { project: boolean; purpose: boolean; reverses: boolean } {
  const project = !['arrive', 'give_back', 'reverse'].includes(op)
  return { project, purpose: op === 'commit', reverses: op === 'reverse' }
}

/**
 * The key of a recovery of a reclaim: the reclaim and the payee's voucher, so entering the same
 * returned money twice records it once.
 */
export function recoveryKey(reclaimId: number, voucher: string): string {
  return `award-reclaim-${reclaimId}-recover-${voucher.trim()}`
}

/**
 * Whether an award item offers the reclaim button: the server says what a reclaim would take
 * now — an open item paid beyond its amount (whatever its delta), or a settled one whose reclaim
 * was reversed — and 0 when there is nothing to reclaim.
 */
export function canReclaim(item: { status: string; reclaim_fen: number }): boolean {
  return item.status !== 'superseded' && item.reclaim_fen > 0
}

/** Whether an award item waits for its acceptance to be recorded (验收后拨付). */
export function awaitsAcceptance(item: { status: string; acceptance_status: string }): boolean {
  return item.status === 'open' && item.acceptance_status === 'pending'
}

/** 1500 → "15.0%"; null → "—". Integer arithmetic: no float rounding reaches the figure. */
export function bpText(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—'
  const tenths = Math.trunc(bp / 10)
  return `${Math.trunc(tenths / 10)}.${Math.abs(tenths % 10)}%`
}

/** Share of `part` in `whole` as a percentage for a progress bar (0–100, never NaN). */
export function share(part: number, whole: number): number {
  if (!whole || whole <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((part * 100) / whole)))
}

/**
 * The key that makes a repeated submission harmless: made when the form opens and kept while it
 * is open, so a double click or a retry after a lost answer sends the same key.
 */
export function newIdempotencyKey(prefix: string): string {
  const rand = globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`
  return `${prefix}-${rand}`
}
