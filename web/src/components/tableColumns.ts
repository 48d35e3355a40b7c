// The column chooser of DataTable (显示/隐藏列, issue 26 item 10): which el-table-columns a list
// page declares, which of them the user hid (remembered per page in localStorage), and the slot
// content without the hidden ones. A column is known by its `prop` (a column without one, such as
// 操作, by its `column-key` or label); selection, index and expand columns are not offered.
import { defineComponent, Fragment, onMounted, onUpdated, type PropType, type VNode } from 'vue'

export interface ColumnInfo {
  key: string
  label: string
}

const STORE_PREFIX = 'ruralec.columns.'
const DENSITY_KEY = 'ruralec.table.density'
export type Density = 'large' | 'default' | 'small'
export const DENSITIES: Density[] = ['large', 'default', 'small']

function isColumn(v: VNode): boolean {
  const type = v.type as { name?: string } | string
  return typeof type === 'object' && type?.name === 'ElTableColumn'
}

/** The column's key, or '' for a column the chooser leaves alone. */
export function columnKey(v: VNode): string {
  const p = (v.props || {}) as Record<string, unknown>
  if (p.type && p.type !== 'default') return ''
  const key = p['column-key'] ?? p.columnKey ?? p.prop ?? p.label
  return typeof key === 'string' ? key : ''
}

/** The slot's vnodes with fragments (v-for, template v-if) opened, comments kept. */
export function flatten(nodes: VNode[]): VNode[] {
  return nodes.flatMap((v) => (v.type === Fragment && Array.isArray(v.children) ? flatten(v.children as VNode[]) : [v]))
}

/** The choosable columns among the slot's vnodes, in order. */
export function columnsOf(nodes: VNode[]): ColumnInfo[] {
  const out: ColumnInfo[] = []
  for (const v of flatten(nodes)) {
    if (!isColumn(v)) continue
    const key = columnKey(v)
    if (!key) continue
    const label = (v.props as Record<string, unknown>).label
    out.push({ key, label: typeof label === 'string' && label ? label : key })
  }
  return out
}

/**
 * Renders its default slot (el-table-columns) without the columns named in `hidden`, and emits
 * `columns` with every choosable column it saw whenever that list changes (labels follow the
 * language).
 */
export const VisibleColumns = defineComponent({
  name: 'VisibleColumns',
  props: { hidden: { type: Array as PropType<string[]>, default: () => [] } },
  emits: { columns: (_: ColumnInfo[]) => true },
  setup(props, { slots, emit }) {
    let seen = ''
    let last: ColumnInfo[] = []
    const report = () => {
      const s = JSON.stringify(last)
      if (s !== seen) {
        seen = s
        emit('columns', last)
      }
    }
    onMounted(report)
    onUpdated(report)
    return () => {
      const nodes = flatten(slots.default?.() || [])
      last = columnsOf(nodes)
      return nodes.filter((v) => !isColumn(v) || !props.hidden.includes(columnKey(v)))
    }
  },
})

/**
 * The storage key of a table: the page's own name for it (`storage-key`), else the page (route
 * name) and its endpoint with record ids generalised.
 */
export function tableKey(routeName: string, url: string, own = ''): string {
  if (own) return STORE_PREFIX + own
  return STORE_PREFIX + (routeName ? routeName + ':' : '') + url.replace(/\/\d+(?=\/|$)/g, '/:id')
}

export function loadHidden(key: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) || '[]')
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** Saves the hidden columns of a table; none hidden removes the entry (the reset). */
export function saveHidden(key: string, hidden: string[]) {
  try {
    if (hidden.length) localStorage.setItem(key, JSON.stringify(hidden))
    else localStorage.removeItem(key)
  } catch {
    /* storage disabled: the choice lasts for this page load */
  }
}

/** The row height chosen in any list (宽松 / 默认 / 紧凑), one setting for the console. */
export function loadDensity(): Density {
  try {
    const v = localStorage.getItem(DENSITY_KEY)
    return DENSITIES.includes(v as Density) ? (v as Density) : 'default'
  } catch {
    return 'default'
  }
}

export function saveDensity(d: Density) {
  try {
    localStorage.setItem(DENSITY_KEY, d)
  } catch {
    /* not remembered */
  }
}
