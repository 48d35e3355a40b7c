// Village service stations (乡村电商服务站点): docs/API.md, "Village service stations".
// Coordinates are WGS-84 decimal-degree strings with 6 decimals (exact), or null.
import { http, type Page, type Query } from '@/api/client'
import type { StatusChangeOf } from '@/api/statusHistory'

export type StationLevel = 'town' | 'village'
export type StationStatus = 'planned' | 'building' | 'operating' | 'suspended' | 'exited'
export const STATION_LEVELS: StationLevel[] = ['town', 'village']
export const STATION_STATUSES: StationStatus[] = ['planned', 'building', 'operating', 'suspended', 'exited']

export interface Station {
  id: number
  region_code: string
  region_name: string
  county_code: string
  level: StationLevel
  level_label: string
  name: string
  address: string
  lat: string | null
  lng: string | null
  manager_name: string
  mobile_masked: string | null
  /** the station_operator accounts bound to the station (issue 17 item 8) */
  operators: string[]
  operator_entity_id: number | null
  agreement_no: string
  build_kind: 'new' | 'upgraded'
  built_on: string | null
  online_on: string | null
  facilities: string[]
  services: string[]
  carriers: string[]
  status: StationStatus
  status_label: string
  status_since: string
  batch_id: number | null
  created_at: string
  updated_at: string
}

export type StatusChange = StatusChangeOf<StationStatus>

export interface StationDetail extends Station {
  history: StatusChange[]
}

export interface StatusInput {
  status: StationStatus
  date: string
  reason: string
  document_no: string
}

export interface DictValue {
  value: string
  label: string
  builtin: boolean
}

/** A service item of the records (dictionary station_record_items; counties extend it). */
export interface RecordItem {
  value: string
  label: string
  unit: string
  has_amount: boolean
  builtin: boolean
}

/** One current or superseded service record (amounts in integer fen). */
export interface ServiceRecord {
  id: number
  station_id: number
  period: string
  item: string
  quantity: number
  amount_fen: number
  /** events: the sum of the month's single events (the item is recorded per event) */
  source: 'form' | 'import' | 'generated' | 'events'
  batch_id: number | null
  source_row: number | null
  supersedes_id: number | null
  current: boolean
  correction_reason: string
  created_by_name: string
  created_at: string
}

/** A station's month: every item of its county with the current record, if any. */
export interface StationMonth {
  station_id: number
  station_name: string
  period: string
  editable: boolean
  items: Array<RecordItem & { record: ServiceRecord | null }>
}

export interface RecordFigure {
  item: string
  quantity: number
  amount_fen: number
}

/** One single service (per-event records, docs/STATIONS.md "Per-event records"). */
export interface ServiceEvent {
  id: number
  station_id: number
  happened_on: string
  period: string
  item: string
  quantity: number
  amount_fen: number
  products: string[]
  household_ids: number[]
  note: string
  source: 'form' | 'import'
  voided: boolean
  void_reason: string
  created_by_name: string
  created_at: string
}

export interface EventInput {
  happened_on: string
  item: string
  quantity: number
  amount_fen: number
  products: string[]
  household_id_numbers: string[]
  note: string
}

/** An event as written and the month's record of its item after it. */
export interface EventResult {
  event: ServiceEvent
  month: ServiceRecord
}

export const stationsApi = {
  list: (q: Query) => http.get<Page<Station>>('/stations', q),
  get: (id: number) => http.get<StationDetail>(`/stations/${id}`),
  changeStatus: (id: number, body: StatusInput) => http.post<StationDetail>(`/stations/${id}/status`, body),
  dict: (name: 'facilities' | 'services') => http.get<DictValue[]>(`/stations/dicts/${name}`),
  month: (id: number, period: string) => http.get<StationMonth>(`/stations/${id}/records/${period}`),
  saveMonth: (id: number, period: string, figures: RecordFigure[], reason = '') =>
    http.put<StationMonth>(`/stations/${id}/records/${period}`, { figures, reason }),
  records: (id: number, q: Query) => http.get<Page<ServiceRecord>>(`/stations/${id}/records`, q),
  events: (id: number, q: Query) => http.get<Page<ServiceEvent>>(`/stations/${id}/events`, q),
  recordEvent: (id: number, body: EventInput) => http.post<EventResult>(`/stations/${id}/events`, body),
  voidEvent: (id: number, eventId: number, reason: string) =>
    http.post<EventResult>(`/stations/${id}/events/${eventId}/void`, { reason }),
}
