// The specialty product library and traceability: docs/API.md "Products", "Traceability".
import { apiUrl, download, http, type Page, type Query } from '@/api/client'

export interface PublicCert {
  kind: string
  kind_label: string
  number: string
  issuer: string
  valid_to: string
  holder: 'product' | 'producer'
}

export interface PublicEvent {
  step: string
  step_label: string
  event_time: string
  place: string
  quantity: string
  input_quantity: string
  uom: string
  dates: Record<string, string>
  result: '' | 'pass' | 'fail'
  test_report: string
  corrected: boolean
}

/** GET /public/trace/{code}: what anyone holding a batch's code sees (no session). */
export interface PublicTrace {
  code: string
  product: {
    name: string
    category: string
    specs: string
    packaging_standard: string
    gtin: string
    county_item_code: string
    grade: string
    grade_scale: string
    brand: string
    regional_brand: string
    admission: string
    admission_label: string
  }
  producer: { name: string }
  origin: string
  batch: { lot: string; quantity: string; uom: string; produced_on: string | null }
  certifications: PublicCert[]
  /** A page of the timeline: events_per_page at most, from events_from, of events_total. */
  events: PublicEvent[]
  events_total: number
  events_from: number
  events_per_page: number
  chain_ok: boolean
}

export type Admission = 'draft' | 'applied' | 'returned' | 'admitted' | 'rejected' | 'suspended' | 'removed'
export const ADMISSIONS: readonly Admission[] = ['draft', 'applied', 'returned', 'admitted', 'rejected', 'suspended', 'removed']

export interface Product {
  id: number
  county_code: string
  region_code: string
  region_name: string
  entity_id: number
  entity_name: string
  name: string
  category: string
  brand_id: number | null
  brand_name: string
  regional_brand_id: number | null
  regional_brand_name: string
  gtin: string
  specs: string
  packaging_standard: string
  grade_scale_id: number | null
  grade_scale_name: string
  grade: string
  admission: Admission
  admission_label: string
  admission_on: string | null
  certified: boolean
  updated_at: string
}

export interface Certificate {
  id: number
  region_code: string
  product_id: number | null
  product_name: string
  entity_id: number
  entity_name: string
  kind: string
  kind_label: string
  number: string
  issuer: string
  valid_from: string
  valid_to: string
  status: 'valid' | 'expired' | 'not_yet_valid'
  days_left: number
  note: string
}

export interface Move {
  id: number
  seq: number
  from: Admission
  to: Admission
  to_label: string
  on: string
  note: string
  checklist: string[]
  actor_name: string
  created_at: string
}

export interface ProductDetail extends Product {
  certifications: Certificate[]
  checklist: { code: string; label: string; suggested: boolean }[]
  history: Move[]
  next: { to: Admission; label: string }[]
}

export interface ProductBody {
  entity_id?: number
  name: string
  category: string
  region_code?: string
  gtin?: string
  specs?: string
  packaging_standard?: string
  brand_id?: number | null
  regional_brand_id?: number | null
  grade_scale_id?: number | null
  grade?: string
}

export interface CertBody {
  product_id?: number
  entity_id?: number
  kind: string
  number: string
  issuer: string
  valid_from: string
  valid_to: string
  note?: string
}

export interface Batch {
  id: number
  region_code: string
  product_id: number
  product_name: string
  entity_name: string
  gtin: string
  lot: string
  quantity: string
  uom: string
  produced_on: string | null
  epc_class: string
  public_code: string
  event_count: number
  created_at: string
}

export interface TraceEvent {
  id: number
  seq: number
  event_id: string
  kind: 'event' | 'error_declaration'
  step: string
  step_label: string
  event_time: string
  read_point: string
  quantity: string
  input_quantity: string
  uom: string
  ilmd: Record<string, string>
  test_report: string
  note: string
  error_reason: string
  declared_erroneous: boolean
  actor_name: string
  record_time: string
}

export interface BatchDetail extends Batch {
  events: TraceEvent[]
  chain: { ok: boolean; events: number; bad_event_id: number | null; violation: string }
}

export interface EventBody {
  step: string
  event_time: string
  event_id?: string
  read_point?: string
  quantity?: string
  input_quantity?: string
  uom?: string
  harvest_start?: string
  harvest_end?: string
  production_date?: string
  best_before?: string
  test_report?: string
  result?: '' | 'pass' | 'fail'
  note?: string
}

export interface BatchLink {
  digital_link: string
  base_url: string
  base_from_setting: boolean
  item_key: string
  county_item_code: boolean
  public_path: string
}

export interface ScanRow {
  batch_id: number
  lot: string
  product_id: number
  product_name: string
  entity_name: string
  region_code: string
  scans: number
  last_day: string | null
}

export interface Option {
  value: string
  label: string
}

export const productsApi = {
  list: (q: Query) => http.get<Page<Product>>('/products', q),
  get: (id: number) => http.get<ProductDetail>(`/products/${id}`),
  create: (b: ProductBody) => http.post<ProductDetail>('/products', b),
  update: (id: number, b: ProductBody) => http.put<ProductDetail>(`/products/${id}`, b),
  move: (id: number, b: { to: Admission; idempotency_key: string; note?: string; checklist?: string[] }) => http.post<ProductDetail>(`/products/${id}/admission`, b),
  scales: () => http.get<Page<{ id: number; name: string; grades: string[] }>>('/products/grade-scales', { page_size: 100 }),
  addCert: (b: CertBody) => http.post<Certificate>('/products/certifications', b),
  expiring: (days: number) => http.get<{ items: Certificate[]; days: number }>('/products/certifications/expiring', { days, page_size: 200 }),
  categories: () => http.get<Option[]>('/dicts/product_library_categories'),
  certKinds: () => http.get<Option[]>('/dicts/product_certification_kinds'),
  steps: () => http.get<{ step: string; label: string; ilmd: boolean }[]>('/trace/steps'),
  batch: (id: number) => http.get<BatchDetail>(`/trace/batches/${id}`),
  createBatch: (b: { product_id: number; lot: string; quantity?: string; uom?: string; produced_on?: string }) => http.post<BatchDetail>('/trace/batches', b),
  recordEvent: (id: number, b: EventBody) => http.post<TraceEvent>(`/trace/batches/${id}/events`, b),
  correct: (id: number, event: number, b: { reason: string; note: string; corrective?: EventBody }) => http.post(`/trace/batches/${id}/events/${event}/corrections`, b),
  link: (id: number, base: string) => http.get<BatchLink>(`/trace/batches/${id}/link`, { base }),
  qrUrl: (id: number, base: string) => apiUrl(`/trace/batches/${id}/qr`, { format: 'svg', base }),
  /** The label sheet; with serialFrom, one item's link a label (/21/{serial}, numbered from it). */
  labels: (id: number, count: number, base: string, lot: string, serialFrom?: number) =>
    download(`/trace/batches/${id}/labels`, serialFrom ? { count, base, serial_from: serialFrom } : { count, base }, `溯源标签-${lot}.pdf`),
  batchScans: (id: number, q: Query) => http.get<{ days: { day: string; scans: number }[]; total: number }>(`/trace/batches/${id}/scans`, q),
  publicTrace: (code: string, from = 0) =>
    http.get<PublicTrace>(`/public/trace/${encodeURIComponent(code)}`, from > 0 ? { from } : undefined, { noAuthRedirect: true }),
}
