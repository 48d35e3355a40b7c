// Awards (奖补) endpoints of docs/API.md, "Awards", in the shapes of src/award/award_json.cc and
// src/award/api/award_handlers.cc. Amounts are integer fen; export metrics are US$ cents;
// rates and uplifts are basis points.
import { http, request, type Page, type Query } from '@/api/client'

/** A quantity as written in the programme file (src/programme/cli/programme_json.cc Qty). */
export interface Qty {
  value: string | number
  unit: string
  value_normalized: number | null
  base_unit: string
}

export interface AwardTier {
  from: Qty | null
  to: Qty | null
  amount: Qty | null
}

/** One award rule of a programme, as GET /programmes/{id} gives it under award_rules. */
export interface AwardRule {
  id: string
  name: string
  kind: string
  subject: string
  designation?: { level: string; kind: string }
  eligibility: Array<{ metric: string; period: string; comparator: string; threshold: Qty | null; text: string }>
  region_tags: string[]
  amount: {
    type: string
    value: Qty | null
    percent: Qty | null
    of: string
    up_to: boolean
    tiers: AwardTier[] | 'set_locally'
    cap: Qty | null
    floor: Qty | null
  }
  multipliers: Array<{ region_tag: string; uplift: Qty | null }>
  frequency: string
  payable_after_acceptance: boolean
  set_locally: Array<{ setting: string; note: string }>
  flags: string[]
  local: null | {
    set_by: string
    decided_on: string | null
    reference: string
    tiers: AwardTier[]
    value: Qty | null
    percent: Qty | null
    threshold: Qty | null
  }
  text: string
  source: string
}

export type LineStatus = 'payable' | 'needs_local_setting' | 'already_awarded' | 'beyond_quota'

export interface MetricUse {
  metric: string
  value: number
  unit: string // fen | us_cent
  record_ids: number[]
  comparator?: string
  threshold?: number
  threshold_set_locally?: boolean
}

export interface Explanation {
  status: LineStatus
  rule_name: string
  rule_text: string
  source: string
  amount_type: string
  metrics: MetricUse[]
  tier: { index: number; from: number | null; to: number | null; amount_fen: number } | null
  percent_bp: number | null
  percent_of: string | null
  percent_base: number | null
  base_fen: number | null
  multipliers: Array<{ region_tag: string; uplift_bp: number; applied: boolean }>
  after_uplift_fen: number | null
  cap_fen: number | null
  cap_applied: boolean
  floor_fen: number | null
  floor_applied: boolean
  set_locally: boolean
  set_by: string
  local_reference: string
  frequency: string
  payable_after_acceptance: boolean
  region_code: string
  payee_entity_id: number | null
  note: string
  prior?: { period: string; list_id: number; version: number }
  /** the rule's 择优名额: the line's competition rank among the eligible, and whether it fits */
  quota?: { places: number; rank: number; tied: number; within: boolean }
}

export interface AwardLine {
  line_no?: number
  subject_kind: string
  subject_id: number
  subject_name: string
  rule_id: string
  amount_fen: number | null
  explanation: Explanation
}

export type RuleStatus = 'evaluated' | 'no_data_source' | 'needs_local_setting' | 'not_evaluable'

export interface RuleOutcome {
  rule_id: string
  rule_name: string
  subject: string
  status: RuleStatus
  reason: string
  candidates: number
  lines: number
  payable_fen: number
}

export interface DiffEntry {
  change: 'added' | 'removed' | 'changed'
  rule_id: string
  subject_kind: string
  subject_id: number
  subject_name: string
  old_amount_fen: number | null
  new_amount_fen: number | null
  old_status: string | null
  new_status: string | null
}

export interface AwardDiff {
  entries: DiffEntry[]
  unchanged: number
  old_total_fen: number
  new_total_fen: number
  list_id?: number
  base_list_id?: number | null
}

export interface Evaluation extends Page<AwardLine> {
  programme_id: number
  programme_key: string
  scope_code: string
  period: string
  total_fen: number
  /** lines without an amount yet (待地方设定): not in total_fen */
  needs_local_setting_count?: number
  rules: RuleOutcome[]
  approved_list_id: number | null
  diff: AwardDiff
  /** which local settings (地方设定) of the programme version the evaluation used */
  local_version?: { version: number; change_id: number | null; rules: string[]; references: string[]; label: string }
}

export type ListStatus = 'draft' | 'proposed' | 'approved' | 'superseded'

export interface AwardList {
  id: number
  programme_id: number
  programme_key: string
  scope_code: string
  period: string
  version: number
  status: ListStatus
  line_count: number
  payable_count: number
  total_fen: number
  content_sha256: string
  rules: RuleOutcome[]
  created_by: number | null
  created_by_name?: string
  created_at: number | string | null
  proposed_by: number | null
  proposed_by_name?: string
  proposed_at: number | string | null
  approved_by: number | null
  approved_by_name?: string
  approved_at: number | string | null
  superseded_by: number | null
  already_approved?: boolean
}

export const awardsApi = {
  evaluate: (programme_id: number, period: string, q: Query = {}) =>
    request<Evaluation>('POST', '/awards/evaluate', { query: q, body: { programme_id, period } }),
  create: (programme_id: number, period: string) => http.post<AwardList>('/awards/lists', { programme_id, period }),
  lists: (q: Query) => http.get<Page<AwardList>>('/awards/lists', q),
  get: (id: number) => http.get<AwardList>(`/awards/lists/${id}`),
  lines: (id: number, q: Query = {}) => http.get<Page<AwardLine>>(`/awards/lists/${id}/lines`, q),
  diff: (id: number) => http.get<AwardDiff>(`/awards/lists/${id}/diff`),
  propose: (id: number) => http.post<AwardList>(`/awards/lists/${id}/propose`, {}),
  approve: (id: number) => http.post<AwardList>(`/awards/lists/${id}/approve`, {}),
  exportUrl: (id: number) => `/awards/lists/${id}/export`,
  publishUrl: (id: number) => `/awards/lists/${id}/publish`,
}
