// Special funds (专项资金): docs/API.md, "Special funds". Money is integer fen throughout.
import { http, type Page, type Query } from '@/api/client'

export type FundSource = 'central' | 'provincial' | 'city' | 'county' | 'other'
export const SOURCES: FundSource[] = ['central', 'provincial', 'city', 'county', 'other']
export type Op = 'arrive' | 'commit' | 'decommit' | 'advance' | 'pay' | 'settle' | 'clawback' | 'recover' | 'give_back' | 'reverse' | 'reclaim'
/** The operations of the transfer form; `reclaim` is raised from an award item (award-reclaims). */
export const OPS: Op[] = ['arrive', 'commit', 'decommit', 'advance', 'pay', 'settle', 'clawback', 'recover', 'give_back', 'reverse']
export type AccountKind = 'treasury' | 'available' | 'committed' | 'advanced' | 'paid' | 'clawback'
export type ProjectStatus = 'open' | 'accepted' | 'failed'

export interface CategoryFigures {
  code: string
  name: string
  planned_fen: number
  approved_fen: number
  committed_fen: number
  advanced_fen: number
  paid_fen: number
  clawback_fen: number
}

export interface Constraints {
  /** 公共服务中心's approved share of the fund, basis points (1500 = 15%) */
  public_service_center_bp: number
  public_service_center_limit_bp: number
  public_service_center_over: boolean
  /** uplink share of the approved spending, basis points; null before anything is approved */
  uplink_bp: number | null
  uplink_target_bp: number
  uplink_met: boolean
  advance_pct: number
  advance_over_projects: string[]
  /** failed acceptance and still holding committed or advanced money (to claw back, decommit) */
  failed_holding_projects: string[]
}

export interface Fund {
  id: number
  county_code: string
  programme_id: number | null
  name: string
  source: FundSource
  source_label: string
  amount_fen: number
  advance_pct: number
  valid_from: string
  valid_to: string
  document: string
  closed_through: string | null
  categories: CategoryFigures[]
  totals: CategoryFigures & { arrived_fen: number; available_fen: number }
  constraints: Constraints
  project_count: number
}

export interface FundInput {
  county_code: string
  name: string
  source: FundSource
  amount_fen: number
  advance_pct: number
  valid_from: string
  valid_to: string
  document: string
  categories: { code: string; name: string; planned_fen: number }[]
}

export interface Account {
  kind: AccountKind
  kind_label: string
  category: string
  project: string
}

export interface Transfer {
  id: number
  seq: number
  op: Op
  op_label: string
  from: Account
  to: Account
  amount_fen: number
  value_date: string
  document: string
  purpose: string
  uplink_pct: number
  reason: string
  reverses: number | null
  reversed_by?: number | null
  idempotency_key: string
  created_at: string
  repeated: boolean
}

export interface TransferInput {
  op: Op
  category?: string
  project?: string
  amount_fen: number
  value_date: string
  document: string
  purpose?: string
  uplink_pct?: number
  reason?: string
  reverses?: number
  idempotency_key: string
}

export interface Balance {
  kind: AccountKind
  kind_label: string
  category: string
  project: string
  balance_fen: number
}

export interface FundProject {
  project: string
  name: string
  status: ProjectStatus
  status_label: string
  status_on: string | null
}

export interface PlanChange {
  id: number
  code: string
  planned_fen: number
  before_fen: number
  document: string
  reason: string
  changed_by: number | null
  changed_at: string
}

export interface AwardItem {
  item_id: number
  list_id: number
  line_id: number | null
  rule_id: string
  subject_kind: string
  subject_id: number
  payee_name: string
  region_code: string
  amount_fen: number
  /** the change against the item it replaces (negative: a later version pays less) */
  delta_fen: number
  status: 'open' | 'superseded' | 'paid'
  acceptance_status: string
  project: string
  payable: boolean
  reason: string
  /** open: what a run pays — the amount less what was actually paid over the versions */
  due_fen: number
  /** what a reclaim of the item would take back now (0: nothing over-paid) */
  reclaim_fen: number
}

export type ReclaimState = 'raised' | 'partly_recovered' | 'recovered' | 'reversed'

/** A reclaim of an award over-payment (paid → claw-back), with what has come back. */
export interface AwardReclaim {
  id: number
  list_id: number
  item_id: number
  transfer_id: number
  project: string
  category: string
  payee_name: string
  rule_id: string
  delta_fen: number
  amount_fen: number
  recovered_fen: number
  outstanding_fen: number
  state: ReclaimState
  state_label: string
  reversed_by: number | null
  value_date: string
  document: string
  created_at: string
  repeated: boolean
}

export const fundsApi = {
  list: (q: Query) => http.get<Page<Fund>>('/funds', q),
  get: (id: number) => http.get<Fund>(`/funds/${id}`),
  create: (body: FundInput) => http.post<Fund>('/funds', body),
  transfers: (id: number, q: Query) => http.get<Page<Transfer>>(`/funds/${id}/transfers`, q),
  move: (id: number, body: TransferInput) => http.post<Transfer>(`/funds/${id}/transfers`, body),
  balances: (id: number, q: Query) => http.get<Page<Balance>>(`/funds/${id}/balances`, q),
  projects: (id: number, q: Query) => http.get<Page<FundProject>>(`/funds/${id}/projects`, q),
  putProject: (id: number, body: { project: string; name: string; status?: ProjectStatus; status_on?: string }) =>
    http.post<FundProject>(`/funds/${id}/projects`, body),
  planChanges: (id: number, q: Query) => http.get<Page<PlanChange>>(`/funds/${id}/plan-changes`, q),
  adjustPlan: (id: number, body: { code: string; planned_fen: number; document: string; reason: string }) =>
    http.post<{ changed: boolean; fund: Fund }>(`/funds/${id}/plan-changes`, body),
  close: (id: number, through: string) => http.post<Fund>(`/funds/${id}/close`, { through }),
  awardItems: (id: number, q: Query) => http.get<Page<AwardItem> & { payable_fen: number }>(`/funds/${id}/award-items`, q),
  payAwards: (id: number, body: { list_id: number; category: string; value_date: string; document: string; uplink_pct: number }) =>
    http.post<{ paid_items: number; paid_fen: number; items: AwardItem[] }>(`/funds/${id}/award-payments`, body),
  reclaims: (id: number, q: Query) => http.get<Page<AwardReclaim>>(`/funds/${id}/award-reclaims`, q),
  raiseReclaim: (id: number, body: { list_id: number; item_id: number; value_date: string; document: string; category?: string }) =>
    http.post<AwardReclaim>(`/funds/${id}/award-reclaims`, body),
  recordAcceptance: (id: number, item: number, body: { list_id: number; accepted: boolean; on: string; document: string }) =>
    http.post<AwardItem & { repeated: boolean }>(`/funds/${id}/award-items/${item}/acceptance`, body),
  verify: (id: number) => http.get<{ ok: boolean; transfers: number; violation: string }>(`/funds/${id}/verify`),
}
