// Money is integer fen on the wire. Conversions work on the digits of the typed string, never on
// floating point (parseFloat('0.29') * 100 === 28.999999999999996).

export type ParseResult = { ok: true; fen: number | null } | { ok: false }

/**
 * Parses a yuan amount typed by a person ("1,234.5", "0.29", "-3", "￥12.00") into integer fen.
 * Empty input gives fen null. At most two decimals; thousands separators and a leading ¥/￥ allowed.
 */
export function parseYuan(input: string, allowNegative = false): ParseResult {
  let s = (input ?? '').trim().replace(/^[¥￥]\s*/, '').replace(/[,，\s]/g, '')
  if (s === '') return { ok: true, fen: null }
  let sign = 1
  if (s.startsWith('-')) {
    if (!allowNegative) return { ok: false }
    sign = -1
    s = s.slice(1)
  } else if (s.startsWith('+')) s = s.slice(1)
  const m = /^(\d*)(?:\.(\d{0,2}))?$/.exec(s)
  if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return { ok: false }
  const intPart = m[1].replace(/^0+(?=\d)/, '') || '0'
  const frac = (m[2] ?? '').padEnd(2, '0')
  const digits = intPart + frac
  const fen = Number(digits)
  // keep within Number's exact integer range (±9007199254740991 fen)
  if (!Number.isSafeInteger(fen)) return { ok: false }
  return { ok: true, fen: fen === 0 ? 0 : sign * fen }
}

/** Formats fen as a yuan string with two decimals: 123456 → "1234.56" (or "1,234.56" grouped). */
export function formatFen(fen: number | null | undefined, grouped = false): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return ''
  const n = Math.trunc(fen)
  const sign = n < 0 ? '-' : ''
  const abs = Math.abs(n)
  let yuan = String(Math.floor(abs / 100))
  if (grouped) yuan = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`
}

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
