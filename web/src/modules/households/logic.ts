// Rules the household pages mirror from the server (src/households/register.cc, help.cc).
import type { CoverageCount, HouseholdInput, HouseholdStatus } from './api'

/** What the form must fill before saving (the server checks the same and names the field). */
export function missing(f: HouseholdInput): (keyof HouseholdInput)[] {
  const out: (keyof HouseholdInput)[] = []
  if (!f.region_code || f.region_code.length !== 12 || f.region_code.endsWith('000')) out.push('region_code')
  if (!f.head_name.trim()) out.push('head_name')
  if (!/^\d{17}[\dXx]$/.test(f.id_number.trim())) out.push('id_number')
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
