// The logistics network, parcels and tracking: docs/API.md "Logistics network, parcels and tracking".
import { http, type Page, type Query } from '@/api/client'

export type NodeLevel = 'county_centre' | 'town_hub' | 'village_point'
export const NODE_LEVELS: readonly NodeLevel[] = ['county_centre', 'town_hub', 'village_point']
export const SCAN_TYPES = ['accepted', 'dispatched', 'arrived', 'out_for_delivery', 'stored', 'signed', 'problem', 'returned'] as const

export interface LogisticsNode {
  id: number
  region_code: string
  region_name: string
  level: NodeLevel
  level_label: string
  code: string
  name: string
  address: string
  lat: string | null
  lng: string | null
  opening_hours: string | null
  capacity_parcels: number | null
  carriers: string[]
  station_id: number | null
  station_name: string
  active: boolean
}

export interface NodeBody {
  region_code: string
  level: NodeLevel
  code: string
  name: string
  opening_hours?: string
  carriers?: string[]
}

export interface Waybill {
  id: number
  region_code: string
  carrier: string
  waybill_no: string
  direction: 'downlink' | 'uplink'
  state: string
  state_label: string
  state_at: string
  event_count: number
  last_at: string
  recipient_phone_masked: string | null
}

export interface ScanEvent {
  id: number
  scan_type: string
  scan_type_label: string
  scanned_at: string
  node_name: string
  operator: string
  reason: string
  source: string
}

export interface WaybillDetail extends Waybill {
  carrier_label: string
  region_name: string
  events: ScanEvent[]
}

/** The receipt of an ingest (the import report plus its three counts). */
export interface Receipt {
  accepted: number
  duplicates: number
  rejected: number
  rolled_back: boolean
  already_imported: boolean
}

export const logisticsApi = {
  nodes: (q: Query) => http.get<Page<LogisticsNode>>('/logistics/nodes', q),
  createNode: (body: NodeBody) => http.post<LogisticsNode>('/logistics/nodes', body),
  carriers: () => http.get<{ value: string; label: string }[]>('/dicts/logistics_carriers'),
  waybill: (carrier: string, number: string) =>
    http.get<WaybillDetail>(`/logistics/waybills/${encodeURIComponent(carrier)}/${encodeURIComponent(number)}`),
}
