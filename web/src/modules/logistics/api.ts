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
  /** decimal degrees (WGS-84), both or neither */
  lat?: string
  lng?: string
}

export interface Vehicle {
  id: number
  region_code: string
  plate: string
  owner: string
  capacity_parcels: number | null
  capacity_kg: number | null
  capacity_litres: number | null
  cold: boolean
  shift: string | null
  home_node_id: number | null
  active: boolean
}

export interface VehicleBody {
  region_code?: string
  plate: string
  owner: string
  capacity_parcels: number | null
  capacity_kg: number | null
  capacity_litres: number | null
  cold: boolean
  shift?: string
  home_node_id: number | null
  active: boolean
}

export type LineKind = 'trunk' | 'branch'
export const LINE_KINDS: readonly LineKind[] = ['trunk', 'branch']

export interface LineStopRef {
  node_id: number
  code: string
  name: string
  level: NodeLevel
}

export interface Line {
  id: number
  region_code: string
  kind: LineKind
  kind_label: string
  code: string
  name: string
  from_node_id: number
  from_node_name: string
  stops: LineStopRef[]
  weekdays: string
  days_per_week: number
  departure: string | null
  vehicle_id: number | null
  active: boolean
}

export interface LineBody {
  kind: LineKind
  code: string
  name: string
  from_node_id: number
  stop_node_ids: number[]
  weekdays: number[]
  departure?: string
  vehicle_id: number | null
  active: boolean
}

/** A cold-chain resource (冷库, 气调库, 预冷库 …): capacity in tonnes, temperatures as "-18.0". */
export interface ColdResource {
  id: number
  region_code: string
  region_name: string
  kind: string
  kind_label: string
  name: string
  operator: string
  node_id: number | null
  node_name: string
  capacity_tonnes: number
  temp_min: string
  temp_max: string
  temp_min_dc: number
  temp_max_dc: number
  active: boolean
}

export interface ColdBody {
  kind: string
  name: string
  operator: string
  node_id: number | null
  region_code?: string
  capacity_tonnes: number | null
  temp_min: string
  temp_max: string
  active: boolean
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
  depot_node_id: number
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

/** Every page of a list, 200 a page, at most `maxPages` (the map's and the forms' choices). */
export async function allPages<T>(fetch: (q: Query) => Promise<Page<T>>, q: Query = {}, maxPages = 5): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = []
  for (let page = 1; page <= maxPages; page++) {
    const p = await fetch({ ...q, page, page_size: 200 })
    items.push(...p.items)
    if (items.length >= p.total || !p.items.length) return { items, more: false }
  }
  return { items, more: true }
}

export const logisticsApi = {
  nodes: (q: Query) => http.get<Page<LogisticsNode>>('/logistics/nodes', q),
  createNode: (body: NodeBody) => http.post<LogisticsNode>('/logistics/nodes', body),
  node: (id: number) => http.get<LogisticsNode>(`/logistics/nodes/${id}`),
  carriers: () => http.get<{ value: string; label: string }[]>('/dicts/logistics_carriers'),
  vehicles: (q: Query) => http.get<Page<Vehicle>>('/logistics/vehicles', q),
  createVehicle: (body: VehicleBody) => http.post<Vehicle>('/logistics/vehicles', body),
  updateVehicle: (id: number, body: VehicleBody) => http.put<Vehicle>(`/logistics/vehicles/${id}`, body),
  lines: (q: Query) => http.get<Page<Line>>('/logistics/lines', q),
  createLine: (body: LineBody) => http.post<Line>('/logistics/lines', body),
  updateLine: (id: number, body: LineBody) => http.put<Line>(`/logistics/lines/${id}`, body),
  coldKinds: () => http.get<{ value: string; label: string }[]>('/dicts/logistics_cold_kinds'),
  coldResources: (q: Query) => http.get<Page<ColdResource>>('/logistics/cold-resources', q),
  createCold: (body: ColdBody) => http.post<ColdResource>('/logistics/cold-resources', body),
  updateCold: (id: number, body: ColdBody) => http.put<ColdResource>(`/logistics/cold-resources/${id}`, body),
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
