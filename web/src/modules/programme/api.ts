// Programmes (实施方案) endpoints of docs/API.md, "Programmes", and the shapes of
// src/programme/api/programme_handlers.cc. Values in progress lines (goal, actual) are in the
// indicator's base unit (fen, count, person_time, metre, basis_point); see views/programmes/progress.ts.
import { ApiError, http, type Page, type Query } from '@/api/client'

export interface ProgrammeRow {
  id: number
  key: string
  version: number
  name: string
  document_number: string
  region_code: string
  targets: number
  tasks: number
}

export interface RegionRef {
  region_code: string | null
  region_name: string
  written_name?: string
}

export interface ProgrammeTarget {
  id: string
  indicator: string
  indicator_name: string
  params: Record<string, unknown>
  comparator: string
  value: number | string | null
  unit: string
  deadline: string | null
  deadline_note: string
  text: string
  region: RegionRef
  quotas: Array<RegionRef & { value: number | string }>
}

export interface ProgrammeTask {
  number: number
  text: string
  lead_units: string[]
  coordinating_units: string[]
  deadline: string | null
  deadline_text: string
  targets: string[]
}

export interface ProgrammeDetail {
  db_id: number
  version: number
  id: string
  name: string
  kind: string
  status: string
  issuers: string[]
  document_number: string
  issued_on: string | null
  region: RegionRef
  period: { start: string | null; end: string | null; note: string }
  phases: Array<{ name: string; start: string | null; end: string | null; text: string }>
  targets: ProgrammeTarget[]
  tasks: ProgrammeTask[]
}

export type LineStatus = 'done' | 'on_track' | 'behind' | 'overdue' | 'no_data_source' | 'no_target'

/** One measured line: a target for its region or one child region's quota. */
export interface ProgressLine {
  region_code: string
  region_name: string
  goal: number | null
  actual: number | null
  percent: number | null
  status: LineStatus
  reason: string
  /** set when the actual is a confirmed manual report (填报), not a computation */
  reported?: ReportedBy | null
  /** an increase or growth target: the year-earlier figure (base units) and its period */
  baseline?: number | null
  baseline_from?: string | null
  baseline_to?: string | null
}

/** Who reported and who confirmed a reported actual. */
export interface ReportedBy {
  report_id: number
  period: string
  reported_by: string
  reported_at: string
  confirmed_by: string
  confirmed_at: string
}

export interface TargetProgress {
  target_id: string
  indicator: string
  comparator: string
  unit: string
  base_unit: string
  from: string
  due: string
  deadline_is_period_end: boolean
  region: ProgressLine
  quotas: ProgressLine[]
}

export type TaskStatus = 'not_started' | 'in_progress' | 'done'

export interface TaskProgress {
  number: number
  text: string
  lead_units: string[]
  due: string | null
  status: TaskStatus
  overdue: boolean
  notes: number
  last_note: string
  /** towns leading the task (0: the county reports it) and how many of them reported */
  towns_total?: number
  towns_reported?: number
}

export interface ProgrammeProgress {
  programme_id: number
  today: string
  targets: TargetProgress[]
  tasks: TaskProgress[]
}

export interface LaggingGroup {
  lead_unit: string
  targets: Array<ProgressLine & { target_id: string; indicator: string }>
  tasks: TaskProgress[]
}

export interface ProgrammeLagging {
  programme_id: number
  today: string
  groups: LaggingGroup[]
  /** distinct lagging target lines (target × region) and overdue tasks across the groups */
  distinct?: { target_lines: number; tasks: number }
}

export interface TaskNote {
  id: number
  task_number: number
  text: string
  status: string
  author: string
  /** the region the note reports for: the programme's region, or one town of a town-led task */
  region_code?: string
  created_at: string
}

/** One leading town's line of a town-led task (GET /programmes/{id}/tasks/{n}/towns). */
export interface TownLine {
  region_code: string
  region_name: string
  notes: number
  status: TaskStatus
  reported: boolean
  latest: { id: number; text: string; status: string; author: string; created_at: string } | null
}

export interface TaskTowns extends Page<TownLine> {
  task_number: number
  town_led: boolean
  towns_total: number
  towns_reported: number
  /** whether the caller may add a note, and for which region (decided by the server) */
  can_report: boolean
  report_region: string | null
  /** the caller's own town (a town clerk), null for county staff */
  caller_town: string | null
}

export interface Attachment {
  id: number
  note_id: number
  filename: string
  content_type: string
  size: number
  sha256: string
  created_at: string
}

export interface TaskNoteWithFiles extends TaskNote {
  attachments: Attachment[]
}

/** Attachment rules of docs/API.md (the server decides by content; these are early checks). */
export const ATTACHMENT_LIMITS = {
  maxFiles: 10,
  maxFileBytes: 5 * 1024 * 1024,
  extensions: ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'txt'],
}

export interface UploadAnswer {
  id: number
  key: string
  version: number
  created: boolean
}

/** One error of the programme checker (`programme check`): line in the file and reason. */
export interface CheckError {
  line: number
  message: string
}

/** A refused upload: the server's message plus every checker error. */
export class ProgrammeCheckError extends ApiError {
  errors: CheckError[]
  constructor(message: string, errors: CheckError[]) {
    super(400, 'invalid_argument', message, 'yaml')
    this.name = 'ProgrammeCheckError'
    this.errors = errors
  }
}

/**
 * POSTs the YAML text. A 400 answer carrying `errors` (the checker's list) becomes a
 * ProgrammeCheckError; any other failure is the usual ApiError.
 */
async function upload(yaml: string): Promise<UploadAnswer> {
  try {
    return await http.post<UploadAnswer>('/programmes', { yaml })
  } catch (e) {
    const errors = e instanceof ApiError && e.status === 400 ? e.details.errors : undefined
    if (!Array.isArray(errors)) throw e
    const lines = (errors as CheckError[]).map((x) => ({ line: Number(x.line) || 0, message: String(x.message ?? '') }))
    throw new ProgrammeCheckError((e as ApiError).message, lines)
  }
}

/** A note with at most one attachment (fields text, status?, part `file`): saved together or not at all. */
function addNoteWithFile(id: number | string, task: number, text: string, status: '' | 'in_progress' | 'done', file?: File) {
  const form = new FormData()
  form.append('text', text)
  if (status) form.append('status', status)
  if (file) form.append('file', file, file.name)
  return http.post<TaskNoteWithFiles>(`/programmes/${id}/tasks/${task}/notes`, form)
}

/** A further attachment of an existing note (at most 10 per note, server side). */
function addAttachment(id: number | string, task: number, noteId: number, file: File) {
  const form = new FormData()
  form.append('file', file, file.name)
  return http.post<Attachment>(`/programmes/${id}/tasks/${task}/notes/${noteId}/attachments`, form)
}

/** The file form of a rule's local values (the rule's `local:` block); quantities as written. */
export interface LocalValues {
  set_by: string
  decided_on: string | null
  reference: string
  tiers: Array<{ from: string | null; to: string | null; amount: string | null }>
  value: string | null
  percent: string | null
  threshold: string | null
}

/** A workflow stage's local deadline (the stage's `local:` block). */
export interface StageLocalValues {
  set_by: string
  decided_on: string | null
  reference: string
  working_days: number | null
}

/** One part of the programme left to local decision (GET /programmes/{id}/local). */
export interface LocalItem {
  kind: 'award_rule' | 'target' | 'fund' | 'workflow_stage'
  item_id: string
  name: string
  setting: string
  field: '' | 'tiers' | 'value' | 'percent' | 'threshold' | 'working_days'
  /** an eligibility item: the metric its threshold applies to (decides the units offered) */
  metric?: string
  settable: boolean
  note: string
  cap: string | null
  seed_percent: string | null
  text: string
  source: string
  local: LocalValues | StageLocalValues | null
}

/** What a county submits for one award rule or workflow stage (POST /programmes/{id}/local, one of `values`). */
export interface LocalEdit {
  rule_id?: string
  stage?: string
  working_days?: number
  set_by: string
  decided_on: string
  reference: string
  tiers?: Array<{ from?: string; to?: string; amount: string }>
  value?: string
  percent?: string
  threshold?: string
}

export interface LocalChange {
  id: number
  programme_key: string
  base_programme_id: number
  status: 'pending' | 'approved' | 'superseded'
  values: LocalEdit[]
  created_by: number
  created_by_name: string
  created_at: string
  approved_by_name: string
  approved_at: string | null
  result_programme_id: number | null
  can_approve: boolean
  programme?: { id: number; key: string; version: number; created: boolean }
}

export interface LocalVersion {
  programme_id: number
  version: number
  change_id: number | null
  approved_by_name: string
  rules: string[]
  stages: string[]
  references: string[]
  label: string
}

export interface LocalItems extends Page<LocalItem> {
  programme_id: number
  key: string
  version: number
  latest_programme_id: number
  local_version: LocalVersion
  changes: LocalChange[]
}

export const programmesApi = {
  list: (q: Query) => http.get<Page<ProgrammeRow>>('/programmes', q),
  get: (id: number | string) => http.get<ProgrammeDetail>(`/programmes/${id}`),
  progress: (id: number | string) => http.get<ProgrammeProgress>(`/programmes/${id}/progress`),
  lagging: (id: number | string) => http.get<ProgrammeLagging>(`/programmes/${id}/lagging`),
  addNote: (id: number | string, task: number, text: string, status?: 'in_progress' | 'done') =>
    http.post<TaskNote>(`/programmes/${id}/tasks/${task}/notes`, status ? { text, status } : { text }),
  notes: (id: number | string, task: number, q: Query = {}) =>
    http.get<Page<TaskNoteWithFiles>>(`/programmes/${id}/tasks/${task}/notes`, { page_size: 100, ...q }),
  towns: (id: number | string, task: number) =>
    http.get<TaskTowns>(`/programmes/${id}/tasks/${task}/towns`, { page_size: 100 }),
  addNoteWithFile,
  addAttachment,
  attachmentUrl: (id: number | string, attachment: number) => `/programmes/${id}/attachments/${attachment}`,
  upload,
  reportUrl: (id: number | string) => `/programmes/${id}/report`,
  local: (id: number | string) => http.get<LocalItems>(`/programmes/${id}/local`, { page_size: 100 }),
  submitLocal: (id: number | string, values: LocalEdit[]) => http.post<LocalChange>(`/programmes/${id}/local`, { values }),
  approveLocal: (change: number) => http.post<LocalChange>(`/programmes/local-changes/${change}/approve`),
  exportUrl: (id: number | string) => `/programmes/${id}/export`,
}
