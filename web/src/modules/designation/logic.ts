// Rules the designation pages mirror from the server (src/designation/names.cc, service.cc), and
// the quota rows of a programme's demonstration targets.
import type { DesignationKind, DesignationStatus } from './api'
import type { ProgrammeProgress, ProgressLine } from '../programme/api'

const NEXT: Record<DesignationStatus, DesignationStatus[]> = {
  candidate: ['applied', 'recognised', 'revoked'],
  applied: ['recognised', 'revoked'],
  recognised: ['revoked'],
  revoked: [],
}

/** The statuses a designation in `from` may change to. */
export function nextStatuses(from: DesignationStatus): DesignationStatus[] {
  return NEXT[from]
}

/** What the server requires with a change: the document for recognised, a reason for revoked. */
export function required(to: DesignationStatus): { document: boolean; reason: boolean } {
  return { document: to === 'recognised', reason: to === 'revoked' }
}

/** Which subject a kind designates: a region (county/town/village/park), a station or an entity. */
export function subjectOf(kind: DesignationKind): 'region' | 'station' | 'entity' {
  return kind === 'point' ? 'station' : kind === 'enterprise' ? 'entity' : 'region'
}

/** Tag colour of a status. */
export function statusType(s: DesignationStatus): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  return s === 'recognised' ? 'success' : s === 'applied' ? 'primary' : s === 'revoked' ? 'danger' : 'info'
}

export interface QuotaRow {
  programme: string
  target_id: string
  level: string
  kind: string
  due: string
  line: ProgressLine
  /** the target's own region (true) or one child region's quota */
  total: boolean
}

/**
 * The demonstration_units targets of a programme's progress, each as its own region's line followed
 * by one line per quota region (per county in 001, per town in 002), in the server's order.
 */
export function quotaRows(programme: string, progress: ProgrammeProgress, params: Record<string, Record<string, string>>): QuotaRow[] {
  const rows: QuotaRow[] = []
  for (const t of progress.targets) {
    if (t.indicator !== 'demonstration_units') continue
    const p = params[t.target_id] || {}
    const base = { programme, target_id: t.target_id, level: p.level || 'any', kind: p.kind || '', due: t.due }
    rows.push({ ...base, line: t.region, total: true })
    for (const q of t.quotas) rows.push({ ...base, line: q, total: false })
  }
  return rows
}

/** Share of the goal reached, 0–100 (for a progress bar); 0 without a goal or an actual. */
export function percentOf(line: ProgressLine): number {
  if (!line.goal || line.actual === null) return 0
  return Math.min(100, Math.round((line.actual / line.goal) * 100))
}
