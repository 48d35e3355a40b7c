// Local settings (地方设定) form logic, kept out of the components so it is unit-tested: the form
// model of one award rule, the values it sends (POST /programmes/{id}/local), the merge with the
// pending change (a submission replaces the pending change, so the other rules' values are kept),
// and where a server error goes on the form. Quantities are written as in the programme file:
// number + unit ("50万元", "3%").
import type { LocalChange, LocalEdit, LocalItem, LocalValues, StageLocalValues } from './api'

export interface Qty {
  num: string
  unit: string
}
export interface TierRow {
  from: Qty
  to: Qty
  amount: Qty
}
export interface LocalForm {
  /** the award rule, or the workflow stage when `stage` */
  rule_id: string
  stage: boolean
  set_by: string
  reference: string
  decided_on: string
  fields: Array<'tiers' | 'value' | 'percent' | 'threshold' | 'working_days'>
  tiers: TierRow[]
  value: Qty
  percent: Qty
  threshold: Qty
  /** the units the threshold may be written in: those of the eligibility metric (thresholdUnits) */
  thresholdUnits: readonly string[]
  working_days: string
}

export const MONEY_UNITS = ['万元', '元', '万美元', '美元'] as const

/**
 * Units a local eligibility threshold may be written in, by the metric it applies to (the item's
 * `metric`); the award engine compares a threshold only in its metric's base unit
 * (award::MetricUnit, src/award/evaluate.cc): assessment scores in 分 (003 R03), counts in 个/次,
 * export sales in US dollars, every other metric in money.
 */
export function thresholdUnits(metric: string | undefined): readonly string[] {
  if (metric === 'station_assessment_score') return ['分']
  if (metric === 'station_service_performance') return ['个', '条']
  if (metric === 'online_export_sales') return ['万美元', '美元']
  return ['万元', '元']
}

/** "1000万元" → {num: "1000", unit: "万元"}; null/"" → empty with `unit`. */
export function splitQty(text: string | null | undefined, unit = '万元'): Qty {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(.*)$/.exec(text ?? '')
  return m ? { num: m[1], unit: m[2].trim() || unit } : { num: '', unit }
}

export function joinQty(q: Qty): string {
  return q.num.trim() ? q.num.trim() + q.unit : ''
}

/** The open fields of a rule, from its items (one item per set_locally setting). */
export function ruleFields(items: LocalItem[], ruleId: string): LocalForm['fields'] {
  const out: LocalForm['fields'] = []
  for (const it of items) {
    if (it.item_id === ruleId && it.settable && it.field && !out.includes(it.field)) out.push(it.field)
  }
  return out
}

/** The key of a value: its rule id or its stage. */
export const editKey = (v: LocalEdit) => v.rule_id || v.stage || ''

/** A form for a rule or stage `key`, starting from the pending value if any, else the value in force. */
export function formFor(items: LocalItem[], key: string, pending?: LocalEdit, local?: LocalValues | StageLocalValues | null): LocalForm {
  const fields = ruleFields(items, key)
  const metric = items.find((it) => it.item_id === key && it.field === 'threshold')?.metric
  const units = thresholdUnits(metric)
  const stage = items.some((it) => it.item_id === key && it.kind === 'workflow_stage')
  const src = pending ?? (local ? toEdit(key, stage, local) : undefined)
  const tiers = (src?.tiers ?? []).map((t) => ({ from: splitQty(t.from), to: splitQty(t.to), amount: splitQty(t.amount) }))
  if (fields.includes('tiers') && !tiers.length) tiers.push(emptyTier(), emptyTier())
  return {
    rule_id: key,
    stage,
    set_by: src?.set_by ?? '',
    reference: src?.reference ?? '',
    decided_on: src?.decided_on ?? '',
    fields,
    tiers,
    value: splitQty(src?.value),
    percent: splitQty(src?.percent, '%'),
    threshold: splitQty(src?.threshold, units[0]),
    thresholdUnits: units,
    working_days: src?.working_days ? String(src.working_days) : '',
  }
}

export function emptyTier(): TierRow {
  return { from: splitQty(''), to: splitQty(''), amount: splitQty('') }
}

function toEdit(key: string, stage: boolean, local: LocalValues | StageLocalValues): LocalEdit {
  const base = { set_by: local.set_by, decided_on: local.decided_on ?? '', reference: local.reference }
  if (stage) {
    const s = local as StageLocalValues
    return { stage: key, ...base, ...(s.working_days ? { working_days: s.working_days } : {}) }
  }
  const v = local as LocalValues
  const e: LocalEdit = { rule_id: key, ...base }
  if (v.tiers.length) e.tiers = v.tiers.map((t) => ({ from: t.from ?? undefined, to: t.to ?? undefined, amount: t.amount ?? '' }))
  if (v.value) e.value = v.value
  if (v.percent) e.percent = v.percent
  if (v.threshold) e.threshold = v.threshold
  return e
}

/** The values the form sends: only the rule's open fields, empty bounds left out. */
export function editFrom(f: LocalForm): LocalEdit {
  const doc = { set_by: f.set_by.trim(), decided_on: f.decided_on, reference: f.reference.trim() }
  if (f.stage) return { stage: f.rule_id, ...doc, working_days: Number(f.working_days) }
  const e: LocalEdit = { rule_id: f.rule_id, ...doc }
  if (f.fields.includes('tiers')) {
    e.tiers = f.tiers.map((t) => {
      const row: { from?: string; to?: string; amount: string } = { amount: joinQty(t.amount) }
      if (joinQty(t.from)) row.from = joinQty(t.from)
      if (joinQty(t.to)) row.to = joinQty(t.to)
      return row
    })
  }
  if (f.fields.includes('value') && joinQty(f.value)) e.value = joinQty(f.value)
  if (f.fields.includes('percent') && joinQty(f.percent)) e.percent = joinQty(f.percent)
  if (f.fields.includes('threshold') && joinQty(f.threshold)) e.threshold = joinQty(f.threshold)
  return e
}

/** The pending change's values with this rule's replaced (or added last); its index in the list. */
export function mergeWithPending(pending: LocalChange | null | undefined, edit: LocalEdit): { values: LocalEdit[]; index: number } {
  const values = (pending?.status === 'pending' ? pending.values : []).filter((v) => editKey(v) !== editKey(edit))
  values.push(edit)
  return { values, index: values.length - 1 }
}

/**
 * Where a server error field ("values[2].tiers[1]", "values[2].reference") goes on the form of
 * the value at `index`: "tiers.1", "reference" … ; "" when it is about another value.
 */
export function formField(field: string, index: number): string {
  const m = /^values\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?/.exec(field)
  if (!m || Number(m[1]) !== index) return ''
  if (!m[2]) return 'form'
  return m[3] !== undefined ? `${m[2]}.${m[3]}` : m[2]
}

/** A one-line summary of local values: "≥1000万元 <3000万元：50万元；≥3000万元：100万元". */
export function summary(local: LocalValues | StageLocalValues | LocalEdit | null | undefined): string {
  if (!local) return ''
  const parts: string[] = []
  if ('working_days' in local && local.working_days) parts.push(`期限 ${local.working_days} 个工作日`)
  const v = local as LocalEdit
  for (const t of v.tiers ?? []) {
    const band = [t.from ? '≥' + t.from : '', t.to ? '<' + t.to : ''].filter(Boolean).join(' ')
    parts.push(`${band || '全部'}：${t.amount ?? ''}`)
  }
  if (v.value) parts.push('金额 ' + v.value)
  if (v.percent) parts.push('比例 ' + v.percent)
  if (v.threshold) parts.push('门槛 ' + v.threshold)
  return parts.join('；')
}
