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
  /** the region the entry belongs to ('' for CLI and anonymous entries) */
  region_code: string
}

export interface AuditVerify {
  ok: boolean
  checked: number
  first_bad_seq: number | null
  reason: string
  /** the first seq protected by the keyed chain; rows before it are legacy (unkeyed) */
  keyed_from: number
  /** in-scope rows written before the chain was keyed */
  legacy: number
}

export const auditApi = {
  list: (q: Query) => http.get<Page<AuditEntry>>('/audit', q),
  verify: () => http.post<AuditVerify>('/audit/verify'),
}
