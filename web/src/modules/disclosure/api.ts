// Disclosure (信息公开): docs/API.md, "Disclosure". The public pages live outside the console
// under /public/{county}/… (server-rendered, no login).
import { http, type Page, type Query } from '@/api/client'

export type Kind = 'programme' | 'funds' | 'projects' | 'conclusions' | 'awards' | 'products' | 'stations'
export type PubStatus = 'draft' | 'submitted' | 'published' | 'superseded' | 'withdrawn'
export const STATUSES: PubStatus[] = ['draft', 'submitted', 'published', 'superseded', 'withdrawn']

export interface KindInfo {
  kind: Kind
  label: string
  /** what source_id names: programme | fund | award_list | '' (none) */
  source: string
}

export interface SourceOption {
  id: number
  label: string
}

export interface DocTable {
  columns: string[]
  rows: string[][]
}

export interface DocSection {
  heading: string
  paragraphs: string[]
  table: DocTable | null
  notes: string[]
}

/** The frozen content of a publication, as the public reads it. */
export interface Doc {
  title: string
  summary: string
  as_of: string
  sections: DocSection[]
}

export interface Publication {
  id: number
  county_code: string
  kind: Kind
  kind_label: string
  source_id: number | null
  subject: string
  title: string
  summary: string
  /** 0 until published */
  version: number
  status: PubStatus
  status_label: string
  content_sha256: string
  created_by: string
  created_by_id: number | null
  created_at: string
  submitted_by: string
  submitted_by_id: number | null
  submitted_at: string | null
  published_by: string
  published_at: string | null
  superseded_by: number | null
  superseded_at: string | null
  withdrawn_by: string
  withdrawn_at: string | null
  withdraw_reason: string
  /** the public page once published (/public/341302/publications/7) */
  public_path: string | null
}

export interface PublicationDetail extends Publication {
  content: Doc | null
  versions: Publication[]
  already: boolean
}

export interface DraftInput {
  kind: Kind
  county_code?: string
  source_id?: number
}

export const disclosureApi = {
  kinds: () => http.get<{ items: KindInfo[] }>('/disclosure/kinds'),
  sources: (kind: Kind, county_code?: string) => http.get<{ items: SourceOption[] }>('/disclosure/sources', { kind, county_code: county_code || '' }),
  list: (q: Query) => http.get<Page<Publication>>('/disclosure/publications', q),
  get: (id: number) => http.get<PublicationDetail>(`/disclosure/publications/${id}`),
  draft: (body: DraftInput) => http.post<PublicationDetail>('/disclosure/publications', body),
  submit: (id: number) => http.post<PublicationDetail>(`/disclosure/publications/${id}/submit`, {}),
  publish: (id: number) => http.post<PublicationDetail>(`/disclosure/publications/${id}/publish`, {}),
  withdraw: (id: number, reason: string) => http.post<PublicationDetail>(`/disclosure/publications/${id}/withdraw`, { reason }),
}
