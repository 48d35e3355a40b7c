// Pure helpers of the training pages (tested in training.spec.ts).
import type { AttendanceRow, DictValue, Session } from './api'

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
