// Pure helpers of the screen: figures as a reader sees them (万元/亿元, %, 人次), the as-of line,
// the tile grid of the children coloured by a figure, and the map's points. Unit-tested in
// dashboard.spec.ts.

export interface Shown {
  text: string
  unit: string
}

/** A figure's registry value (base unit) for the screen: money in 万元 (亿元 from 1亿), rates in %. */
export function formatValue(unit: string, value: number | null | undefined): Shown {
  if (value === null || value === undefined) return { text: '暂无数据', unit: '' }
  switch (unit) {
    case 'fen':
      if (Math.abs(value) >= 1e10) return { text: (value / 1e10).toFixed(2), unit: '亿元' }
      return { text: (value / 1e6).toFixed(2), unit: '万元' }
    case 'basis_point':
      return { text: (value / 100).toFixed(2), unit: '%' }
    case 'centi':
      return { text: (value / 100).toFixed(2), unit: '' }
    case 'person_time':
      return { text: value.toLocaleString('zh-CN'), unit: '人次' }
    default:
      return { text: value.toLocaleString('zh-CN'), unit: '个' }
  }
}

export interface FigureLike {
  status: 'ok' | 'no_data'
  value: number | null
  unit: string
}

/** The figure's text, or 暂无数据 when it has none (never 0). */
export function showFigure(f: FigureLike): Shown {
  return f.status === 'ok' ? formatValue(f.unit, f.value) : { text: '暂无数据', unit: '' }
}

/** HH:mm of a UTC ms instant in Beijing time. */
export function beijingClock(ms: number): string {
  const d = new Date(ms + 8 * 3600 * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

/**
 * "截至 2023-11-30": the figure's period end — the screen's header says when the screen was
 * measured; a figure from the stored county figures adds its own time ("截至 2023-11-30 · 06:13").
 */
export function asOfLine(f: { to: string; as_of: number; stored?: boolean }): string {
  return f.stored ? `截至 ${f.to} · ${beijingClock(f.as_of).slice(11)}` : `截至 ${f.to}`
}

/** The full as-of text for a tooltip: period end and Beijing time of the measurement. */
export function asOfTitle(f: { to: string; as_of: number }): string {
  return `截至 ${f.to}，更新于 ${beijingClock(f.as_of)}`
}

/** Columns and rows of a tile grid holding n tiles in a box of width/height ratio `aspect`. */
export function tileGrid(n: number, aspect = 16 / 9): { cols: number; rows: number } {
  if (n <= 0) return { cols: 1, rows: 1 }
  const cols = Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * aspect))))
  return { cols, rows: Math.ceil(n / cols) }
}

const LOW = [0x1b, 0x3a, 0x5c]
const HIGH = [0x2e, 0xd1, 0x9b]
export const NO_DATA_COLOUR = '#3a3f47'

/** The tile's colour for `value` between min and max (no data: grey, never the 0 colour). */
export function tileColour(value: number | null | undefined, min: number, max: number): string {
  if (value === null || value === undefined) return NO_DATA_COLOUR
  const t = max > min ? (value - min) / (max - min) : 1
  const c = LOW.map((l, i) => Math.round(l + (HIGH[i] - l) * Math.min(1, Math.max(0, t))))
  return '#' + c.map((x) => x.toString(16).padStart(2, '0')).join('')
}

/** The smallest and largest of the values that exist. */
export function extent(values: (number | null | undefined)[]): { min: number; max: number } {
  const v = values.filter((x): x is number => typeof x === 'number')
  return v.length ? { min: Math.min(...v), max: Math.max(...v) } : { min: 0, max: 0 }
}

// The map's points: the shared point map's (components/pointMap.ts, also the logistics pages').
export { points, type Located } from '@/components/pointMap'

/** The month before `month` ("2025-01" → "2024-12"). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** "mm:ss" left until the next refresh. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}
