// Rules the station pages mirror from the server (src/station/service.cc): which status changes
// the machine allows, and how dictionary values are shown.
import type { DictValue, EventInput, RecordFigure, RecordItem, ServiceRecord, Station, StationMonth, StationStatus } from './api'
import { ANY_ACCEPT, IMAGE_ACCEPT, type AttachmentSlot } from '@/api/attachments'

const NEXT: Record<StationStatus, StationStatus[]> = {
  planned: ['building', 'exited'],
  building: ['operating', 'exited'],
  operating: ['suspended', 'exited'],
  suspended: ['operating', 'exited'],
  exited: [],
}

/** The statuses a station in `from` may change to (planned → building → operating ⇄ suspended → exited). */
export function nextStatuses(from: StationStatus): StationStatus[] {
  return NEXT[from]
}

/** Labels of dictionary values; a value the dictionary lacks shows as itself. */
export function labels(values: readonly string[], dict: readonly DictValue[]): string[] {
  return values.map((v) => dict.find((d) => d.value === v)?.label ?? v)
}

/** Tag colour of a status. */
export function statusType(s: StationStatus): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  return s === 'operating' ? 'success' : s === 'suspended' ? 'warning' : s === 'exited' ? 'danger' : s === 'building' ? 'primary' : 'info'
}

/** "YYYY-MM" of a date (the browser's calendar; the server refuses months after its own). */
export function periodOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

/** Fen of a 元 amount typed by a person ("12", "12.5", "1,234.56"); null when not exact money ≥ 0. */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '')
  if (t === '') return 0
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(t)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** "1234.5" → "1234.50"; whole yuan without decimals. */
export function fenToYuan(fen: number): string {
  const y = Math.floor(fen / 100)
  const f = fen % 100
  return f === 0 ? String(y) : `${y}.${String(f).padStart(2, '0')}`
}

/** What the phone form holds per item: the typed quantity and amount (元), '' = not filled. */
export type MonthForm = Record<string, { quantity: string; amount: string }>

export function formOf(m: StationMonth): MonthForm {
  const out: MonthForm = {}
  for (const i of m.items) {
    out[i.value] = {
      quantity: i.record ? String(i.record.quantity) : '',
      amount: i.record && i.has_amount ? fenToYuan(i.record.amount_fen) : '',
    }
  }
  return out
}

/**
 * The figures to send: items filled in whose values differ from the current record. Errors name
 * the item (quantity not a whole number ≥ 0, amount not exact 元).
 */
export function changedFigures(m: StationMonth, form: MonthForm): { figures: RecordFigure[]; errors: Record<string, string> } {
  const figures: RecordFigure[] = []
  const errors: Record<string, string> = {}
  for (const i of m.items) {
    const f = form[i.value]
    if (!f || (f.quantity.trim() === '' && f.amount.trim() === '')) continue
    const q = f.quantity.trim() === '' ? 0 : /^\d{1,10}$/.test(f.quantity.trim()) ? Number(f.quantity.trim()) : null
    const a = i.has_amount ? yuanToFen(f.amount) : 0
    if (q === null) errors[i.value] = 'quantity'
    else if (a === null) errors[i.value] = 'amount'
    else if (!i.record || i.record.quantity !== q || i.record.amount_fen !== a) figures.push({ item: i.value, quantity: q, amount_fen: a })
  }
  return { figures, errors }
}

/** Whether the month records `item` per event: its figure is the events' sum, not typed. */
export function perEvent(i: { record: ServiceRecord | null }): boolean {
  return i.record?.source === 'events'
}

/** What the single-event form holds (typed text; amount in 元). */
export interface EventForm {
  happened_on: string
  item: string
  quantity: string
  amount: string
  products: string
  id_numbers: string
  note: string
}

/** Items of a list typed in one box: separated by 、 , ， ; ； or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '')
}

/**
 * The event to send for the form, or the field at fault: item (none chosen), quantity (not a
 * whole number ≥ 0), amount (not exact 元; items without an amount send 0), happened_on (empty).
 */
export function eventFrom(form: EventForm, items: readonly RecordItem[]): { input?: EventInput; error?: 'item' | 'quantity' | 'amount' | 'happened_on' } {
  const item = items.find((i) => i.value === form.item)
  if (!item) return { error: 'item' }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.happened_on)) return { error: 'happened_on' }
  const q = form.quantity.trim() === '' ? 1 : /^\d{1,10}$/.test(form.quantity.trim()) ? Number(form.quantity.trim()) : null
  if (q === null) return { error: 'quantity' }
  const a = item.has_amount ? yuanToFen(form.amount) : 0
  if (a === null) return { error: 'amount' }
  return {
    input: {
      happened_on: form.happened_on,
      item: item.value,
      quantity: q,
      amount_fen: a,
      products: splitList(form.products),
      household_id_numbers: splitList(form.id_numbers),
      note: form.note.trim(),
    },
  }
}

/** Colour of a status on the map (the tag colours of the list). */
export const STATUS_COLOURS: Record<StationStatus, string> = {
  planned: '#909399',
  building: '#409eff',
  operating: '#67c23a',
  suspended: '#e6a23c',
  exited: '#f56c6c',
}

/** A map point: [lng, lat, station id, name]. */
export type MapPoint = [number, number, number, string]

/**
 * The stations with coordinates as map points grouped by status (one series each, in the order
 * of `statuses`), and how many had no coordinates.
 */
export function mapPoints(stations: readonly Station[], statuses: readonly StationStatus[]): { series: Array<{ status: StationStatus; points: MapPoint[] }>; unplaced: number } {
  const series = statuses.map((status) => ({ status, points: [] as MapPoint[] }))
  let unplaced = 0
  for (const s of stations) {
    if (s.lat === null || s.lng === null) {
      unplaced++
      continue
    }
    series.find((x) => x.status === s.status)?.points.push([Number(s.lng), Number(s.lat), s.id, s.name])
  }
  return { series, unplaced }
}

/** The twelve months ending with `last` ("YYYY-MM"), oldest first. */
export function lastMonths(last: string, n = 12): string[] {
  let y = Number(last.slice(0, 4))
  let m = Number(last.slice(5, 7))
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`)
    if (--m === 0) {
      m = 12
      y--
    }
  }
  return out
}

/** Per month of `periods`: the uplink amount (元) and the count of every service. */
export function monthlyFigures(records: readonly ServiceRecord[], periods: readonly string[]): { uplinkYuan: number[]; services: number[] } {
  const uplinkYuan = periods.map(() => 0)
  const services = periods.map(() => 0)
  for (const r of records) {
    const i = periods.indexOf(r.period)
    if (i < 0 || !r.current) continue
    services[i] += r.quantity
    if (r.item === 'uplink') uplinkYuan[i] += r.amount_fen / 100
  }
  return { uplinkYuan, services }
}

/** The station's file slots (the server's station/files.cc); `photosOnly` for the phone page. */
export function stationFileSlots(t: (key: string) => string, photosOnly = false): AttachmentSlot[] {
  const photos: AttachmentSlot[] = [
    { name: 'photo_outside', label: t('stations.files.outside'), accept: IMAGE_ACCEPT, images: true },
    { name: 'photo_inside', label: t('stations.files.inside'), accept: IMAGE_ACCEPT, images: true },
  ]
  return photosOnly ? photos : [...photos, { name: 'agreement', label: t('stations.files.agreement'), accept: ANY_ACCEPT }]
}
