// 字典管理 and 参数设置: docs/API.md, "Dictionaries" and "County parameters".
import { http, type Page, type Query } from '@/api/client'

export interface DictSummary {
  name: string
  title: string
  module: string
  module_title: string
  extensible: boolean
  /** the caller holds the owning module's permission to add and disable entries */
  can_edit: boolean
  builtin_count: number
  county_count: number
  disabled_count: number
}

export interface DictEntryRow {
  value: string
  label: string
  builtin: boolean
  disabled: boolean
}

export type ParamType = 'int' | 'fen' | 'bool' | 'enum' | 'date' | 'url'
export type ParamValue = number | boolean | string | null

export interface Param {
  name: string
  label: string
  type: ParamType
  default: ParamValue
  min: number | null
  max: number | null
  options: { value: string; label: string }[]
  help: string
  module: string
  module_title: string
  value: ParamValue
  is_default: boolean
}

export const settingsApi = {
  dicts: (q: Query) => http.get<Page<DictSummary>>('/dicts', q),
  entries: (name: string, q: Query) => http.get<Page<DictEntryRow> & { dict: DictSummary }>(`/dicts/${name}/entries`, q),
  addEntry: (name: string, body: { value?: string; label: string }) => http.post<DictEntryRow>(`/dicts/${name}/entries`, body),
  setDisabled: (name: string, value: string, disabled: boolean) =>
    http.put<{ value: string; disabled: boolean }>(`/dicts/${name}/entries/${encodeURIComponent(value)}`, { disabled }),
  params: () => http.get<Page<Param>>('/settings/params', { page_size: 200 }),
  saveParams: (values: Record<string, ParamValue>) => http.put<{ items: Param[] }>('/settings/params', { values }),
}

/** An import batch (docs/API.md "Import batches"). */
export interface ImportBatch {
  id: number
  kind: string
  kind_label: string
  file_name: string
  mode: string
  rows_total: number
  rows_imported: number
  rows_rejected: number
  rows_updated: number
  created_by_name: string
  created_at: string
  undone_at: string | null
  undone_by_name: string
  can_undo: boolean
  /** why it cannot be undone ('' when it can) */
  undo_refusal: string
}

export const importsApi = {
  batches: (q: Query) => http.get<Page<ImportBatch>>('/imports/batches', q),
  undo: (id: number) => http.post<{ id: number; kind: string; rows_undone: number }>(`/imports/batches/${id}/undo`),
}
