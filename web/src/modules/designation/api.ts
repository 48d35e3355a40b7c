// Demonstration designations (示范创建): docs/API.md, "Demonstration designations".
import { http, upload, type Page, type Query } from '@/api/client'
import type { StatusChangeOf } from '@/api/statusHistory'

export type DesignationLevel = 'national' | 'province' | 'city' | 'county'
export type DesignationKind = 'county' | 'town' | 'village' | 'point' | 'enterprise' | 'park'
export type DesignationStatus = 'candidate' | 'applied' | 'recognised' | 'revoked'
export const LEVELS: DesignationLevel[] = ['national', 'province', 'city', 'county']
export const KINDS: DesignationKind[] = ['county', 'town', 'village', 'point', 'enterprise', 'park']
export const STATUSES: DesignationStatus[] = ['candidate', 'applied', 'recognised', 'revoked']

export interface Designation {
  id: number
  level: DesignationLevel
  level_label: string
  kind: DesignationKind
  kind_label: string
  subject_type: 'region' | 'station' | 'entity'
  subject_id: number | null
  subject_name: string
  region_code: string
  region_name: string
  county_code: string
  year: number
  issuing_body: string
  document_no: string
  note: string
  status: DesignationStatus
  status_label: string
  status_since: string
  recognised_on: string | null
  file_count: number
  created_at: string
  updated_at: string
}

export type StatusChange = StatusChangeOf<DesignationStatus>

export interface EvidenceFile {
  id: number
  filename: string
  content_type: string
  size: number
  sha256: string
  uploaded_by: string
  created_at: string
}

export interface DesignationDetail extends Designation {
  history: StatusChange[]
  files: EvidenceFile[]
}

export interface DesignationInput {
  level: DesignationLevel
  kind: DesignationKind
  year: number
  region_code?: string
  subject_id?: number
  issuing_body?: string
  document_no?: string
  note?: string
  status?: DesignationStatus
  status_date?: string
}

export interface StatusInput {
  status: DesignationStatus
  date: string
  reason?: string
  document_no?: string
  issuing_body?: string
}

export interface RankedVillage {
  rank: number
  region_code: string
  name: string
  town_name: string
  online_sales_fen: number | null
  designation_id: number | null
  designation_status: DesignationStatus | null
  /** inside the 择优名额: proposed by the system (staff decide) */
  proposed: boolean
  /** why it is proposed or not (rank, sales, quota, a tie at the cut) */
  reason: string
}

export interface Ranking extends Page<RankedVillage> {
  year: number
  region_code: string
  source: string
  /** the 择优名额 applied (0: none set) and how many villages it proposes */
  quota: number
  proposed: number
}

export const designationsApi = {
  list: (q: Query) => http.get<Page<Designation>>('/designations', q),
  get: (id: number) => http.get<DesignationDetail>(`/designations/${id}`),
  create: (body: DesignationInput) => http.post<DesignationDetail>('/designations', body),
  changeStatus: (id: number, body: StatusInput) => http.post<DesignationDetail>(`/designations/${id}/status`, body),
  ranking: (q: Query) => http.get<Ranking>('/designations/ranking', q),
  addFile: (id: number, file: File) => upload(`/designations/${id}/files`, file),
  fileUrl: (id: number, fileId: number) => `/designations/${id}/files/${fileId}`,
}
