// Pure logic of the award (奖补) pages, unit-tested in awards.spec.ts: money from integer fen
// (digits only, no floating point), basis points as percentages, rule badges, diff rows, the
// explanation of one line as label/value rows, and which version buttons a user may see.
import { formatFen } from '@/utils/money'
import type { AwardDiff, AwardLine, AwardList, AwardRule, Explanation, MetricUse, Qty, RuleOutcome } from './api'

/** fen → "1,234.56"; null/undefined → "—" (a flagged line has no amount, which is not zero). */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatFen(fen, true)
}

/** Basis points → percentage on the digits: 2000 → "20%", 500 → "5%", 1234 → "12.34%", 5 → "0.05%". */
export function percent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined || !Number.isFinite(bp)) return '—'
  const n = Math.trunc(bp)
  const sign = n < 0 ? '-' : ''
  const d = String(Math.abs(n)).padStart(3, '0')
  const frac = d.slice(-2).replace(/0+$/, '')
  return sign + d.slice(0, -2) + (frac ? '.' + frac : '') + '%'
}

/** A metric value in its base unit: fen → "元", US cents → "美元", centi-points → "分" (003 R03). */
export function metricValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—'
  if (unit === 'fen') return yuan(value) + ' 元'
  if (unit === 'us_cent') return yuan(value) + ' 美元'
  if (unit === 'centi_point') return yuan(value) + ' 分'
  return String(value) + (unit ? ' ' + unit : '')
}

/**
 * Words for the codes a rule or a line carries (metric, subject kind, region tag, flag), and the
 * page's own phrases; the page builds them from the server's dictionaries and the locale
 * (useAwardWords), tests pass fixed ones. `codeWords` shows the codes themselves.
 */
export interface Words {
  metric: (code: string) => string
  subject: (kind: string) => string
  tag: (tag: string) => string
  flag: (flag: string) => string
  tier: (n: number) => string
  applied: string
  notApplied: string
  capApplied: string
  floorApplied: string
  acceptance: string
}
export const codeWords: Words = {
  metric: (c) => c, subject: (c) => c, tag: (c) => c, flag: (c) => c, tier: (n) => `#${n}`,
  applied: '（采用）', notApplied: '（未采用，取最大一项）', capApplied: '（已封顶）', floorApplied: '（已保底）', acceptance: '验收后拨付',
}

/** A comparator as a person reads it: ">=" → "≥", "<=" → "≤". */
export function cmp(op: string): string {
  return op === '>=' ? '≥' : op === '<=' ? '≤' : op === '==' ? '=' : op
}

/** A quantity as the programme file writes it ("1000万元"); null → "". */
export function qty(q: Qty | null | undefined): string {
  return q ? `${q.value}${q.unit}` : ''
}

export type RuleBadge = 'local' | 'open' | 'no_data_source' | 'needs_local_setting' | 'not_evaluable'

/** Subject kinds the server has no data source for yet (docs/AWARDS.md §2). */
export const NO_SOURCE_SUBJECTS = new Set(['project'])

/**
 * Badges of a rule in the read view: 本地设定 when the county filled an open part (rule.local),
 * 待地方设定 when the seed leaves a part open and no local value exists, and the evaluation's
 * outcome (无数据来源 …) when one is known — before any evaluation, a subject kind without a data
 * source is already marked.
 */
export function ruleBadges(rule: AwardRule, outcome?: RuleOutcome): RuleBadge[] {
  const out: RuleBadge[] = []
  if (rule.local) out.push('local')
  else if (rule.set_locally.length) out.push('open')
  if (outcome) {
    if (outcome.status !== 'evaluated' && !(outcome.status === 'needs_local_setting' && out.includes('open'))) out.push(outcome.status)
  } else if (NO_SOURCE_SUBJECTS.has(rule.subject)) out.push('no_data_source')
  return out
}

/** The amount rule of the read view, as written: "分档（地方设定）, 最高 100万元". */
export function amountText(rule: AwardRule, words: { tiers: string; setLocally: string; upTo: string; cap: string; floor: string }): string {
  const a = rule.amount
  const parts: string[] = []
  if (a.type === 'fixed') parts.push(qty(a.value))
  else if (a.type === 'percentage') parts.push(`${a.up_to ? words.upTo : ''}${qty(a.percent)}${a.of ? ' × ' + a.of : ''}`)
  else if (a.type === 'tiers') {
    if (a.tiers === 'set_locally') parts.push(`${words.tiers}（${words.setLocally}）`)
    else parts.push(a.tiers.map((t) => `[${qty(t.from) || '0'}, ${qty(t.to) || '∞'}) → ${qty(t.amount)}`).join('；'))
  } else parts.push(words.setLocally)
  if (a.cap) parts.push(`${words.cap} ${qty(a.cap)}`)
  if (a.floor) parts.push(`${words.floor} ${qty(a.floor)}`)
  return parts.filter(Boolean).join('，')
}

export interface DiffRow {
  key: string
  change: 'added' | 'removed' | 'changed'
  rule_id: string
  subject: string
  old_amount: string
  new_amount: string
  delta: string
  old_status: string
  new_status: string
}

/** Diff entries → table rows; delta = new − old in integer fen (a missing amount counts as 0). */
export function diffRows(diff: AwardDiff | null | undefined, words: Words = codeWords): DiffRow[] {
  return (diff?.entries ?? []).map((e) => {
    const d = (e.new_amount_fen ?? 0) - (e.old_amount_fen ?? 0)
    // A line without an amount on both sides (待地方设定) has no difference to show, not 0.00.
    const none = e.old_amount_fen === null && e.new_amount_fen === null
    return {
      key: `${e.change}:${e.rule_id}:${e.subject_kind}:${e.subject_id}`,
      change: e.change,
      rule_id: e.rule_id,
      subject: `${e.subject_name}（${words.subject(e.subject_kind)}）`,
      old_amount: yuan(e.old_amount_fen),
      new_amount: yuan(e.new_amount_fen),
      delta: none ? '—' : (d > 0 ? '+' : '') + yuan(d),
      old_status: e.old_status ?? '',
      new_status: e.new_status ?? '',
    }
  })
}

/** Row of an explanation: `label` is an i18n key under awards.ex, `value` already formatted. */
export interface ExRow {
  label: string
  value: string
  records?: number[]
}

function metricRow(m: MetricUse, words: Words): ExRow {
  let v = metricValue(m.value, m.unit)
  if (m.comparator && m.threshold !== undefined) {
    v += `（${cmp(m.comparator)} ${metricValue(m.threshold, m.unit)}${m.threshold_set_locally ? '，本地设定' : ''}）`
  }
  return { label: 'metric', value: `${words.metric(m.metric)} ${v}`, records: m.record_ids }
}

/**
 * The explanation of one line as rows in computation order: data used (with the ledger record
 * ids), tier, rate, base, uplift, cap, floor, local setting, note. Parts the line did not use are
 * left out, so what is shown is what produced the amount.
 */
export function explanationRows(ex: Explanation, words: Words = codeWords): ExRow[] {
  const rows: ExRow[] = [{ label: 'rule', value: `${ex.rule_name} — ${ex.source}` }]
  if (ex.rule_text) rows.push({ label: 'text', value: ex.rule_text })
  rows.push(...ex.metrics.map((m) => metricRow(m, words)))
  if (ex.tier) {
    const band = `[${yuan(ex.tier.from)}, ${ex.tier.to === null ? '∞' : yuan(ex.tier.to)})`
    // tier.index is 1-based (src/award/award.h TierUse)
    rows.push({ label: 'tier', value: `${words.tier(ex.tier.index)} ${band} → ${yuan(ex.tier.amount_fen)} 元` })
  }
  if (ex.percent_bp !== null) rows.push({ label: 'rate', value: `${percent(ex.percent_bp)} × ${ex.percent_of ? words.metric(ex.percent_of) : ''} ${ex.percent_base !== null ? yuan(ex.percent_base) : ''}`.trim() })
  if (ex.base_fen !== null) rows.push({ label: 'base', value: yuan(ex.base_fen) + ' 元' })
  for (const m of ex.multipliers) {
    rows.push({ label: 'uplift', value: `${words.tag(m.region_tag)} +${percent(m.uplift_bp)}${m.applied ? words.applied : words.notApplied}` })
  }
  if (ex.after_uplift_fen !== null && ex.multipliers.some((m) => m.applied)) rows.push({ label: 'afterUplift', value: yuan(ex.after_uplift_fen) + ' 元' })
  if (ex.cap_fen !== null) rows.push({ label: 'cap', value: yuan(ex.cap_fen) + ' 元' + (ex.cap_applied ? words.capApplied : '') })
  if (ex.floor_fen !== null) rows.push({ label: 'floor', value: yuan(ex.floor_fen) + ' 元' + (ex.floor_applied ? words.floorApplied : '') })
  if (ex.set_locally) rows.push({ label: 'local', value: [ex.set_by, ex.local_reference].filter(Boolean).join('，') })
  if (ex.prior) rows.push({ label: 'prior', value: `${ex.prior.period} · v${ex.prior.version}` })
  if (ex.payable_after_acceptance) rows.push({ label: 'acceptance', value: words.acceptance })
  if (ex.quota) rows.push({ label: 'quota', value: quotaText(ex.quota) })
  if (ex.note) rows.push({ label: 'note', value: ex.note })
  return rows
}

/** A line's place under the rule's 择优名额: "第2名（2个并列），名额 2 个，未入选". */
export function quotaText(q: NonNullable<Explanation['quota']>): string {
  const tie = q.tied > 1 ? `（${q.tied}个并列）` : ''
  return `第${q.rank}名${tie}，名额 ${q.places} 个，${q.within ? '入选' : '未入选'}`
}

/** Total of the payable amounts on a page of lines, in fen (integers only). */
export function pageTotal(lines: AwardLine[]): number {
  return lines.reduce((s, l) => s + (l.amount_fen ?? 0), 0)
}

/** Years of a programme period ("2019-01-01".."2020-12-31" → ["2019","2020"]); none → this year. */
export function periodYears(start: string | null, end: string | null, today = new Date()): string[] {
  const a = start ? Number(start.slice(0, 4)) : NaN
  const b = end ? Number(end.slice(0, 4)) : a
  if (!Number.isInteger(a)) return [String(today.getFullYear())]
  const out: string[] = []
  for (let y = a; y <= (Number.isInteger(b) ? b : a); y++) out.push(String(y))
  return out
}

/** The propose button: a draft and the right to propose. */
export function canPropose(list: AwardList, has: (p: string) => boolean): boolean {
  return list.status === 'draft' && has('award:propose')
}

/**
 * The approve button: a proposed list, the finance right, and not the list's own maker or
 * proposer. The server checks the same (and the role from the database) and its refusal message
 * is shown when it disagrees.
 */
export function canApprove(list: AwardList, userId: number | string | undefined, has: (p: string) => boolean): boolean {
  if (list.status !== 'proposed' || !has('award:approve')) return false
  const me = String(userId ?? '')
  return me !== String(list.created_by ?? '') && me !== String(list.proposed_by ?? '')
}

/** A UTC ms timestamp (or ISO string) as a local date-time "2026-11-24 08:30". */
export function when(ts: number | string | null | undefined): string {
  if (ts === null || ts === undefined || ts === '') return '—'
  const d = new Date(ts)
  if (Number.isNaN(d.getTime())) return String(ts)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}
