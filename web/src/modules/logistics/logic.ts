// Pure helpers of the logistics network pages: the vehicle, line and cold-chain forms and their
// request bodies (docs/API.md "Logistics network"), the line's ordered stops and weekdays, and
// the network and a daily plan on the shared point map (components/pointMap.ts). Tested in
// logistics.spec.ts.
import { toPoint, type Located, type MapPoint, type PathLayer, type PointLayer } from '@/components/pointMap'
import type { ColdBody, ColdResource, DailyPlan, Line, LineBody, LineKind, LogisticsNode, NodeLevel, Vehicle, VehicleBody } from './api'

// ---- vehicles ----

export interface VehicleForm {
  plate: string
  owner: string
  region_code: string
  /** number inputs: empty is null (or undefined, as el-input-number clears) */
  capacity_parcels: number | null | undefined
  capacity_kg: number | null | undefined
  capacity_litres: number | null | undefined
  cold: boolean
  shift: string
  home_node_id: number | null
  active: boolean
}

export const VEHICLE_FIELDS = ['plate', 'owner', 'region_code', 'capacity_parcels', 'capacity_kg', 'capacity_litres', 'shift', 'home_node_id'] as const

export function vehicleForm(v?: Vehicle | null): VehicleForm {
  return {
    plate: v?.plate ?? '',
    owner: v?.owner ?? '',
    region_code: v?.region_code ?? '',
    capacity_parcels: v?.capacity_parcels ?? null,
    capacity_kg: v?.capacity_kg ?? null,
    capacity_litres: v?.capacity_litres ?? null,
    cold: v?.cold ?? false,
    shift: v?.shift ?? '',
    home_node_id: v?.home_node_id ?? null,
    active: v?.active ?? true,
  }
}

/** An empty number input is null (not 0); an empty region or shift is left out. */
export function vehicleBody(f: VehicleForm): VehicleBody {
  const n = (v: number | null | undefined) => (v === undefined || v === null ? null : v)
  const body: VehicleBody = {
    plate: f.plate.trim(),
    owner: f.owner.trim(),
    capacity_parcels: n(f.capacity_parcels),
    capacity_kg: n(f.capacity_kg),
    capacity_litres: n(f.capacity_litres),
    cold: f.cold,
    home_node_id: f.home_node_id ?? null,
    active: f.active,
  }
  if (f.region_code) body.region_code = f.region_code
  if (f.shift.trim()) body.shift = f.shift.trim()
  return body
}

// ---- lines ----

export interface LineForm {
  kind: LineKind
  code: string
  name: string
  from_node_id: number | null
  stops: number[]
  weekdays: number[]
  departure: string
  vehicle_id: number | null
  active: boolean
}

export const LINE_FIELDS = ['kind', 'code', 'name', 'from_node_id', 'stops', 'weekdays', 'departure', 'vehicle_id'] as const

/** "135" → [1, 3, 5]. */
export function weekdayList(text: string): number[] {
  return [...new Set([...text].filter((c) => c >= '1' && c <= '7').map(Number))].sort((a, b) => a - b)
}

export function lineForm(l?: Line | null): LineForm {
  return {
    kind: l?.kind ?? 'branch',
    code: l?.code ?? '',
    name: l?.name ?? '',
    from_node_id: l?.from_node_id ?? null,
    stops: l ? l.stops.map((s) => s.node_id) : [],
    weekdays: l ? weekdayList(l.weekdays) : [1, 2, 3, 4, 5],
    departure: l?.departure ?? '',
    vehicle_id: l?.vehicle_id ?? null,
    active: l?.active ?? true,
  }
}

export function lineBody(f: LineForm): LineBody {
  const body: LineBody = {
    kind: f.kind,
    code: f.code.trim(),
    name: f.name.trim(),
    from_node_id: f.from_node_id ?? 0,
    stop_node_ids: [...f.stops],
    weekdays: [...f.weekdays].sort((a, b) => a - b),
    vehicle_id: f.vehicle_id ?? null,
    active: f.active,
  }
  if (f.departure.trim()) body.departure = f.departure.trim()
  return body
}

/** The levels a line of `kind` runs from and stops at (主干线: centre → hubs; 支线: hub → points). */
export function lineLevels(kind: LineKind): { from: NodeLevel; stop: NodeLevel } {
  return kind === 'trunk' ? { from: 'county_centre', stop: 'town_hub' } : { from: 'town_hub', stop: 'village_point' }
}

/** The stops with the one at `i` moved by `delta` (−1 up, +1 down); unchanged at either end. */
export function moveStop(stops: number[], i: number, delta: number): number[] {
  const j = i + delta
  if (i < 0 || i >= stops.length || j < 0 || j >= stops.length) return stops
  const out = [...stops]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

/** Adds a stop at the end unless it is there already or is the origin. */
export function addStop(stops: number[], id: number | null | undefined, from: number | null | undefined): number[] {
  if (id === null || id === undefined || id === from || stops.includes(id)) return stops
  return [...stops, id]
}

// ---- cold-chain resources ----

export interface ColdForm {
  kind: string
  name: string
  operator: string
  node_id: number | null
  region_code: string
  capacity_tonnes: number | null | undefined
  temp_min: string
  temp_max: string
  active: boolean
}

export const COLD_FIELDS = ['kind', 'name', 'operator', 'node_id', 'region_code', 'capacity_tonnes', 'temp_min', 'temp_max'] as const

/** °C with at most one decimal, −60.0 … 30.0 (the server checks again). */
export const TEMPERATURE = /^\s*[-+]?\d{1,2}(\.\d)?\s*$/

export function coldForm(c?: ColdResource | null): ColdForm {
  return {
    kind: c?.kind ?? 'cold_store',
    name: c?.name ?? '',
    operator: c?.operator ?? '',
    node_id: c?.node_id ?? null,
    region_code: c && c.node_id === null ? c.region_code : '',
    capacity_tonnes: c?.capacity_tonnes ?? null,
    temp_min: c?.temp_min ?? '',
    temp_max: c?.temp_max ?? '',
    active: c?.active ?? true,
  }
}

/** At a node the region is the node's: it is sent only without one. Temperatures stay text. */
export function coldBody(f: ColdForm): ColdBody {
  const body: ColdBody = {
    kind: f.kind,
    name: f.name.trim(),
    operator: f.operator.trim(),
    node_id: f.node_id ?? null,
    capacity_tonnes: f.capacity_tonnes ?? null,
    temp_min: f.temp_min.trim(),
    temp_max: f.temp_max.trim(),
    active: f.active,
  }
  if (!f.node_id && f.region_code) body.region_code = f.region_code
  return body
}

/** "-18.0 ~ 4.0 ℃". */
export function tempRange(c: { temp_min: string; temp_max: string }): string {
  return `${c.temp_min} ~ ${c.temp_max} ℃`
}

// ---- the network and a plan on the point map ----

const LEVEL_SYMBOL: Record<NodeLevel, { symbol: string; scale: number }> = {
  county_centre: { symbol: 'diamond', scale: 2.2 },
  town_hub: { symbol: 'rect', scale: 1.5 },
  village_point: { symbol: 'circle', scale: 1 },
}

/**
 * The nodes as one layer per level (centre, hubs, points) and the lines as polylines from their
 * origin through their stops in order, trunk and branch lines apart. A node without coordinates
 * is counted in `without`; a line's leg to such a node is left out (`linesCut` counts the lines
 * drawn short or not at all).
 */
export function networkMap(
  nodes: LogisticsNode[],
  lines: Line[],
  names: { levels: Record<NodeLevel, string>; kinds: Record<LineKind, string> },
): { layers: PointLayer[]; paths: PathLayer[]; without: number; linesCut: number } {
  const at = new Map<number, MapPoint>()
  let without = 0
  const byLevel: Record<NodeLevel, MapPoint[]> = { county_centre: [], town_hub: [], village_point: [] }
  for (const n of nodes) {
    const p = toPoint(n)
    if (!p) {
      without++
      continue
    }
    at.set(n.id, p)
    byLevel[n.level].push(p)
  }
  const layers = (Object.keys(byLevel) as NodeLevel[])
    .filter((l) => byLevel[l].length)
    .map((l) => ({ name: names.levels[l], data: byLevel[l], ...LEVEL_SYMBOL[l] }))
  let linesCut = 0
  const paths: PathLayer[] = []
  for (const kind of ['trunk', 'branch'] as LineKind[]) {
    const drawn = lines
      .filter((l) => l.kind === kind)
      .map((l) => {
        const ids = [l.from_node_id, ...l.stops.map((s) => s.node_id)]
        const coords = ids.map((id) => at.get(id)).filter((p): p is MapPoint => !!p).map((p) => [p[0], p[1]] as [number, number])
        if (coords.length < ids.length) linesCut++
        return { name: l.name, coords }
      })
      .filter((p) => p.coords.length >= 2)
    if (drawn.length) paths.push({ name: names.kinds[kind], paths: drawn, dashed: kind === 'branch' })
  }
  return { layers, paths, without, linesCut }
}

/**
 * A daily plan's routes: each route a polyline depot → stops in order → depot (the depots'
 * coordinates from `depots`, by node id), its stops one layer per route named after the vehicle
 * (same name, same colour); the depots and the unassigned stops one layer each. Stops without coordinates are counted in `without`.
 */
export function planMap(
  plan: DailyPlan,
  depots: Map<number, Located>,
  names: { depot: string; unassigned: string },
): { layers: PointLayer[]; paths: PathLayer[]; without: number } {
  let without = 0
  const layers: PointLayer[] = []
  const paths: PathLayer[] = []
  const depotPoints: MapPoint[] = []
  for (const r of plan.routes) {
    const depotLoc = depots.get(r.depot_node_id)
    const depot = depotLoc ? toPoint(depotLoc) : null
    if (depot && !depotPoints.some((p) => p[2] === depot[2])) depotPoints.push(depot)
    const stops: MapPoint[] = []
    for (const s of r.stops) {
      const p = toPoint({ name: s.node_name, lat: s.lat, lng: s.lng })
      if (p) stops.push(p)
      else without++
    }
    const name = r.plate + (r.cold_vehicle ? ' ❄' : '')
    if (stops.length) layers.push({ name, data: stops })
    const coords = [...(depot ? [depot] : []), ...stops, ...(depot ? [depot] : [])].map((p) => [p[0], p[1]] as [number, number])
    if (coords.length >= 2) paths.push({ name, paths: [{ name: `${r.depot_name} · ${r.plate}`, coords }] })
  }
  const left: MapPoint[] = []
  for (const s of plan.unassigned) {
    const p = toPoint({ name: s.node_name, lat: s.lat, lng: s.lng })
    if (p) left.push(p)
    else without++
  }
  if (depotPoints.length) layers.unshift({ name: names.depot, data: depotPoints, symbol: 'rect', scale: 1.6 })
  if (left.length) layers.push({ name: names.unassigned, data: left, symbol: 'triangle', scale: 1.3 })
  return { layers, paths, without }
}
