// Rules the project pages mirror from the server (src/projects/catalogue.cc, workflow.cc).
import type { Deadline, FindingStatus, Grade, ProjectStatus } from './api'

/** What a move needs besides its key: a note (补正, conclusions, 验收意见…), a grade, a rectification date. */
export function needs(from: ProjectStatus, to: ProjectStatus): { note: boolean; grade: boolean; rectifyBy: boolean } {
  const noteTo: ProjectStatus[] = ['correction', 'implementing', 'rejected', 'acceptance', 'rectification', 'failed']
  const note = noteTo.includes(to) || (from === 'rectification' && to === 'approval')
  return { note, grade: to === 'evaluation', rectifyBy: to === 'rectification' }
}

/** A fresh idempotency key: one per opened dialog, so a double click sends the same key twice. */
/** The next free extra slot (extra_1 … extra_10) for a material a programme adds; null when none is left. */
export function nextExtraSlot(codes: string[]): string | null {
  for (let i = 1; i <= 10; i++) if (!codes.includes(`extra_${i}`)) return `extra_${i}`
  return null
}

export function newKey(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** Tag colour of a status. */
export function statusType(s: ProjectStatus): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  if (s === 'archived' || s === 'payment' || s === 'approval') return 'success'
  if (s === 'rejected' || s === 'failed') return 'danger'
  if (s === 'correction' || s === 'rectification') return 'warning'
  if (s === 'draft') return 'info'
  return 'primary'
}

/** Tag colour of a finding's status: open is work to do, awaiting check is in hand, closed is done. */
export function findingType(s: FindingStatus): 'success' | 'warning' | 'danger' {
  return s === 'closed' ? 'success' : s === 'submitted' ? 'warning' : 'danger'
}

/** Tag colour of a grade. */
export function gradeType(g: Grade): 'success' | 'warning' | 'danger' {
  return g === 'pass' ? 'success' : g === 'basic_pass' ? 'warning' : 'danger'
}

/** How a deadline shows: its date, or why it has none (paused by 补正, provisional: year unknown). */
export function deadlineState(d: Deadline): 'closed' | 'overdue' | 'paused' | 'provisional' | 'soon' | 'open' {
  if (d.closed_on) return 'closed'
  if (d.paused) return 'paused'
  if (d.provisional) return 'provisional'
  if (d.overdue) return 'overdue'
  return d.due_soon ? 'soon' : 'open'
}

/** Yuan (two decimals) as fen; null for an empty or invalid text. */
export function fenOf(yuan: string): number | null {
  const s = yuan.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null
  const [i, f = ''] = s.split('.')
  return Number(i) * 100 + Number((f + '00').slice(0, 2))
}
