// Station assessment (站点考核, issue 17 item 3): docs/API.md "Station assessment", rules in
// docs/STATIONS.md "Assessment". The total mirrors the server (src/station/assessment.cc).
import { http, upload, type Query } from '@/api/client'

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month'
export const PERIOD_KINDS: PeriodKind[] = ['year', 'half', 'quarter', 'month']

export interface TemplateItem {
  id?: number
  name: string
  weight: number
  max_score: number
}

export interface AssessmentTemplate {
  id: number
  county_code: string
  name: string
  period_kind: PeriodKind
  period_kind_label: string
  pass_mark: number
  retired: boolean
  /** how many assessments use it (> 0: it cannot change any more) */
  assessments: number
  items: Required<TemplateItem>[]
  created_at: string
  updated_at: string
}

export interface TemplateInput {
  name: string
  period_kind: PeriodKind
  pass_mark: number
  items: TemplateItem[]
}

export interface ItemScore {
  item_id: number
  item_name: string
  weight: number
  max_score: number
  score: number
  note: string
}

export type Followup = 'none' | 'rectification' | 'exit'

export interface Assessment {
  id: number
  station_id: number
  station_name: string
  region_code: string
  region_name: string
  template_id: number
  template_name: string
  period: string
  assessed_on: string
  /** the weighted total in hundredths of a point (0 … 10000) */
  total_centi: number
  pass_mark: number
  passed: boolean
  comment: string
  evidence: { filename: string; content_type: string; size: number; sha256: string } | null
  followup: Followup
  followup_status: '' | 'open' | 'done' | 'proposed' | 'confirmed' | 'withdrawn'
  followup_deadline: string | null
  followup_note: string
  assessed_by: string
  scores: ItemScore[]
  created_at: string
  updated_at: string
}

export interface AssessmentInput {
  template_id: number
  period: string
  assessed_on?: string
  comment?: string
  scores: Array<{ item_id: number; score: number; note?: string }>
}

export interface RankedAssessment extends Assessment {
  rank: number
}

export const assessmentApi = {
  templates: (retired = false) => http.get<AssessmentTemplate[]>('/stations/assessment-templates', retired ? { retired: 'true' } : {}),
  createTemplate: (body: TemplateInput) => http.post<AssessmentTemplate>('/stations/assessment-templates', body),
  updateTemplate: (id: number, body: TemplateInput) => http.put<AssessmentTemplate>(`/stations/assessment-templates/${id}`, body),
  retireTemplate: (id: number) => http.post<AssessmentTemplate>(`/stations/assessment-templates/${id}/retire`, {}),
  ofStation: (id: number) => http.get<Assessment[]>(`/stations/${id}/assessments`),
  assess: (id: number, body: AssessmentInput) => http.post<Assessment>(`/stations/${id}/assessments`, body),
  get: (id: number) => http.get<Assessment>(`/stations/assessments/${id}`),
  evidence: (id: number, file: File) => upload(`/stations/assessments/${id}/evidence`, file),
  followup: (id: number, body: { kind: 'rectification' | 'exit'; deadline?: string; note?: string }) =>
    http.post<Assessment>(`/stations/assessments/${id}/followup`, body),
  rectified: (id: number, note: string) => http.post<Assessment>(`/stations/assessments/${id}/rectified`, { note }),
  decideExit: (id: number, body: { decision: 'confirm' | 'withdraw'; date?: string; reason?: string; document_no?: string }) =>
    http.post<Assessment>(`/stations/assessments/${id}/exit`, body),
  ranking: (q: Query) => http.get<{ template_id: number; period: string; items: RankedAssessment[] }>('/stations/assessments/ranking', q),
}

/** Σ round-half-up(score × weight × 100 ÷ max): the server's total in hundredths of a point. */
export function totalCenti(items: Array<{ id?: number; weight: number; max_score: number }>, scores: Record<number, number | null>): number {
  let total = 0
  for (const i of items) {
    const s = i.id === undefined ? null : scores[i.id]
    if (s === null || s === undefined || i.max_score <= 0) continue
    total += Math.floor((2 * s * i.weight * 100 + i.max_score) / (2 * i.max_score))
  }
  return total
}

/** "85.5" from 8550 (hundredths of a point; trailing zeros dropped). */
export function points(centi: number): string {
  const whole = Math.floor(centi / 100)
  const frac = centi % 100
  if (frac === 0) return String(whole)
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`
}

/** The sum of the weights and whether the items make a valid template (1–30 items, Σ = 100). */
export function weightCheck(items: TemplateItem[]): { sum: number; ok: boolean } {
  const sum = items.reduce((a, i) => a + (Number.isInteger(i.weight) ? i.weight : 0), 0)
  const ok = items.length > 0 && items.length <= 30 && sum === 100 &&
    items.every((i) => i.name.trim() !== '' && Number.isInteger(i.weight) && i.weight > 0 && Number.isInteger(i.max_score) && i.max_score > 0 && i.max_score <= 1000)
  return { sum, ok }
}

/** The periods a template of `kind` offers up to `today` (newest first, this year and the last). */
export function periodChoices(kind: PeriodKind, today: Date): string[] {
  const y = today.getFullYear()
  const m = today.getMonth() + 1
  const out: string[] = []
  for (const year of [y, y - 1]) {
    if (kind === 'year') out.push(String(year))
    if (kind === 'half') for (const h of [2, 1]) if (year < y || (h === 1 ? 1 : 7) <= m) out.push(`${year}-H${h}`)
    if (kind === 'quarter') for (const q of [4, 3, 2, 1]) if (year < y || (q - 1) * 3 + 1 <= m) out.push(`${year}-Q${q}`)
    if (kind === 'month') for (let mm = 12; mm >= 1; mm--) if (year < y || mm <= m) out.push(`${year}-${String(mm).padStart(2, '0')}`)
  }
  return out
}
