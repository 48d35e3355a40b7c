// Entities (经营主体), their shops and brands, and an entity's monthly figures: docs/API.md,
// "Entities, brands and the online-sales ledger". Money is integer fen on the wire (uplink_fen …);
// export amounts are US$ cents.
import { http, type Page, type Query } from '@/api/client'

export type EntityKind = 'enterprise' | 'cooperative' | 'family_farm' | 'individual_business' | 'operator'
export const ENTITY_KINDS: EntityKind[] = ['enterprise', 'cooperative', 'family_farm', 'individual_business', 'operator']

export interface Linkage {
  model: boolean
  contract_farming: boolean
  employs_poor: boolean
}

export interface Entity {
  id: number
  uscc: string
  name: string
  kind: EntityKind
  kind_label: string
  region_code: string
  region_name: string
  registered_on: string | null
  contact_name: string
  mobile_masked: string | null
  linkage: Linkage
  /** WGS-84 decimal degrees (6 decimals) of the entity's position, for the screen's point map */
  lat: string | null
  lng: string | null
  shop_count: number
  brand_count: number
  created_at: string
  updated_at: string
}

export interface Shop {
  id: number
  entity_id: number
  platform: string
  shop_name: string
  shop_ref: string
}

export interface Brand {
  id: number
  entity_id: number
  entity_name: string
  region_code: string
  name: string
  trademark_no: string
  categories: string[]
  regional_brand: boolean
}

export interface MonthFigures {
  period: string
  uplink_fen: number
  downlink_fen: number
  agricultural_uplink_fen: number
  export_usd_cents: number
}

export interface EntityDetail extends Entity {
  shops: Shop[]
  brands: Brand[]
  monthly: { year: number; months: MonthFigures[] }
}

export interface EntityInput {
  uscc?: string
  name?: string
  kind?: EntityKind
  region_code?: string
  registered_on?: string | null
  contact_name?: string
  mobile?: string
  linkage?: Linkage
  /** both or neither; null clears the position */
  lat?: string | null
  lng?: string | null
}

export const entitiesApi = {
  list: (q: Query) => http.get<Page<Entity>>('/entities', q),
  get: (id: number, year?: number) => http.get<EntityDetail>(`/entities/${id}`, year ? { year } : undefined),
  create: (body: EntityInput) => http.post<Entity>('/entities', body),
  update: (id: number, body: EntityInput) => http.put<Entity>(`/entities/${id}`, body),
  addShop: (id: number, body: Omit<Shop, 'id' | 'entity_id'>) => http.post<Shop>(`/entities/${id}/shops`, body),
  addBrand: (id: number, body: Partial<Brand>) => http.post<Brand>(`/entities/${id}/brands`, body),
}
