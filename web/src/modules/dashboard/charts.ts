// ECharts options of the screen's charts, dark theme (the screen's colours): monthly trends,
// fund execution by category, the children's ranking and the point map (lng/lat plane, no tiles).
import type { FundsPanel, RankRow, Screen } from './api'
import { formatValue } from './logic'
import { DARK, pointMapOption } from '@/components/pointMap'

const TEXT = '#b8cde0'
const LINE = '#2a4663'
const COLOURS = ['#2ed19b', '#3ba1ff', '#f5b14c', '#e8684a', '#a77bf3']

/** Axis colours and label size: ECharts' own 12 px would be unreadable on a 3840 px wall. */
function axis(fontSize: number) {
  return { axisLine: { lineStyle: { color: LINE } }, axisLabel: { color: TEXT, fontSize }, splitLine: { lineStyle: { color: LINE } }, nameTextStyle: { color: TEXT, fontSize } }
}

function base(fontSize: number) {
  return {
    color: COLOURS,
    backgroundColor: 'transparent',
    textStyle: { color: TEXT, fontSize },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: TEXT, fontSize } },
  }
}

/** 万元 of a fen value (null stays null). */
export function wan(fen: number | null): number | null {
  return fen === null ? null : Math.round(fen / 100) / 10000
}

/** Money series in 万元 on the left axis, counts on the right. */
export function trendOption(trends: NonNullable<Screen['trends']>, fontSize = 12) {
  const money = trends.series.filter((s) => s.unit === 'fen')
  const counts = trends.series.filter((s) => s.unit !== 'fen')
  return {
    ...base(fontSize),
    grid: { left: '8%', right: '8%', top: '18%', bottom: '12%' },
    xAxis: { type: 'category', data: trends.months, ...axis(fontSize) },
    yAxis: [
      { type: 'value', name: '万元', ...axis(fontSize) },
      { type: 'value', name: '次', ...axis(fontSize), splitLine: { show: false } },
    ],
    series: [
      ...money.map((s) => ({ type: 'line', name: s.label, smooth: true, data: s.values.map(wan), connectNulls: false })),
      ...counts.map((s) => ({ type: 'bar', name: s.label, yAxisIndex: 1, data: s.values, barMaxWidth: fontSize })),
    ],
  }
}

export function fundsOption(f: FundsPanel, labels: { planned: string; committed: string; paid: string }, fontSize = 12) {
  const cats = f.categories
  return {
    ...base(fontSize),
    grid: { left: '3%', right: '4%', top: '18%', bottom: '4%', containLabel: true },
    xAxis: { type: 'value', ...axis(fontSize) },
    yAxis: { type: 'category', data: cats.map((c) => c.name), inverse: true, ...axis(fontSize), axisLabel: { color: TEXT, fontSize, width: fontSize * 7, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: labels.planned, data: cats.map((c) => wan(c.planned_fen)) },
      { type: 'bar', name: labels.committed, data: cats.map((c) => wan(c.committed_fen)) },
      { type: 'bar', name: labels.paid, data: cats.map((c) => wan(c.paid_fen)) },
    ],
  }
}

/** The top `top` children by `by` as horizontal bars (values in the reader's unit). */
export function rankingOption(rows: RankRow[], by: string, top = 10, fontSize = 12) {
  const ranked = rows.filter((r) => r.figures[by]?.status === 'ok').slice(0, top)
  const unit = ranked[0]?.figures[by]?.unit || ''
  return {
    ...base(fontSize),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: '3%', right: '10%', top: '4%', bottom: '4%', containLabel: true },
    xAxis: { type: 'value', ...axis(fontSize), name: formatValue(unit, 0).unit },
    yAxis: { type: 'category', inverse: true, data: ranked.map((r) => `${r.rank}. ${r.region_name}`), ...axis(fontSize), axisLabel: { color: TEXT, fontSize, width: fontSize * 8, overflow: 'truncate' } },
    series: [{ type: 'bar', data: ranked.map((r) => Number(formatValue(unit, r.figures[by].value).text.replace(/,/g, ''))), barMaxWidth: fontSize, label: { show: true, position: 'right', color: TEXT, fontSize } }],
  }
}

/** Stations and logistics nodes as points on the lng/lat plane (the shared point map, dark). */
export function pointsOption(layers: { name: string; data: [number, number, string][] }[], fontSize = 12) {
  return pointMapOption(layers, [], { fontSize, theme: DARK })
}

/** The background every exported PNG gets (the screen's own). */
export const SCREEN_BACKGROUND = '#0b1a2b'

/** The county's boundary file with each feature's 12-digit code as `rc` (the map's key). */
export function keyedBoundary(geojson: { features: { properties: { code: string | number } }[] }) {
  return {
    ...geojson,
    features: geojson.features.map((f) => ({ ...f, properties: { ...f.properties, rc: String(f.properties.code).padEnd(12, '0') } })),
  }
}

/** A choropleth of the children by `by` on a registered boundary map (grey: no data). */
export function boundaryOption(map: string, rows: RankRow[], by: string, fontSize = 12) {
  const data = rows.filter((r) => r.figures[by]?.status === 'ok').map((r) => ({ name: r.region_code, value: r.figures[by].value, label: r.region_name }))
  const values = data.map((d) => d.value as number)
  return {
    ...base(fontSize),
    tooltip: { trigger: 'item', formatter: (p: { data?: { label: string; value: number }; name: string }) => (p.data ? `${p.data.label}<br/>${formatValue(rows[0]?.figures[by]?.unit || '', p.data.value).text}` : p.name) },
    visualMap: { min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 1, left: 8, bottom: 8, calculable: false, inRange: { color: ['#1b3a5c', '#2ed19b'] }, textStyle: { color: TEXT, fontSize } },
    series: [{ type: 'map', map, nameProperty: 'rc', roam: true, data, itemStyle: { areaColor: '#3a3f47', borderColor: '#0b1a2b' }, emphasis: { label: { show: false } } }],
  }
}
