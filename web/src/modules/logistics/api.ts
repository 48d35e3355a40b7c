// The logistics network, parcels and tracking, coverage and the daily co-delivery plans: docs/API.md
// "Logistics network, parcels and tracking", "Logistics coverage …", "Logistics daily co-delivery plans".
import { download, http, type Page, type Query } from '@/api/client'

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

/** Coverage figures of a region or a town (null: no data). */
export interface CoverageFigures {
  region_code: string
  region_name: string
  villages: number
  reached: number
  coverage_rate_bp: number | null
  delivery_frequency_centi: number | null
  signed_parcels: number
  lead_median_minutes: number | null
  lead_p90_minutes: number | null
  points: number
  carriers_per_point_centi: number | null
  uplink_parcels: number
}

export interface TownCoverage extends CoverageFigures {
  not_reached: { region_code: string; name: string; points: number }[]
}

export interface Coverage {
  from: string
  to: string
  days: number
  total: CoverageFigures
  towns: TownCoverage[]
}

export interface PlanStop {
  id: number
  waybills: { id: number; carrier: string; waybill_no: string }[]
  confirmed_at: string | null
  route_id: number | null
  seq: number
  node_id: number
  node_code: string
  node_name: string
  region_name: string
  lat: string | null
  lng: string | null
  parcels: number
  pickup_pieces: number
  pickup_kg: number
  cold: boolean
  arrival: string | null
  reason: string
}

export interface PlanRoute {
  id: number
  plate: string
  cold_vehicle: boolean
  depot_name: string
  locked: boolean
  distance_m: number
  departure: string
  return: string
  parcels: number
  pickup_pieces: number
  stops: PlanStop[]
}

export interface DailyPlan {
  id: number
  region_code: string
  date: string
  status: 'draft' | 'published'
  parcels: number
  pickups: number
  routes: PlanRoute[]
  unassigned: PlanStop[]
}

/** A ratio kept in hundredths (次/周, 家/点) or basis points, as text; "—" when there is no data. */
export function hundredths(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : (v / 100).toFixed(2)
}

export const logisticsApi = {
  nodes: (q: Query) => http.get<Page<LogisticsNode>>('/logistics/nodes', q),
  createNode: (body: NodeBody) => http.post<LogisticsNode>('/logistics/nodes', body),
  carriers: () => http.get<{ value: string; label: string }[]>('/dicts/logistics_carriers'),
  waybill: (carrier: string, number: string) =>
    http.get<WaybillDetail>(`/logistics/waybills/${encodeURIComponent(carrier)}/${encodeURIComponent(number)}`),
  coverage: (q: Query) => http.get<Coverage>('/logistics/coverage', q),
  monthlyReport: (month: string) => download('/logistics/reports/monthly', { month }, `物流统计月报_${month}.xlsx`),
  plans: (q: Query) => http.get<Page<DailyPlan>>('/logistics/daily-plans', q),
  plan: (id: number) => http.get<DailyPlan>(`/logistics/daily-plans/${id}`),
  createPlan: (date: string) => http.post<DailyPlan>('/logistics/daily-plans', { date }),
  moveStop: (plan: number, stop: number, routeId: number | null) =>
    http.post<DailyPlan>(`/logistics/daily-plans/${plan}/stops/${stop}/move`, { route_id: routeId }),
  lockRoute: (plan: number, route: number, locked: boolean) =>
    http.post<DailyPlan>(`/logistics/daily-plans/${plan}/routes/${route}/lock`, { locked }),
  publish: (plan: number) => http.post<DailyPlan>(`/logistics/daily-plans/${plan}/publish`),
  resolve: (plan: number) => http.post<DailyPlan>(`/logistics/daily-plans/${plan}/resolve`, {}),
  confirmStop: (c: { plan_id: number; stop_id: number; client_key: string; confirmed_at: string }) =>
    http.post<{ duplicate: boolean; outcome: string }>(`/logistics/daily-plans/${c.plan_id}/stops/${c.stop_id}/confirm`, {
      client_key: c.client_key,
      confirmed_at: c.confirmed_at,
    }),
}
