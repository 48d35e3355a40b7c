// Words and numbers of the home page's work items: a server label is Chinese; English mode uses
// the locale's words for the item's key (home.items.<key>) and unit, else the server's label.
import type { KeyFigure, Severity, WorkTodo } from './api'

type T = (key: string, named?: Record<string, unknown>) => string
type Te = (key: string) => boolean

/** The item's words: the locale's for its key when it has one, else the server's label. */
export function itemLabel(t: T, te: Te, item: WorkTodo | KeyFigure): string {
  const key = 'home.items.' + item.key
  if (!te(key)) return item.label
  // a figure's label may carry its period in brackets (网络销售额（2019年）): keep the year
  const year = /（(\d{4})年）/.exec(item.label)
  return t(key, { year: year ? year[1] : '' })
}

const UNITS: Record<string, string> = { 项: 'item', 份: 'list', 万元: 'wanYuan', 个: 'count' }
export function unitLabel(t: T, unit: string): string {
  const key = UNITS[unit]
  return key ? t('home.units.' + key) : unit
}

/** A figure as read: whole numbers without decimals, 万元 with two. */
export function figureValue(f: KeyFigure): string {
  const digits = Number.isInteger(f.value) ? 0 : 2
  return f.value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export const SEVERITY_TAG: Record<Severity, 'danger' | 'warning' | 'info'> = { danger: 'danger', warning: 'warning', info: 'info' }
