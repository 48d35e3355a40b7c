// Village service stations (乡村电商服务站点): docs/API.md, "Village service stations".
// Coordinates are WGS-84 decimal-degree strings with 6 decimals (exact), or null.
import { http, type Page, type Query } from '@/api/client'

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
  operator_username: string | null
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

export interface StatusChange {
  from: StationStatus | null
  to: StationStatus
  to_label: string
  date: string
  reason: string
  document_no: string
  recorded_by: string
  recorded_at: string
}

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

export const stationsApi = {
  list: (q: Query) => http.get<Page<Station>>('/stations', q),
  get: (id: number) => http.get<StationDetail>(`/stations/${id}`),
  changeStatus: (id: number, body: StatusInput) => http.post<StationDetail>(`/stations/${id}/status`, body),
  dict: (name: 'facilities' | 'services') => http.get<DictValue[]>(`/stations/dicts/${name}`),
}
