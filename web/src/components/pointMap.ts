// The point map shared by the monitoring screen (dashboard/ScreenMap.vue) and the logistics
// network and plan pages: records on their WGS-84 coordinates drawn by ECharts on a plain lng/lat
// plane (no tiles to download and no boundary polygons: none are packaged), as scatter layers,
// and polylines (a delivery line, a route) through points in order. Pure: tested in
// pointMap.spec.ts; draw the option with EChart.vue.

/** A record with decimal-degree coordinates as the API gives them ("33.645200" or null). */
export interface Located {
  name: string
  lat: string | null
  lng: string | null
}

/** [lng, lat, name]. */
export type MapPoint = [number, number, string]

/** The record's point, or null when it has no (valid) coordinates. */
export function toPoint(r: Located): MapPoint | null {
  const lat = r.lat === null ? NaN : Number(r.lat)
  const lng = r.lng === null ? NaN : Number(r.lng)
  return Number.isFinite(lat) && Number.isFinite(lng) ? [lng, lat, r.name] : null
}

/** [lng, lat, name] of the records that have coordinates, and how many have none. */
export function points(rows: Located[]): { data: MapPoint[]; without: number } {
  const data: MapPoint[] = []
  let without = 0
  for (const r of rows) {
    const p = toPoint(r)
    if (p) data.push(p)
    else without++
  }
  return { data, without }
}

export interface PointLayer {
  name: string
  data: MapPoint[]
  /** ECharts symbol ('circle', 'rect', 'triangle', 'diamond' …); default circle */
  symbol?: string
  /** symbol size relative to the font size (1 = half the font size) */
  scale?: number
}

/** Polylines of one legend entry (all the trunk lines, or one vehicle's route). */
export interface PathLayer {
  name: string
  paths: { name: string; coords: [number, number][] }[]
  dashed?: boolean
}

export interface MapTheme {
  text: string
  line: string
  colours: string[]
}
/** The console's (white pages). */
export const LIGHT: MapTheme = { text: '#606266', line: '#dcdfe6', colours: ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399', '#9b59b6'] }
/** The screen's (dark background). */
export const DARK: MapTheme = { text: '#b8cde0', line: '#2a4663', colours: ['#2ed19b', '#3ba1ff', '#f5b14c', '#e8684a', '#a77bf3'] }

function axis(theme: MapTheme, fontSize: number) {
  return {
    type: 'value',
    scale: true,
    axisLine: { lineStyle: { color: theme.line } },
    axisLabel: { color: theme.text, fontSize },
    splitLine: { show: false },
    nameTextStyle: { color: theme.text, fontSize },
  }
}

/**
 * The option: one scatter series per point layer, one line series per path (the paths of a layer
 * share its name, so its legend entry shows and hides them together), drawn in the order given.
 * A legend name has one colour: a route's line and its stops, named alike, match.
 */
export function pointMapOption(layers: PointLayer[], paths: PathLayer[] = [], opts: { fontSize?: number; theme?: MapTheme } = {}) {
  const fontSize = opts.fontSize ?? 12
  const theme = opts.theme ?? LIGHT
  const legend = [...new Set([...layers.map((l) => l.name), ...paths.map((l) => l.name)])]
  const colour = (name: string) => theme.colours[legend.indexOf(name) % theme.colours.length]
  const lineSeries = paths.flatMap((l) =>
    l.paths.map((p) => ({
      type: 'line',
      name: l.name,
      data: p.coords,
      showSymbol: false,
      triggerLineEvent: true, // hovering the line itself shows its name
      z: 1,
      itemStyle: { color: colour(l.name) },
      lineStyle: { width: 2, type: l.dashed ? 'dashed' : 'solid', color: colour(l.name) },
      tooltip: { trigger: 'item', formatter: () => `${p.name}<br/>${l.name}` },
    })),
  )
  return {
    color: theme.colours,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontSize },
    tooltip: { trigger: 'item', formatter: (p: { data: MapPoint; seriesName: string }) => `${p.data[2]}<br/>${p.seriesName}` },
    legend: { top: 0, right: '4%', data: legend, textStyle: { color: theme.text, fontSize: Math.round(fontSize * 0.75) } },
    grid: { left: '6%', right: '4%', top: '12%', bottom: '8%' },
    xAxis: axis(theme, fontSize),
    yAxis: axis(theme, fontSize),
    series: [
      ...lineSeries,
      ...layers.map((l) => ({
        type: 'scatter',
        name: l.name,
        data: l.data,
        z: 2,
        itemStyle: { color: colour(l.name) },
        symbol: l.symbol ?? 'circle',
        symbolSize: Math.round((fontSize / 2) * (l.scale ?? 1)),
      })),
    ],
  }
}
