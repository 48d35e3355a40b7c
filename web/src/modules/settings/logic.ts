// Pure helpers of the 系统管理 pages (tested in settings.spec.ts).
import type { Param, ParamValue } from './api'

/** Parameters grouped by their module, in the server's order. */
export function groupParams(items: Param[]): { module: string; title: string; params: Param[] }[] {
  const out: { module: string; title: string; params: Param[] }[] = []
  for (const p of items) {
    let g = out.find((x) => x.module === p.module)
    if (!g) out.push((g = { module: p.module, title: p.module_title, params: [] }))
    g.params.push(p)
  }
  return out
}

/** The form's value of a parameter: fen shown in yuan. */
export function toForm(p: Param, v: ParamValue = p.value): ParamValue {
  return p.type === 'fen' && typeof v === 'number' ? v / 100 : v
}

/** The API's value of a form field: yuan back to whole fen. */
export function fromForm(p: Param, v: ParamValue): ParamValue {
  return p.type === 'fen' && typeof v === 'number' ? Math.round(v * 100) : v
}

/** Only the parameters whose form value differs from the stored one (in API units). */
export function changedValues(items: Param[], form: Record<string, ParamValue>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {}
  for (const p of items) {
    const v = fromForm(p, form[p.name] ?? null)
    if (v !== p.value) out[p.name] = v
  }
  return out
}

/** The default in words, for the hint under a field. */
export function defaultText(p: Param, yes: string, no: string): string {
  const d = p.default
  if (p.type === 'bool') return d ? yes : no
  if (p.type === 'enum') return p.options.find((o) => o.value === d)?.label ?? String(d)
  if (p.type === 'fen' && typeof d === 'number') return (d / 100).toFixed(2)
  return String(d ?? '')
}
