// Poor households, purchases and coverage (电商扶贫): docs/API.md, "Households and purchases".
import { http, type Page, type Query } from '@/api/client'

export type HouseholdStatus = 'registered' | 'lifted' | 'monitored'
export const STATUSES: HouseholdStatus[] = ['registered', 'lifted', 'monitored']
export type HelperKind = 'unit' | 'entity' | 'grower' | 'capable'

export interface Helper {
  kind: HelperKind
  kind_label?: string
  name: string
  entity_id?: number | null
}

export interface Household {
  id: number
  region_code: string
  region_name: string
  /** masked (张*) unless the caller works in the household's town */
  head_name: string
  name_masked: boolean
  id_number_masked: string
  members: number
  status: HouseholdStatus
  status_label: string
  lifted_year: number | null
  willing: boolean
  willing_on: string | null
  able: boolean
  able_on: string | null
  products: string[]
  helpers: Helper[]
  source: string
}

export interface HouseholdInput {
  region_code: string
  head_name: string
  id_number: string
  members: number
  status: HouseholdStatus
  lifted_year?: number
  willing: boolean
  willing_on?: string
  able: boolean
  able_on?: string
  products: string[]
  helpers: Helper[]
}

export interface Purchase {
  id: number
  entity_id: number
  entity_name: string
  seller_kind: 'household' | 'village'
  household_id: number | null
  village_code: string
  village_name: string
  seller_name: string
  product: string
  quantity: number
  unit: string
  amount_fen: number
  purchased_on: string
  evidence_kind: 'receipt' | 'transfer'
  evidence_no: string
  source: string
  current: boolean
  supersedes_id: number | null
}

export interface CoverageCount {
  region_code: string
  name: string
  covered: number
  eligible: number
  rate_bp: number | null
}

export interface Coverage extends CoverageCount {
  indicator: string
  from: string
  to: string
  towns: CoverageCount[]
}

export const householdsApi = {
  list: (q: Query) => http.get<Page<Household>>('/households', q),
  create: (body: HouseholdInput) => http.post<Household>('/households', body),
  coverage: (q: Query) => http.get<Coverage>('/households/coverage', q),
  uncovered: (q: Query) => http.get<Page<Household>>('/households/coverage/uncovered', q),
}
