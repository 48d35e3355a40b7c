// The logistics network pages: the vehicle, line and cold-chain forms → API bodies, the line's
// ordered stops and weekdays, the network and a plan on the point map, and the dialogs sending
// what the user entered, with the server's field errors on their fields (API mocked in the
// shapes of docs/API.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { cleanUp, formErrorsShown, jsonResponse, mockFetch, settle, signIn, typeInto } from '@/test-utils'
import type { ColdResource, DailyPlan, Line, LogisticsNode } from './api'
import ColdDialog from './ColdDialog.vue'
import LineDialog from './LineDialog.vue'
import { TEMPERATURE, addStop, coldBody, coldForm, lineBody, lineForm, lineLevels, moveStop, networkMap, planMap, tempRange, vehicleBody, vehicleForm, weekdayList } from './logic'

beforeEach(() => signIn({ region_code: '341302000000', permissions: ['logistics:network:read', 'logistics:network:edit'] }, 'tok9'))
afterEach(cleanUp)

const node = (id: number, level: LogisticsNode['level'], name: string, lat: string | null, lng: string | null): LogisticsNode => ({
  id, region_code: '341302100000', region_name: '符离镇', level, level_label: '', code: 'N' + id, name, address: '', lat, lng,
  opening_hours: null, capacity_parcels: null, carriers: [], station_id: null, station_name: '', active: true,
})
const NODES = [
  node(1, 'county_centre', '区配送中心', '33.640000', '116.970000'),
  node(2, 'town_hub', '符离中转站', '33.800000', '117.050000'),
  node(3, 'village_point', '沈圩服务点', '33.820000', '117.060000'),
  node(4, 'village_point', '大庄服务点', null, null),
  node(5, 'village_point', '朱集服务点', '33.830000', '117.080000'),
]
const line = (over: Partial<Line>): Line => ({
  id: 9, region_code: '341302100000', kind: 'branch', kind_label: '支线', code: 'B1', name: '符离支线', from_node_id: 2, from_node_name: '符离中转站',
  stops: [], weekdays: '135', days_per_week: 3, departure: '08:30', vehicle_id: null, active: true, ...over,
})

describe('forms and bodies', () => {
  it('sends a vehicle with empty numbers as null and leaves out an empty region and shift', () => {
    const f = vehicleForm()
    Object.assign(f, { plate: ' 皖L12345 ', capacity_parcels: 600, capacity_kg: null, cold: true })
    expect(vehicleBody(f)).toEqual({ plate: '皖L12345', owner: '', capacity_parcels: 600, capacity_kg: null, capacity_litres: null, cold: true, home_node_id: null, active: true })
    f.shift = '07:00-17:00'
    f.region_code = '341302100000'
    expect(vehicleBody(f)).toMatchObject({ shift: '07:00-17:00', region_code: '341302100000' })
  })

  it('keeps a line\'s stops in the order the user set and its days as numbers', () => {
    expect(weekdayList('531')).toEqual([1, 3, 5])
    expect(weekdayList('1234567')).toHaveLength(7)
    const f = lineForm(line({ stops: [{ node_id: 3, code: 'N3', name: '', level: 'village_point' }, { node_id: 5, code: 'N5', name: '', level: 'village_point' }] }))
    expect(f.stops).toEqual([3, 5])
    expect(f.weekdays).toEqual([1, 3, 5])
    f.stops = moveStop(f.stops, 1, -1)
    expect(f.stops).toEqual([5, 3])
    expect(moveStop(f.stops, 0, -1)).toEqual([5, 3]) // the first cannot go up
    expect(moveStop(f.stops, 1, 1)).toEqual([5, 3]) // nor the last down
    expect(addStop(f.stops, 3, 2)).toEqual([5, 3]) // already a stop
    expect(addStop(f.stops, 2, 2)).toEqual([5, 3]) // the origin
    expect(addStop(f.stops, undefined, 2)).toEqual([5, 3]) // the list cleared
    f.stops = addStop(f.stops, 4, 2)
    f.weekdays = [6, 1]
    f.departure = ''
    expect(lineBody(f)).toEqual({ kind: 'branch', code: 'B1', name: '符离支线', from_node_id: 2, stop_node_ids: [5, 3, 4], weekdays: [1, 6], vehicle_id: null, active: true })
    expect(lineLevels('trunk')).toEqual({ from: 'county_centre', stop: 'town_hub' })
    expect(lineLevels('branch')).toEqual({ from: 'town_hub', stop: 'village_point' })
  })

  it('sends a cold store\'s region only without a node, and temperatures as typed', () => {
    const f = coldForm()
    Object.assign(f, { name: '符离冷库', capacity_tonnes: 500, temp_min: ' -18 ', temp_max: '4.5', region_code: '341302100000' })
    expect(coldBody(f)).toEqual({ kind: 'cold_store', name: '符离冷库', operator: '', node_id: null, region_code: '341302100000', capacity_tonnes: 500, temp_min: '-18', temp_max: '4.5', active: true })
    f.node_id = 2
    expect(coldBody(f)).not.toHaveProperty('region_code')
    const stored: ColdResource = {
      id: 1, region_code: '341302100000', region_name: '符离镇', kind: 'ca_store', kind_label: '气调库', name: 'x', operator: '', node_id: 2, node_name: '符离中转站',
      capacity_tonnes: 1, temp_min: '-1.0', temp_max: '4.0', temp_min_dc: -10, temp_max_dc: 40, active: false,
    }
    expect(coldForm(stored).region_code).toBe('') // at a node: the node's
    expect(tempRange(stored)).toBe('-1.0 ~ 4.0 ℃')
    for (const ok of ['-18', '+4', '4.5', '-0.5', '30']) expect(TEMPERATURE.test(ok)).toBe(true)
    for (const bad of ['-18.25', '4.', 'abc', '', '100', '1e1']) expect(TEMPERATURE.test(bad)).toBe(false)
  })
})

describe('maps', () => {
  const names = { levels: { county_centre: '县', town_hub: '镇', village_point: '村' }, kinds: { trunk: '主干线', branch: '支线' } }

  it('draws the nodes by level and the lines through their stops in order, counting what has no coordinates', () => {
    const lines = [
      line({ kind: 'trunk', name: 'T', from_node_id: 1, stops: [{ node_id: 2, code: '', name: '', level: 'town_hub' }] }),
      line({ name: 'B', stops: [{ node_id: 5, code: '', name: '', level: 'village_point' }, { node_id: 4, code: '', name: '', level: 'village_point' }, { node_id: 3, code: '', name: '', level: 'village_point' }] }),
    ]
    const m = networkMap(NODES, lines, names)
    expect(m.layers.map((l) => [l.name, l.data.length, l.symbol])).toEqual([['县', 1, 'diamond'], ['镇', 1, 'rect'], ['村', 2, 'circle']])
    expect(m.without).toBe(1)
    expect(m.paths.map((p) => [p.name, p.dashed, p.paths.map((x) => x.name)])).toEqual([['主干线', false, ['T']], ['支线', true, ['B']]])
    // the branch line: hub → 朱集 → (大庄 has no coordinates) → 沈圩
    expect(m.paths[1].paths[0].coords).toEqual([[117.05, 33.8], [117.08, 33.83], [117.06, 33.82]])
    expect(m.linesCut).toBe(1)
  })

  it('draws a plan\'s routes from their depot and back, with the unassigned stops apart', () => {
    const stop = (id: number, name: string, lat: string | null, lng: string | null) => ({
      id, waybills: [], confirmed_at: null, route_id: 1, seq: 1, node_id: id, node_code: '', node_name: name, region_name: '', lat, lng, parcels: 1, pickup_pieces: 0, pickup_kg: 0, cold: false, arrival: null, reason: '',
    })
    const plan = {
      id: 1, region_code: '341302100000', date: '2023-11-15', status: 'draft', parcels: 3, pickups: 0,
      routes: [{ id: 1, depot_node_id: 2, plate: '皖L1', cold_vehicle: true, depot_name: '符离中转站', locked: false, distance_m: 0, departure: '', return: '', parcels: 2, pickup_pieces: 0, stops: [stop(3, '沈圩', '33.82', '117.06'), stop(4, '大庄', null, null)] }],
      unassigned: [stop(5, '朱集', '33.83', '117.08')],
    } as DailyPlan
    const m = planMap(plan, new Map([[2, { name: '符离中转站', lat: '33.8', lng: '117.05' }]]), { depot: '出发网点', unassigned: '未安排' })
    expect(m.layers.map((l) => [l.name, l.data.map((p) => p[2])])).toEqual([['出发网点', ['符离中转站']], ['皖L1 ❄', ['沈圩']], ['未安排', ['朱集']]])
    expect(m.paths).toEqual([{ name: '皖L1 ❄', paths: [{ name: '符离中转站 · 皖L1', coords: [[117.05, 33.8], [117.06, 33.82], [117.05, 33.8]] }] }])
    expect(m.without).toBe(1)
    // a depot not readable: the route starts at its first stop (one stop: no line to draw)
    expect(planMap(plan, new Map(), { depot: 'd', unassigned: 'u' }).paths).toEqual([])
  })
})

describe('dialogs', () => {
  it('registers a branch line with the stops in the order the user arranged', async () => {
    let body: Record<string, unknown> = {}
    mockFetch({
      'POST /api/v1/logistics/lines': (_u: URL, init: RequestInit) => {
        body = JSON.parse(String(init.body))
        return jsonResponse(line({ id: 11 }), 201)
      },
    })
    const w = mount(LineDialog, { props: { modelValue: false, line: null, nodes: NODES, vehicles: [] }, attachTo: document.body })
    await w.setProps({ modelValue: true })
    await settle()
    await typeInto('#ll-code', 'FL-B2')
    await typeInto('#ll-name', '符离东线')
    const state = (w.vm as unknown as { $: { setupState: { form: { from_node_id: number | null }; pick: number | null; add: () => void } } }).$.setupState
    state.form.from_node_id = 2
    for (const id of [3, 5]) {
      state.pick = id
      state.add()
    }
    await settle()
    const names = () => [...document.body.querySelectorAll('.ll-stop-name')].map((e) => e.textContent)
    expect(names()).toEqual(['1. 沈圩服务点（N3）', '2. 朱集服务点（N5）'])
    ;(document.body.querySelectorAll('.ll-up')[1] as HTMLElement).click()
    await settle()
    expect(names()).toEqual(['1. 朱集服务点（N5）', '2. 沈圩服务点（N3）'])
    ;(document.body.querySelector('.ll-save') as HTMLElement).click()
    await settle(6)
    expect(body).toEqual({ kind: 'branch', code: 'FL-B2', name: '符离东线', from_node_id: 2, stop_node_ids: [5, 3], weekdays: [1, 2, 3, 4, 5], vehicle_id: null, active: true })
    expect(w.emitted('saved')).toHaveLength(1)
    w.unmount()
  })

  it('puts the server\'s temperature error on its field and keeps the dialog open', async () => {
    let body: Record<string, unknown> = {}
    mockFetch({
      'POST /api/v1/logistics/cold-resources': (_u: URL, init: RequestInit) => {
        body = JSON.parse(String(init.body))
        return jsonResponse({ code: 'invalid_argument', message: '最高温度不能低于最低温度', field: 'temp_max' }, 400)
      },
      'GET /api/v1/regions/341302000000/children': { items: [], total: 0, page: 1, page_size: 200 },
    })
    const kinds = [{ value: 'cold_store', label: '冷库' }, { value: 'ca_store', label: '气调库' }]
    const w = mount(ColdDialog, { props: { modelValue: false, resource: null, nodes: NODES, kinds }, attachTo: document.body })
    await w.setProps({ modelValue: true })
    await settle()
    await typeInto('#lcr-name', '符离冷库')
    await typeInto('#lcr-tmin', '4')
    await typeInto('#lcr-tmax', '-18')
    const state = (w.vm as unknown as { $: { setupState: { form: { capacity_tonnes: number | null; node_id: number | null } } } }).$.setupState
    state.form.capacity_tonnes = 300
    state.form.node_id = 2
    await settle()
    ;(document.body.querySelector('.lcr-save') as HTMLElement).click()
    await settle(6)
    expect(body).toEqual({ kind: 'cold_store', name: '符离冷库', operator: '', node_id: 2, capacity_tonnes: 300, temp_min: '4', temp_max: '-18', active: true })
    await formErrorsShown()
    const item = document.body.querySelector('#lcr-tmax')!.closest('.el-form-item')!
    expect(item.querySelector('.el-form-item__error')!.textContent).toContain('最高温度不能低于最低温度')
    expect(w.emitted('saved')).toBeUndefined()
    w.unmount()
  })
})
