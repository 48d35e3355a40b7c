// The audit log: docs/API.md, "Audit".
import { http, type Page, type Query } from '@/api/client'

export interface AuditEntry {
  seq: number
  at: string
  username: string
  role: string
  ip: string
  action: string
  object_type: string
  object_id: string
  outcome: string
  detail: string | Record<string, unknown> | null
}

export interface AuditVerify {
  ok: boolean
  checked: number
  first_bad_seq: number | null
  reason: string
}

export const auditApi = {
  list: (q: Query) => http.get<Page<AuditEntry>>('/audit', q),
  verify: () => http.post<AuditVerify>('/audit/verify'),
}
