// Pure helpers of the programme pages: showing base-unit values in the plan's unit (exact decimal
// strings, no float arithmetic), status colours, the quota matrix (child regions × targets), the
// task table (plan rows joined with their progress), quarters for the report, checker errors.
import type {
  CheckError, LineStatus, ProgrammeDetail, ProgrammeTarget, ProgrammeTask, ProgressLine, TargetProgress, TaskProgress,
  TaskStatus,
} from './api'

/** Units a plan may write and their size in the indicator's base unit (src/programme/indicators.cc). */
const UNIT_SCALE: Record<string, { base: string; scale: number }> = {
  亿元: { base: 'fen', scale: 10_000_000_000 },
  万元: { base: 'fen', scale: 1_000_000 },
  元: { base: 'fen', scale: 100 },
  万美元: { base: 'us_cent', scale: 1_000_000 },
  美元: { base: 'us_cent', scale: 100 },
  个: { base: 'count', scale: 1 },
  家: { base: 'count', scale: 1 },
  种: { base: 'count', scale: 1 },
  套: { base: 'count', scale: 1 },
  名: { base: 'count', scale: 1 },
  条: { base: 'count', scale: 1 },
  人次: { base: 'person_time', scale: 1 },
  万人次: { base: 'person_time', scale: 10_000 },
  公里: { base: 'metre', scale: 1000 },
  '%': { base: 'basis_point', scale: 100 },
  分: { base: 'centi_point', scale: 100 },
  '次/周': { base: 'centi', scale: 100 },
  '家/点': { base: 'centi', scale: 100 },
  '件/村': { base: 'centi', scale: 100 },
  分钟: { base: 'minute', scale: 1 },
  小时: { base: 'minute', scale: 60 },
  吨: { base: 'tonne', scale: 1 },
  万吨: { base: 'tonne', scale: 10_000 },
}

/** The unit shown when the plan wrote none (quota-only targets): the base unit's everyday name. */
const BASE_DISPLAY: Record<string, string> = {
  fen: '元',
  us_cent: '美元',
  count: '个',
  person_time: '人次',
  metre: '公里',
  basis_point: '%',
  centi_point: '分',
  centi: '次/周',
  minute: '分钟',
  tonne: '吨',
}

/** Unit to show a base-unit value in: the plan's own unit when it fits the base unit. */
export function displayUnit(baseUnit: string, unit: string): { unit: string; scale: number } {
  const own = UNIT_SCALE[unit]
  if (own && own.base === baseUnit) return { unit, scale: own.scale }
  const fallback = BASE_DISPLAY[baseUnit]
  if (fallback) return { unit: fallback, scale: UNIT_SCALE[fallback].scale }
  return { unit: unit || baseUnit, scale: 1 }
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * An integer base-unit value divided by a power-of-ten scale, as an exact decimal string with
 * thousands separators and no trailing zeros: (1_280_000_000_000, 1e10) → "128"; (150, 100) → "1.5".
 */
export function scaleDecimal(value: number, scale: number): string {
  const digits = Math.round(Math.log10(scale))
  const negative = value < 0
  const abs = String(Math.abs(Math.trunc(value)))
  if (digits <= 0) return (negative ? '-' : '') + groupThousands(abs)
  const padded = abs.padStart(digits + 1, '0')
  const whole = padded.slice(0, -digits)
  const frac = padded.slice(-digits).replace(/0+$/, '')
  return (negative ? '-' : '') + groupThousands(whole) + (frac ? '.' + frac : '')
}

/** "1.5 亿元"; null/undefined → null (the caller shows 暂无数据来源 or –, never 0). */
export function formatValue(value: number | null | undefined, baseUnit: string, unit: string): string | null {
  if (value === null || value === undefined) return null
  const d = displayUnit(baseUnit, unit)
  const n = scaleDecimal(value, d.scale)
  return d.unit === '%' ? n + '%' : `${n} ${d.unit}`
}

/** Colours of the target statuses (Element Plus types and the bar colour). */
export interface StatusStyle {
  tag: 'success' | 'primary' | 'warning' | 'danger' | 'info'
  color: string
  /** i18n key of the label */
  label: string
}

const STATUS_STYLE: Record<LineStatus, StatusStyle> = {
  done: { tag: 'success', color: '#67c23a', label: 'programme.status.done' },
  on_track: { tag: 'primary', color: '#409eff', label: 'programme.status.on_track' },
  behind: { tag: 'warning', color: '#e6a23c', label: 'programme.status.behind' },
  overdue: { tag: 'danger', color: '#f56c6c', label: 'programme.status.overdue' },
  no_data_source: { tag: 'info', color: '#909399', label: 'programme.status.no_data_source' },
  no_target: { tag: 'info', color: '#909399', label: 'programme.status.no_target' },
}

export function statusStyle(status: string): StatusStyle {
  return STATUS_STYLE[status as LineStatus] ?? { tag: 'info', color: '#909399', label: 'programme.status.unknown' }
}

/** A line has a number to show only when its data source exists (actual not null). */
export function hasData(line: ProgressLine): boolean {
  return line.status !== 'no_data_source' && line.actual !== null && line.actual !== undefined
}

/** Width of the progress bar, 0–100 (a plan may be exceeded: 250 % shows a full bar). */
export function barPercent(line: ProgressLine): number {
  if (!hasData(line) || line.percent === null) return 0
  return Math.max(0, Math.min(100, line.percent))
}

export const TASK_STATUS_TAG: Record<TaskStatus, 'info' | 'primary' | 'success'> = {
  not_started: 'info',
  in_progress: 'primary',
  done: 'success',
}

export interface MatrixColumn {
  target_id: string
  indicator: string
  title: string
  unit: string
  base_unit: string
}

export interface MatrixRow {
  region_code: string
  region_name: string
  /** one cell per column; null where the region has no quota of that target */
  cells: Array<ProgressLine | null>
}

export interface QuotaMatrix {
  columns: MatrixColumn[]
  rows: MatrixRow[]
}

/**
 * The target's short title: its id, the indicator's name from the plan (or its code) and the
 * indicator's parameters as written (T04 示范创建数（district · village）), which tell apart targets
 * of one indicator.
 */
export function targetTitle(t: { target_id: string; indicator: string }, plan?: ProgrammeTarget): string {
  const params = Object.values(plan?.params ?? {})
    .filter((v) => v !== null && v !== undefined && v !== '')
    .map(String)
  return `${t.target_id} ${plan?.indicator_name || t.indicator}` + (params.length ? `（${params.join(' · ')}）` : '')
}

/**
 * Child regions × targets with quotas. Columns: targets that have quota lines, in plan order.
 * Rows: every region with a quota in any of them, in order of first appearance.
 */
export function buildMatrix(targets: TargetProgress[], plan: ProgrammeTarget[] = []): QuotaMatrix {
  const withQuotas = targets.filter((t) => t.quotas.length > 0)
  const columns = withQuotas.map((t) => ({
    target_id: t.target_id,
    indicator: t.indicator,
    title: targetTitle(t, plan.find((p) => p.id === t.target_id)),
    unit: t.unit,
    base_unit: t.base_unit,
  }))
  const rows = new Map<string, MatrixRow>()
  withQuotas.forEach((t, col) => {
    for (const q of t.quotas) {
      let row = rows.get(q.region_code)
      if (!row) {
        row = { region_code: q.region_code, region_name: q.region_name, cells: columns.map(() => null) }
        rows.set(q.region_code, row)
      }
      row.cells[col] = q
    }
  })
  return { columns, rows: [...rows.values()] }
}

/** A task of the plan (without its targets) with its progress. */
export interface TaskRow extends Omit<ProgrammeTask, 'targets'> {
  due: string | null
  status: TaskStatus
  overdue: boolean
  notes: number
  last_note: string
  /** a town-led task: how many towns lead it and how many reported (absent/0: county task) */
  towns_total?: number
  towns_reported?: number
}

/** The plan's task rows (with coordinating units, written deadline) joined with their progress. */
export function taskRows(detail: ProgrammeDetail | null, progress: TaskProgress[]): TaskRow[] {
  const byNumber = new Map(progress.map((p) => [p.number, p]))
  const plan = detail?.tasks ?? []
  const rows: TaskRow[] = plan.map((t) => {
    const p = byNumber.get(t.number)
    return {
      number: t.number,
      text: t.text,
      lead_units: t.lead_units,
      coordinating_units: t.coordinating_units ?? [],
      deadline: t.deadline,
      deadline_text: t.deadline_text ?? '',
      due: p?.due ?? t.deadline,
      status: p?.status ?? 'not_started',
      overdue: p?.overdue ?? false,
      notes: p?.notes ?? 0,
      last_note: p?.last_note ?? '',
      towns_total: p?.towns_total ?? 0,
      towns_reported: p?.towns_reported ?? 0,
    }
  })
  // tasks only the progress knows (should not happen: both come from the same stored version)
  for (const p of progress) {
    if (!plan.some((t) => t.number === p.number)) {
      rows.push({ ...p, coordinating_units: [], deadline: p.due, deadline_text: '' })
    }
  }
  return rows
}

const QUARTER = /^(\d{4})Q([1-4])$/

export function isQuarter(q: string): boolean {
  return QUARTER.test(q)
}

/** "2019-05-31" → "2019Q2". */
export function quarterOf(date: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(date)
  if (!m) return ''
  return `${m[1]}Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`
}

/** Quarters from the period's start to its end, newest first (empty without dates). */
export function quartersBetween(start: string | null, end: string | null): string[] {
  const a = QUARTER.exec(quarterOf(start || ''))
  const b = QUARTER.exec(quarterOf(end || ''))
  if (!a || !b) return []
  const out: string[] = []
  let y = Number(a[1])
  let q = Number(a[2])
  const endKey = Number(b[1]) * 4 + Number(b[2])
  while (y * 4 + q <= endKey && out.length < 200) {
    out.push(`${y}Q${q}`)
    q++
    if (q > 4) {
      q = 1
      y++
    }
  }
  return out.reverse()
}

/** The quarter offered first: today's when it lies in the period, else the period's last. */
export function defaultQuarter(options: string[], today: string): string {
  const now = quarterOf(today)
  return options.includes(now) ? now : options[0] || now
}

export interface CheckErrorRow {
  file: string
  line: number
  message: string
}

/** The checker's errors as table rows for the uploaded file, ordered by line. */
export function checkErrorRows(file: string, errors: CheckError[]): CheckErrorRow[] {
  return errors
    .map((e) => ({ file, line: e.line, message: e.message }))
    .sort((x, y) => x.line - y.line)
}

/**
 * Whether a matrix row (a child region's 12-digit code) is the user's own region or contains it:
 * a town clerk's town, or the town of a village user. The county itself is never "own" here.
 */
export function isOwnRegion(rowCode: string, userCode: string): boolean {
  if (rowCode.length !== 12 || userCode.length !== 12) return false
  let prefix = rowCode
  while (prefix.endsWith('000') && prefix.length > 6) prefix = prefix.slice(0, -3)
  return prefix.length > 6 && userCode.startsWith(prefix)
}
