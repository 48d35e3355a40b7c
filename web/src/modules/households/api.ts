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
  /** the agreement / listing (matching module) the purchase was made under */
  agreement_id: number | null
  listing_id: number | null
  source: string
  current: boolean
  supersedes_id: number | null
  correction_reason?: string
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

export interface Employment {
  id: number
  household_id: number
  entity_id: number
  entity_name: string
  /** masked (张*) unless the caller works in the household's town */
  member_name: string
  position: string
  since: string
  until: string | null
}

export interface EmploymentInput {
  entity_id: number
  member_name: string
  position?: string
  since: string
  until?: string
}

export interface HouseholdShop {
  id: number
  household_id: number
  platform: string
  shop_name: string
  shop_ref: string
  entity_id: number | null
  /** the entity's registered shop it is linked to (same shop id / URL) */
  entity_shop_id?: number | null
  opened_on: string
  closed_on: string | null
}

export interface ShopInput {
  platform: string
  shop_name: string
  shop_ref?: string
  entity_id?: number
  opened_on: string
  closed_on?: string
}

export interface HouseholdHelp {
  employments: Employment[]
  shops: HouseholdShop[]
  /** current purchases from the household (count and sum in fen), all dates */
  purchases: number
  purchase_fen: number
}

export interface PurchaseInput {
  entity_id: number
  seller_kind: 'household' | 'village'
  household_id?: number
  village_code?: string
  seller_name?: string
  product: string
  quantity: number
  unit: string
  amount_fen: number
  purchased_on: string
  evidence_kind: 'receipt' | 'transfer'
  evidence_no: string
  agreement_id?: number
  listing_id?: number
}

export const householdsApi = {
  list: (q: Query) => http.get<Page<Household>>('/households', q),
  get: (id: number) => http.get<Household>(`/households/${id}`),
  help: (id: number) => http.get<HouseholdHelp>(`/households/${id}/help`),
  addEmployment: (id: number, body: EmploymentInput) => http.post<Employment>(`/households/${id}/employments`, body),
  addShop: (id: number, body: ShopInput) => http.post<HouseholdShop>(`/households/${id}/shops`, body),
  endEmployment: (id: number, employment: number, until: string) =>
    http.post<Employment>(`/households/${id}/employments/${employment}/end`, { until }),
  closeShop: (id: number, shop: number, closed_on: string) =>
    http.post<HouseholdShop>(`/households/${id}/shops/${shop}/close`, { closed_on }),
  purchases: (q: Query) => http.get<Page<Purchase>>('/purchases', q),
  recordPurchase: (body: PurchaseInput) => http.post<Purchase>('/purchases', body),
  correctPurchase: (id: number, body: PurchaseInput & { reason: string }) => http.post<Purchase>(`/purchases/${id}/correct`, body),
  create: (body: HouseholdInput) => http.post<Household>('/households', body),
  /** head_name and id_number may be empty: the stored ones are kept */
  update: (id: number, body: HouseholdInput) => http.put<Household>(`/households/${id}`, body),
  coverage: (q: Query) => http.get<Coverage>('/households/coverage', q),
  uncovered: (q: Query) => http.get<Page<Household>>('/households/coverage/uncovered', q),
}
