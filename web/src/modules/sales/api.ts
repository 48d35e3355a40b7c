// The online-sales ledger, imports, summaries and rankings: docs/API.md, "Entities, brands and the
// online-sales ledger". Money is integer fen on the wire (amount_fen, uplink_fen …); export amounts
// are US$ cents.
import { http, type Page, type Query } from '@/api/client'

export type Direction = 'uplink' | 'downlink'

export interface SalesRecord {
  id: number
  entity_id: number
  entity_name: string
  region_code: string
  region_name: string
  shop_id: number | null
  brand_id: number | null
  period: string
  platform: string
  direction: Direction
  agricultural: boolean
  category: string
  amount_fen: number
  orders: number | null
  export_usd_cents: number | null
  source: 'form' | 'import' | 'api'
  batch_id: number | null
  supersedes_id: number | null
  is_current: boolean
  correction_reason: string
  created_by: number | null
  created_by_name?: string
  created_at: string
}

export interface SalesInput {
  entity_id: number
  shop_id?: number | null
  brand_id?: number | null
  period: string
  platform: string
  direction: Direction
  agricultural?: boolean
  category?: string
  amount_fen: number
  orders?: number | null
  export_usd_cents?: number | null
}

export interface ImportResult {
  batch_id: number | null
  already_imported: boolean
  rolled_back: boolean
  rows_total: number
  rows_imported: number
  rows_rejected: number
  errors: { row: number; column: string; reason: string }[]
  error_report_id: number | null
  error_workbook: string | null
}

export interface SummaryFigures {
  uplink_fen: number
  downlink_fen: number
  agricultural_uplink_fen: number
  export_usd_cents: number
  entities_over: number | null
  brands_over: number | null
  new_entities: number
}

export interface SummaryRow extends SummaryFigures {
  region_code: string
  region_name: string
}

export interface Summary extends Page<SummaryRow> {
  year: number
  region_code: string
  sum: SummaryFigures
  thresholds: { entity_fen: number | null; brand_fen: number | null; entity_source: string; brand_source: string }
}

export interface RankingRow {
  rank: number
  entity_id: number
  name: string
  amount_fen: number
}

export const salesApi = {
  list: (q: Query) => http.get<Page<SalesRecord>>('/sales', q),
  get: (id: number) => http.get<SalesRecord>(`/sales/${id}`),
  create: (body: SalesInput) => http.post<SalesRecord>('/sales', body),
  correct: (id: number, body: SalesInput & { reason: string }) => http.post<SalesRecord>(`/sales/${id}/correct`, body),
  history: (id: number, q: Query = {}) => http.get<Page<SalesRecord>>(`/sales/${id}/history`, { page_size: 200, ...q }),
  summary: (q: Query) => http.get<Summary>('/sales/summary', q),
  ranking: (q: Query) => http.get<Page<RankingRow>>('/sales/ranking', q),
}
