// Display ↔ stored units of a reported value, the quarters offered, status colours.
import type { ReportStatus } from './api'

/** Decimals a display unit allows: log10 of the factor (1000 → 3). */
export function decimalsOf(factor: number): number {
  return Math.max(0, Math.round(Math.log10(factor)))
}

/**
 * The stored integer of a value typed in the display unit ("12.5" 公里 → 12500 metres), exactly,
 * by string arithmetic; an error key when it is not a plain non-negative decimal or is finer than
 * the stored unit.
 */
export function toBase(text: string, factor: number): { value?: number; error?: 'required' | 'number' | 'precision' } {
  const s = text.trim()
  if (!s) return { error: 'required' }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s)
  if (!m) return { error: 'number' }
  const decimals = decimalsOf(factor)
  const frac = (m[2] || '').replace(/0+$/, '')
  if (frac.length > decimals) return { error: 'precision' }
  const digits = m[1] + frac.padEnd(decimals, '0')
  const value = Number(digits)
  if (!Number.isSafeInteger(value)) return { error: 'number' }
  return { value }
}

/** A stored value in the display unit, exact ("12500", 1000 → "12.5"). */
export function fromBase(value: number, factor: number): string {
  const decimals = decimalsOf(factor)
  if (decimals === 0) return String(value)
  const neg = value < 0
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  const frac = digits.slice(digits.length - decimals).replace(/0+$/, '')
  return (neg ? '-' : '') + whole + (frac ? '.' + frac : '')
}

/** The quarters a report may be for: the current one and the `count - 1` before it, newest first. */
export function recentQuarters(today: Date, count = 8): string[] {
  let y = today.getFullYear()
  let q = Math.floor(today.getMonth() / 3) + 1
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    out.push(`${y}Q${q}`)
    if (--q === 0) {
      q = 4
      y--
    }
  }
  return out
}

export function statusType(s: ReportStatus): 'success' | 'warning' | 'danger' | 'info' {
  if (s === 'confirmed') return 'success'
  if (s === 'pending') return 'warning'
  if (s === 'rejected') return 'danger'
  return 'info'
}
