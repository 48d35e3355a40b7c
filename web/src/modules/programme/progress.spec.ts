import { describe, expect, it } from 'vitest'
import type { ProgrammeDetail, ProgressLine, TargetProgress, TaskProgress } from './api'
import {
  barPercent, buildMatrix, isOwnRegion, checkErrorRows, defaultQuarter, formatValue, quarterOf, quartersBetween, scaleDecimal,
  statusStyle, taskRows,
} from './progress'

const line = (over: Partial<ProgressLine> = {}): ProgressLine => ({
  region_code: '341302000000', region_name: '埇桥区', goal: 200, actual: 100, percent: 50, status: 'on_track', reason: '', ...over,
})
const target = (id: string, quotas: ProgressLine[], over: Partial<TargetProgress> = {}): TargetProgress => ({
  target_id: id, indicator: 'demonstration_units', comparator: '>=', unit: '个', base_unit: 'count', from: '2019-01-01',
  due: '2019-12-31', deadline_is_period_end: false, region: line(), quotas, ...over,
})

describe('values in the plan unit', () => {
  it.each([
    [1_280_000_000_000, 10_000_000_000, '128'],
    [1_500_000_000, 10_000_000_000, '0.15'],
    [150, 100, '1.5'],
    [123_456_789_01, 100, '123,456,789.01'],
    [-250, 100, '-2.5'],
    [12345, 1, '12,345'],
    [0, 1_000_000, '0'],
  ])('%d / %d = %s exactly', (v, scale, out) => {
    expect(scaleDecimal(v, scale)).toBe(out)
  })

  it('uses the unit as written when it fits the base unit, else the base unit’s name', () => {
    expect(formatValue(1_280_000_000_000, 'fen', '亿元')).toBe('128 亿元')
    expect(formatValue(50_000_000, 'fen', '万元')).toBe('50 万元')
    expect(formatValue(9_050, 'basis_point', '%')).toBe('90.5%')
    expect(formatValue(8_525, 'centi_point', '分')).toBe('85.25 分')
    expect(formatValue(12_500, 'metre', '公里')).toBe('12.5 公里')
    expect(formatValue(15_000, 'tonne', '万吨')).toBe('1.5 万吨') // cold storage capacity
    expect(formatValue(800, 'tonne', '')).toBe('800 吨')
    expect(formatValue(3, 'count', '家')).toBe('3 家')
    expect(formatValue(2_000, 'fen', '')).toBe('20 元') // quota-only target: no unit written
    expect(formatValue(2_000, 'fen', '个')).toBe('20 元') // a unit of another dimension is not used
  })

  it('gives no number for a missing value (never 0)', () => {
    expect(formatValue(null, 'fen', '亿元')).toBeNull()
    expect(formatValue(undefined, 'count', '个')).toBeNull()
  })
})

describe('status colours', () => {
  it('maps each status to its tag type and bar colour', () => {
    expect(statusStyle('done')).toMatchObject({ tag: 'success', color: '#67c23a' })
    expect(statusStyle('on_track')).toMatchObject({ tag: 'primary', color: '#409eff' })
    expect(statusStyle('behind')).toMatchObject({ tag: 'warning', color: '#e6a23c' })
    expect(statusStyle('overdue')).toMatchObject({ tag: 'danger', color: '#f56c6c' })
    expect(statusStyle('no_data_source')).toMatchObject({ tag: 'info', label: 'programme.status.no_data_source' })
    expect(statusStyle('something_new').label).toBe('programme.status.unknown')
  })

  it('fills the bar to the percent, capped at 100, and leaves lines without data empty', () => {
    expect(barPercent(line({ percent: 42.5 }))).toBe(42.5)
    expect(barPercent(line({ percent: 250, status: 'done' }))).toBe(100)
    expect(barPercent(line({ actual: null, percent: null, status: 'no_data_source' }))).toBe(0)
  })
})

describe('own region in the quota matrix', () => {
  it('marks a town clerk’s town and a village user’s town, never the county or another town', () => {
    expect(isOwnRegion('341302101000', '341302101000')).toBe(true)
    expect(isOwnRegion('341302101000', '341302101201')).toBe(true)
    expect(isOwnRegion('341302102000', '341302101000')).toBe(false)
    expect(isOwnRegion('341302101000', '341302000000')).toBe(false)
    expect(isOwnRegion('341302000000', '341302101000')).toBe(false)
  })
})

describe('quota matrix', () => {
  it('has one column per target with quotas and one row per region, gaps where no quota', () => {
    const a = line({ region_code: '341302101000', region_name: '符离镇', goal: 1, actual: 1, percent: 100, status: 'done' })
    const b = line({ region_code: '341302102000', region_name: '西二铺乡', goal: 1, actual: 0, percent: 0, status: 'overdue' })
    const c = line({ region_code: '341302102000', region_name: '西二铺乡', goal: 1, actual: null, percent: null, status: 'no_data_source' })
    const m = buildMatrix(
      [target('T01', []), target('T04', [a, b]), target('T06', [c])],
      [{ id: 'T04', indicator_name: '示范创建数', params: { level: 'district', kind: 'village' } } as never],
    )
    expect(m.columns.map((x) => x.title)).toEqual(['T04 示范创建数（district · village）', 'T06 demonstration_units'])
    expect(m.rows.map((r) => r.region_name)).toEqual(['符离镇', '西二铺乡'])
    expect(m.rows[0].cells.map((x) => x?.status ?? null)).toEqual(['done', null])
    expect(m.rows[1].cells.map((x) => x?.status ?? null)).toEqual(['overdue', 'no_data_source'])
  })

  it('is empty when no target has quotas', () => {
    expect(buildMatrix([target('T01', [])])).toEqual({ columns: [], rows: [] })
  })
})

describe('task rows', () => {
  it('joins the plan rows (coordinating units, written deadline) with their progress', () => {
    const detail = {
      tasks: [
        { number: 1, text: '建设服务中心', lead_units: ['区商务局'], coordinating_units: ['区财政局'], deadline: '2019-06-30', deadline_text: '6月底前', targets: [] },
        { number: 2, text: '培训', lead_units: ['区人社局'], coordinating_units: [], deadline: null, deadline_text: '', targets: [] },
      ],
    } as unknown as ProgrammeDetail
    const progress: TaskProgress[] = [
      { number: 1, text: '建设服务中心', lead_units: ['区商务局'], due: '2019-06-30', status: 'in_progress', overdue: true, notes: 2, last_note: '已选址' },
    ]
    const rows = taskRows(detail, progress)
    expect(rows[0]).toMatchObject({ number: 1, coordinating_units: ['区财政局'], deadline_text: '6月底前', status: 'in_progress', overdue: true, notes: 2 })
    expect(rows[1]).toMatchObject({ number: 2, status: 'not_started', overdue: false, notes: 0 })
  })
})

describe('report quarters', () => {
  it('lists the period’s quarters newest first and picks today’s when inside', () => {
    expect(quarterOf('2019-10-12')).toBe('2019Q4')
    const qs = quartersBetween('2019-01-01', '2020-03-31')
    expect(qs).toEqual(['2020Q1', '2019Q4', '2019Q3', '2019Q2', '2019Q1'])
    expect(defaultQuarter(qs, '2019-08-01')).toBe('2019Q3')
    expect(defaultQuarter(qs, '2026-11-24')).toBe('2020Q1')
    expect(quartersBetween(null, '2020-03-31')).toEqual([])
  })
})

describe('checker errors', () => {
  it('become rows with the file name, ordered by line', () => {
    expect(
      checkErrorRows('bad.yaml', [
        { line: 12, message: '未知指标 foo' },
        { line: 3, message: '单位与指标不符' },
      ]),
    ).toEqual([
      { file: 'bad.yaml', line: 3, message: '单位与指标不符' },
      { file: 'bad.yaml', line: 12, message: '未知指标 foo' },
    ])
  })
})
