// Supply–demand matching and agreements (src/matching): docs/API.md, "Matching and agreements".
import { http, type Page, type Query } from '@/api/client'

export interface Listing {
  id: number
  village_code: string
  village_name: string
  station_id: number
  station_name: string
  lat: string | null
  lng: string | null
  /** false for an entity account until its entity took the listing up */
  seller_visible: boolean
  household_id: number | null
  seller_name: string | null
  contact: string | null
  product: string
  unit: string
  quantity: number
  matched_quantity: number
  left: number
  price_fen: number | null
  available_from: string
  available_to: string
  note: string
  status: 'open' | 'matched' | 'withdrawn'
  status_label: string
  photo_count: number
}

export interface ListingInput {
  station_id: number | null
  village_code: string
  household_id?: number
  seller_name: string
  contact: string
  product: string
  unit: string
  quantity: number | null
  price_fen?: number | null
  available_from: string
  available_to: string
  note?: string
}

export interface Demand {
  id: number
  entity_id: number
  entity_name: string
  region_code: string
  region_name: string
  product: string
  unit: string
  quantity: number
  matched_quantity: number
  price_min_fen: number | null
  price_max_fen: number | null
  wanted_from: string
  wanted_to: string
  lat: string | null
  lng: string | null
  note: string
  status: 'open' | 'filled' | 'closed'
  status_label: string
}

export interface DemandInput {
  entity_id?: number
  product: string
  unit: string
  quantity: number | null
  price_min_fen?: number | null
  price_max_fen?: number | null
  wanted_from: string
  wanted_to: string
  lat?: string
  lng?: string
  note?: string
}

export interface Reason {
  code: 'quantity' | 'distance' | 'period' | 'price'
  points: number
  text: string
}

export interface Proposal {
  listing: Listing
  score: number
  distance_m: number | null
  quantity: number
  reasons: Reason[]
}

export interface Match {
  id: number
  listing_id: number
  demand_id: number | null
  entity_name: string
  village_name: string
  product: string
  quantity: number
  unit: string
  price_fen: number | null
  score: number | null
  reasons: string
  matched_on: string
}

export interface Party {
  kind: 'household' | 'coop' | 'base' | 'village' | 'entity'
  kind_label?: string
  name: string
  household_id?: number | null
  entity_id?: number | null
}

export interface AgreementProduct {
  product: string
  quantity: number
  unit: string
  price_fen?: number | null
}

export interface AgreementInput {
  entity_id?: number
  agreement_no: string
  title: string
  model: string
  signed_on: string
  valid_from: string
  valid_to: string
  note?: string
  parties: Party[]
  products: AgreementProduct[]
}

export interface AttributedSales {
  id?: number
  month: string
  amount_fen: number
  evidence: string
}

export interface Agreement extends AgreementInput {
  id: number
  entity_id: number
  entity_name: string
  model_label: string
  file_count: number
  attributed_fen: number
  files?: { id: number; filename: string; size: number }[]
  sales?: AttributedSales[]
}

/** One edit of a listing or an agreement (GET …/history; docs/MATCHING.md "Edits"). */
export interface Edit {
  id: number
  changes: { field: string; label: string; before: string; after: string }[]
  reason: string
  edited_by: number | null
  edited_by_name: string
  edited_at: string
}

/** A listing edit: the keys sent are changed (price_fen null: 面议). */
export interface ListingChanges {
  product?: string
  unit?: string
  quantity?: number
  price_fen?: number | null
  available_from?: string
  available_to?: string
  note?: string
  reason?: string
}

export const matchingApi = {
  createListing: (body: ListingInput) => http.post<Listing>('/matching/listings', body),
  withdraw: (id: number) => http.post<Listing>(`/matching/listings/${id}/withdraw`),
  updateListing: (id: number, body: ListingChanges) => http.put<Listing & { edit: Edit | null }>(`/matching/listings/${id}`, body),
  listingHistory: (id: number) => http.get<Page<Edit>>(`/matching/listings/${id}/history`, { page_size: 50 }),
  updateAgreement: (id: number, body: AgreementInput & { reason?: string }) =>
    http.put<Agreement & { edit: Edit | null }>(`/matching/agreements/${id}`, body),
  agreementHistory: (id: number) => http.get<Page<Edit>>(`/matching/agreements/${id}/history`, { page_size: 50 }),
  take: (id: number, quantity?: number) => http.post<Match>(`/matching/listings/${id}/take`, quantity ? { quantity } : {}),
  createDemand: (body: DemandInput) => http.post<Demand>('/matching/demands', body),
  closeDemand: (id: number) => http.post<Demand>(`/matching/demands/${id}/close`),
  proposals: (id: number, q: Query) => http.get<Page<Proposal>>(`/matching/demands/${id}/proposals`, q),
  accept: (demand: number, listing: number, quantity?: number) =>
    http.post<Match>(`/matching/demands/${demand}/proposals/${listing}/accept`, quantity ? { quantity } : {}),
  createAgreement: (body: AgreementInput) => http.post<Agreement>('/matching/agreements', body),
  agreements: (q: Query) => http.get<Page<Agreement>>('/matching/agreements', q),
  matches: (q: Query) => http.get<Page<Match>>('/matching/matches', q),
  agreement: (id: number) => http.get<Agreement>(`/matching/agreements/${id}`),
  recordSales: (id: number, month: string, amount_fen: number, evidence: string) =>
    http.put<AttributedSales>(`/matching/agreements/${id}/sales/${month}`, { amount_fen, evidence }),
  uploadAgreementFile: (id: number, file: File) => {
    const form = new FormData()
    form.append('file', file, file.name)
    return http.post<{ id: number }>(`/matching/agreements/${id}/files`, form)
  },
}
