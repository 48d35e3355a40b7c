// Reported indicator values (指标填报): docs/API.md, "Reported values".
import { http, upload, type Page, type Query } from '@/api/client'

export type ReportStatus = 'pending' | 'confirmed' | 'rejected' | 'superseded'
export const STATUSES: ReportStatus[] = ['pending', 'confirmed', 'rejected', 'superseded']

/** A reportable indicator with what the form needs. */
export interface ReportableIndicator {
  id: string
  name: string
  base_unit: string
  /** the unit the form shows (公里, %, 元, 个 …) */
  display_unit: string
  /** base units per display unit (1000 metres per 公里, 100 basis points per %) */
  display_factor: number
  params: string[]
  required_params: string[]
  /** the values a parameter may take, where the registry fixes them */
  allowed_values: Record<string, string[]>
  /** a module computes it: its value takes precedence over reports */
  computed: boolean
}

export interface Report {
  id: number
  indicator: string
  indicator_name: string
  params: Record<string, string>
  region_code: string
  region_name: string
  period: string
  version: number
  /** in the indicator's base unit */
  value: number
  base_unit: string
  note: string
  status: ReportStatus
  status_label: string
  reported_by: string
  reported_at: string
  decided_by: string
  decided_at: string | null
  reject_reason: string
  file_count: number
}

export interface EvidenceFile {
  id: number
  filename: string
  content_type: string
  size: number
  sha256: string
  uploaded_by: string
  created_at: string
}

export interface ReportDetail extends Report {
  files: EvidenceFile[]
  versions: Report[]
  replaced?: boolean
}

export interface ReportInput {
  indicator: string
  params: Record<string, string>
  region_code: string
  period: string
  value: number
  note?: string
}

export const reportsApi = {
  indicators: () => http.get<{ items: ReportableIndicator[] }>('/reports/indicators'),
  list: (q: Query) => http.get<Page<Report>>('/reports', q),
  get: (id: number) => http.get<ReportDetail>(`/reports/${id}`),
  submit: (body: ReportInput) => http.post<ReportDetail>('/reports', body),
  confirm: (id: number) => http.post<ReportDetail>(`/reports/${id}/confirm`, {}),
  reject: (id: number, reason: string) => http.post<ReportDetail>(`/reports/${id}/reject`, { reason }),
  addFile: (id: number, file: File) => upload(`/reports/${id}/files`, file),
  fileUrl: (id: number, fileId: number) => `/reports/${id}/files/${fileId}`,
}
