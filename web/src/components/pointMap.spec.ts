// The shared point map: records with and without coordinates, and the option's layers and
// polylines (one colour per legend name, so a route's line and its stops match).
import { describe, expect, it } from 'vitest'
import { DARK, LIGHT, pointMapOption, points, toPoint } from './pointMap'

describe('point map', () => {
  it('places records with coordinates and counts the others', () => {
    expect(toPoint({ name: '甲', lat: '33.7', lng: '116.9' })).toEqual([116.9, 33.7, '甲'])
    expect(toPoint({ name: '乙', lat: '33.7', lng: null })).toBeNull()
    expect(toPoint({ name: '丙', lat: 'x', lng: '116.9' })).toBeNull()
    const p = points([
      { name: '甲站', lat: '33.7', lng: '116.9' },
      { name: '乙站', lat: null, lng: null },
    ])
    expect(p.data).toEqual([[116.9, 33.7, '甲站']])
    expect(p.without).toBe(1)
  })

  it('draws layers as scatter series and paths as lines in the order given, one colour a name', () => {
    const o = pointMapOption(
      [
        { name: '中转站', data: [[117, 33.8, '符离']], symbol: 'rect', scale: 2 },
        { name: '皖L1', data: [[117.1, 33.9, '沈圩']] },
      ],
      [{ name: '皖L1', paths: [{ name: '符离 · 皖L1', coords: [[117, 33.8], [117.1, 33.9], [117, 33.8]] }] }],
      { fontSize: 16 },
    )
    expect(o.legend.data).toEqual(['中转站', '皖L1'])
    expect(o.series.map((s) => [s.type, s.name])).toEqual([['line', '皖L1'], ['scatter', '中转站'], ['scatter', '皖L1']])
    const [line, hub, stops] = o.series as { data: unknown; itemStyle: { color: string }; symbol?: string; symbolSize?: number }[]
    expect(line.data).toEqual([[117, 33.8], [117.1, 33.9], [117, 33.8]])
    expect(line.itemStyle.color).toBe(stops.itemStyle.color)
    expect(hub.itemStyle.color).not.toBe(stops.itemStyle.color)
    expect(hub.symbol).toBe('rect')
    expect(hub.symbolSize).toBe(16)
    expect(o.color).toEqual(LIGHT.colours)
    expect(pointMapOption([], [], { theme: DARK }).color).toEqual(DARK.colours)
  })
})
