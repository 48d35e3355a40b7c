// The programme editor's endpoints (docs/API.md "Programme editor"; src/programme/api/editor_handlers.cc).
import { ApiError, http, type Page, type Query } from '@/api/client'
import type { Tree, TreeChange, TreeError } from './tree'

export interface CatalogueIndicator {
  id: string
  name: string
  dimension: string
  base_unit: string
  params: string[]
  required_params: string[]
  allowed_values: Record<string, string[]>
  units: string[]
  data_source: string
}

export interface Catalogue {
  format: string
  indicators: CatalogueIndicator[]
  units: Array<{ name: string; dimension: string }>
  /** the format's closed word lists, by field: kind, status, comparator, award.subject … */
  vocabulary: Record<string, string[]>
}

export interface SourceAnswer {
  id: number
  key: string
  version: number
  latest_id: number
  programme: Tree
}

export interface CheckAnswer {
  ok: boolean
  errors: TreeError[]
  yaml: string
}

export interface SaveAnswer {
  id: number
  key: string
  version: number
  created: boolean
  changes: TreeChange[]
}

export interface VersionRow {
  id: number
  version: number
  name: string
  document_number: string
  /** file (CLI) | upload | editor | local-change */
  source: string
  /** the editor's username, the file path or the local change id */
  source_detail: string
  sha256: string
  loaded_at: string
  targets: number
  tasks: number
  latest: boolean
}

export interface DiffAnswer {
  from: { id: number; version: number }
  to: { id: number; version: number }
  changes: TreeChange[]
}

/** A save the checker refused: the server's message plus every error by path. */
export class TreeCheckError extends ApiError {
  errors: TreeError[]
  constructor(e: ApiError, errors: TreeError[]) {
    super(e.status, e.code, e.message, e.field, e.details)
    this.name = 'TreeCheckError'
    this.errors = errors
  }
}

async function saving(p: Promise<SaveAnswer>): Promise<SaveAnswer> {
  try {
    return await p
  } catch (e) {
    const errors = e instanceof ApiError && e.status === 400 ? e.details.errors : undefined
    if (!Array.isArray(errors)) throw e
    throw new TreeCheckError(e as ApiError, errors as TreeError[])
  }
}

export const editorApi = {
  catalogue: () => http.get<Catalogue>('/programmes/catalogue'),
  source: (id: number | string) => http.get<SourceAnswer>(`/programmes/${id}/source`),
  check: (programme: Tree) => http.post<CheckAnswer>('/programmes/check', { programme }),
  create: (programme: Tree) => saving(http.post<SaveAnswer>('/programmes', { programme })),
  save: (baseId: number | string, programme: Tree) => saving(http.put<SaveAnswer>(`/programmes/${baseId}`, { programme })),
  versions: (id: number | string, q: Query = {}) => http.get<Page<VersionRow>>(`/programmes/${id}/versions`, q),
  diff: (id: number | string, against?: number) =>
    http.get<DiffAnswer>(`/programmes/${id}/diff`, against ? { against } : {}),
}
