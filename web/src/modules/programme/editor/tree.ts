// The programme as the editor holds it: a tree in the file format's shape
// (docs/PROGRAMME_FORMAT.md), scalars as written ("1.50", "100万元"), booleans as booleans.
// The forms edit it in place; parts no form shows (workflow, a rule's `local:` block, notes)
// travel with it untouched, so editing an uploaded file keeps them. The server writes it as
// canonical YAML and checks it exactly as an uploaded file (src/programme/api/yaml_json.h).

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Tree = Record<string, any>

/** One checker error on the tree: `path` names the item or field ("targets[1]", "tasks[0].lead_units"). */
export interface TreeError {
  path: string
  line: number
  message: string
}

export interface TreeChange {
  path: string
  op: 'added' | 'removed' | 'changed'
  before: unknown
  after: unknown
}

export const FORMAT = 'ruralec.programme/1'

export function emptyProgramme(region: { name: string; code: string }): Tree {
  return {
    format: FORMAT,
    id: '',
    name: '',
    kind: 'upgrade',
    status: 'final',
    issuers: [],
    document_number: '',
    issued_on: '',
    region: { name: region.name, code: region.code },
    period: { start: '', end: '', note: '' },
    source_document: '',
    phases: [],
    targets: [],
    tasks: [],
    award_rules: [],
    fund_plan: { funds: [], categories: [], constraints: [], support_directions: [] },
  }
}

/** The next free id of the form PREFIX + two digits (T01, T02 …) among `items`. */
export function nextId(items: Tree[], prefix: string): string {
  const used = new Set(items.map((x) => String(x.id ?? '')))
  for (let n = items.length + 1; ; n++) {
    const id = `${prefix}${String(n).padStart(2, '0')}`
    if (!used.has(id)) return id
  }
}

export function emptyTarget(items: Tree[]): Tree {
  return { id: nextId(items, 'T'), indicator: '', params: {}, comparator: '>=', value: '', unit: '', deadline: '', text: '', source: '' }
}

export function emptyTask(): Tree {
  return { number: '', text: '', lead_units: [], coordinating_units: [], deadline: '', deadline_text: '', targets: [], source: '' }
}

export function emptyRule(items: Tree[]): Tree {
  return {
    id: nextId(items, 'R'), name: '', kind: 'reward', subject: 'entity', eligibility: [],
    amount: { type: 'fixed', value: '' }, frequency: 'once', text: '', source: '',
  }
}

/** Task numbers must run 1..N in order (the checker's rule): renumbered after each add or removal. */
export function renumberTasks(tasks: Tree[]): void {
  tasks.forEach((t, i) => {
    t.number = String(i + 1)
  })
}

/** The section of `programme` a path belongs to, for the tab that shows its errors. */
export function sectionOf(path: string): 'header' | 'targets' | 'tasks' | 'award_rules' | 'fund_plan' | 'other' {
  const head = path.split(/[.[]/)[0]
  if (head === 'targets' || head === 'tasks' || head === 'award_rules' || head === 'fund_plan') return head
  if (head === 'workflow' || head === 'notes') return 'other'
  return 'header'
}

/**
 * The checker's "缺少字段 text (missing key)" on a field the form shows reads as a request to fill
 * that field, in the clerk's words (`fill(label)`); every other message is kept as the checker
 * wrote it.
 */
export function friendlyErrors(errors: TreeError[], fill: (key: string) => string): TreeError[] {
  return errors.map((e) => {
    const m = /缺少字段 ([a-z_]+)/.exec(e.message)
    return m && e.path.endsWith('.' + m[1]) ? { ...e, message: fill(m[1]) } : e
  })
}

/** Errors exactly at `path` (a field or an item). */
export function errorsAt(errors: TreeError[], path: string): string[] {
  return errors.filter((e) => e.path === path).map((e) => e.message)
}

/** Errors on an item or anything inside it ("targets[1]" takes "targets[1].params.level"). */
export function errorsWithin(errors: TreeError[], path: string): TreeError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(path + '.') || e.path.startsWith(path + '['))
}

/** A region as the file may write it: a name, or {name, code}. */
export function regionName(r: unknown): string {
  if (typeof r === 'string') return r
  if (r && typeof r === 'object' && 'name' in r) return String((r as { name: unknown }).name ?? '')
  return ''
}

/**
 * The parameters an indicator takes, each with the values it allows (a select) or none (free
 * text), keeping values already set; parameters the indicator does not take are dropped.
 */
export function paramsFor(
  current: Record<string, unknown> | undefined,
  ind: { params: string[] } | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const p of ind?.params ?? []) out[p] = current?.[p] ?? ''
  return out
}

/**
 * A path of the diff in words: each segment through `label` (a key's name in the console's
 * language); keyed items keep their key ("目标 T01 · 数值"), positional ones their ordinal.
 */
export function pathWords(path: string, label: (key: string) => string): string {
  return path
    .split('.')
    .map((seg) => {
      const m = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(seg)
      if (!m) return seg
      const keys = [...m[2].matchAll(/\[([^\]]*)\]/g)].map((x) => (x[1].startsWith('#') ? `第${x[1].slice(1)}项` : x[1]))
      return [label(m[1]), ...keys].join(' ')
    })
    .join(' · ')
}

/** A before/after value of the diff as one line of text. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '–'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join('、')
  if (typeof v === 'object') {
    const o = v as Tree
    return String(o.name ?? o.text ?? o.id ?? JSON.stringify(v))
  }
  return String(v)
}

/** A quantity written {value, unit} becomes "100万元", the form the inputs edit (same meaning to the checker). */
function flattenQuantities(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(flattenQuantities)
  if (v && typeof v === 'object') {
    const o = v as Tree
    const keys = Object.keys(o)
    if (keys.length === 2 && 'value' in o && 'unit' in o && typeof o.value !== 'object' && typeof o.unit !== 'object')
      return `${o.value}${o.unit}`
    for (const k of keys) o[k] = flattenQuantities(o[k])
  }
  return v
}

/**
 * Gives a loaded tree the lists and maps the forms bind to (absent parts of a file are empty
 * here; empty parts are left out again when the server writes the file).
 */
export function prepareTree(tree: Tree): Tree {
  flattenQuantities(tree)
  for (const k of ['issuers', 'phases', 'targets', 'tasks', 'award_rules']) if (!Array.isArray(tree[k])) tree[k] = []
  if (!tree.region || typeof tree.region !== 'object') tree.region = { name: regionName(tree.region), code: '' }
  if (!tree.period || typeof tree.period !== 'object') tree.period = { start: '', end: '', note: '' }
  const fp = (tree.fund_plan = tree.fund_plan && typeof tree.fund_plan === 'object' ? tree.fund_plan : {})
  for (const k of ['funds', 'categories', 'constraints', 'support_directions']) if (!Array.isArray(fp[k])) fp[k] = []
  for (const tg of tree.targets as Tree[]) if (!tg.params || typeof tg.params !== 'object') tg.params = {}
  for (const r of tree.award_rules as Tree[]) {
    if (!r.amount || typeof r.amount !== 'object') r.amount = { type: 'open' }
    if (!Array.isArray(r.eligibility)) r.eligibility = []
  }
  return tree
}
