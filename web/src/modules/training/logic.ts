// Pure helpers of the training pages (tested in training.spec.ts).
import type { AttendanceRow, DictValue, PersonTimesMatrix, Session } from './api'

/** The days of a session, first to last (YYYY-MM-DD). */
export function sessionDays(s: Pick<Session, 'starts_on' | 'ends_on'>): string[] {
  const out: string[] = []
  const d = new Date(s.starts_on + 'T00:00:00Z')
  const end = new Date(s.ends_on + 'T00:00:00Z')
  while (d <= end && out.length < 400) {
    out.push(d.toISOString().slice(0, 10))
    d.setUTCDate(d.getUTCDate() + 1)
  }
  return out
}

/** The day the phone page opens on: today when the session runs today, else its last day so far. */
export function defaultDay(s: Pick<Session, 'starts_on' | 'ends_on'>, today: string): string {
  if (today < s.starts_on) return s.starts_on
  if (today > s.ends_on) return s.ends_on
  return today
}

/** Trainee ids present on `day`. */
export function presentOn(rows: AttendanceRow[], day: string): number[] {
  return rows.filter((r) => r.days.includes(day)).map((r) => r.trainee_id)
}

/** 人次 of the rows: trainees with at least one attended day (docs/TRAINING.md). */
export function personTimes(rows: AttendanceRow[]): number {
  return rows.filter((r) => r.days.length > 0).length
}

/** Dictionary labels of values; an unknown value shows as itself. */
export function labels(values: string[], dict: DictValue[]): string[] {
  return values.map((v) => dict.find((d) => d.value === v)?.label ?? v)
}

/** A certificate code as typed: upper-cased, spaces and dashes removed. */
export function normalizeCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '')
}

/** A child region's row of the quota matrix: person-times per level, the total, the quota and the share reached. */
export interface MatrixRow {
  region_code: string
  region_name: string
  cells: number[]
  total: number
  quota: number | null
  /** total ÷ quota as a whole percent (rounded down, so 99.9% is not shown as done); null without a quota */
  percent: number | null
}

/**
 * The quota matrix (towns × course levels): the server's person-times by child region and level,
 * each row with the programme's quota of training_person_times for that region (`quotas`:
 * region_code → person-times, from the programme's progress; empty when no programme is chosen),
 * and a last row of totals (quota: the sum of the rows' quotas when every row has one).
 */
export function matrixRows(m: PersonTimesMatrix, quotas: Record<string, number>): MatrixRow[] {
  const pct = (total: number, quota: number | null) => (quota && quota > 0 ? Math.floor((total * 100) / quota) : null)
  const rows = m.rows.map((r): MatrixRow => {
    const quota = quotas[r.region_code] ?? null
    return { region_code: r.region_code, region_name: r.region_name, cells: m.levels.map((l) => r.by_level[l.value] ?? 0), total: r.total, quota, percent: pct(r.total, quota) }
  })
  const all = rows.length > 0 && rows.every((r) => r.quota !== null)
  const quota = all ? rows.reduce((s, r) => s + (r.quota ?? 0), 0) : null
  const totals: MatrixRow = { region_code: '', region_name: '', cells: m.levels.map((l) => m.by_level[l.value] ?? 0), total: m.total, quota, percent: pct(m.total, quota) }
  rows.push(totals)
  return rows
}

/** A region code padded to the 12 digits the server stores ("341302" → "341302000000"). */
export function padCode(code: string): string {
  return code.padEnd(12, '0')
}

/** The structural part of a programme's progress (GET /programmes/{id}/progress) the matrix reads. */
export interface QuotaSource {
  targets: { indicator: string; quotas: { region_code: string; goal: number | null }[] }[]
}

/**
 * Per-region quotas of the programme's first training_person_times target that has quotas
 * (001's per-county 2,500/1,600/500 person-times): 12-digit region code → person-times.
 */
export function personTimeQuotas(p: QuotaSource | null): Record<string, number> {
  const target = p?.targets.find((t) => t.indicator === 'training_person_times' && t.quotas.length > 0)
  const out: Record<string, number> = {}
  for (const q of target?.quotas ?? []) if (q.goal !== null) out[padCode(q.region_code)] = q.goal
  return out
}
