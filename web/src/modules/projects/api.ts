// Projects (项目申报评审验收): docs/API.md, "Projects".
import { http, type Page, type Query } from '@/api/client'

export type ProjectStatus =
  | 'draft' | 'submitted' | 'pre_review' | 'correction' | 'review' | 'rejected' | 'implementing'
  | 'acceptance_requested' | 'acceptance' | 'evaluation' | 'rectification' | 'approval' | 'failed'
  | 'payment' | 'archived'
export const STATUSES: ProjectStatus[] = [
  'draft', 'submitted', 'pre_review', 'correction', 'review', 'rejected', 'implementing',
  'acceptance_requested', 'acceptance', 'evaluation', 'rectification', 'approval', 'failed', 'payment', 'archived',
]
export type Grade = 'pass' | 'basic_pass' | 'fail'
export const GRADES: Grade[] = ['pass', 'basic_pass', 'fail']
export type Stage = 'review' | 'acceptance' | 'evaluation' | 'rectification'
export const STAGES: Stage[] = ['review', 'acceptance', 'evaluation', 'rectification']

export interface Material {
  code: string
  label: string
}
export interface ProjectType {
  code: string
  label: string
  materials: Material[]
}

export interface Project {
  id: number
  county_code: string
  region_code: string
  region_name: string
  type: string
  type_label: string
  name: string
  applicant: string
  note: string
  phase: number
  parent_id: number | null
  fund_id: number | null
  fund_project_key: string
  subsidy_fen: number | null
  status: ProjectStatus
  status_label: string
  status_on: string
  grade: Grade | null
  grade_label: string | null
  reviewer_id: number | null
  reviewer_name: string
  created_at: string
  updated_at: string
}

export interface Transition {
  id: number
  seq: number
  from: ProjectStatus
  to: ProjectStatus
  to_label: string
  on: string
  idempotency_key: string
  note: string
  grade: Grade | null
  rectify_by: string | null
  evidence: number[]
  calendar_version: string
  actor_id: number | null
  actor_name: string
  created_at: string
  repeated: boolean
}

export interface Deadline {
  id: number
  project_id: number
  stage: Stage
  started_on: string
  working_days: number
  due_on: string | null
  provisional: boolean
  paused: boolean
  pauses: string
  calendar_version: string
  closed_on: string | null
  overdue: boolean
  /** not overdue, due today or within the reminder's working days (kReminderWorkingDays) */
  due_soon?: boolean
}

export interface ProjectDetail extends Project {
  materials: (Material & { files: number })[]
  timeline: Transition[]
  deadlines: Deadline[]
  next: { to: ProjectStatus; label: string }[]
  calendar_version: string
}

export interface ProjectInput {
  region_code: string
  type: string
  name: string
  applicant: string
  note?: string
  parent_id?: number
  fund_id?: number
  subsidy_fen?: number
}

export interface TransitionInput {
  to: ProjectStatus
  idempotency_key: string
  on?: string
  note?: string
  grade?: Grade
  rectify_by?: string
  evidence?: number[]
}

export interface InboxItem extends Deadline {
  project_name: string
  region_code: string
  project_status: ProjectStatus
  project_status_label: string
  reviewer_id: number | null
  reviewer_name: string
}

export interface Inbox extends Page<InboxItem> {
  overdue: { stage: Stage; reviewer_id: number | null; reviewer_name: string; count: number }[]
  today: string
  /** the last day a deadline counts as due soon (null: the calendar ends first) */
  due_soon_until: string | null
}

export type FindingStatus = 'open' | 'submitted' | 'closed'
export const FINDING_STATUSES: FindingStatus[] = ['open', 'submitted', 'closed']

/** A finding of the issue list (问题清单): docs/PROJECTS.md "Issue list". */
export interface Finding {
  id: number
  county_code: string
  region_code: string
  region_name: string
  project_id: number | null
  project_name: string
  source: string
  source_label: string
  found_on: string
  title: string
  detail: string
  requirement: string
  owner_unit: string
  due_on: string
  status: FindingStatus
  status_label: string
  status_on: string
  overdue: boolean
}

export interface FindingMove {
  id: number
  seq: number
  from: FindingStatus
  to: FindingStatus
  to_label: string
  on: string
  note: string
  /** an extension (延期): the deadline after and before */
  due_on?: string | null
  previous_due_on?: string | null
  /** ids of the finding's files the move rests on (整改佐证) */
  evidence?: number[]
  actor_name: string
  repeated: boolean
}

export interface FindingDetail extends Finding {
  moves: FindingMove[]
  next: { to: FindingStatus; label: string; note_required: boolean }[]
}

export interface FindingInput {
  region_code?: string
  project_id?: number
  source: string
  found_on?: string
  title: string
  detail?: string
  requirement?: string
  owner_unit: string
  due_on: string
}

/** The required materials of a type in force for the county or a programme (docs/PROJECTS.md). */
export interface MaterialSet {
  id: number | null
  type: string
  programme_id: number | null
  source: 'builtin' | 'county' | 'programme'
  materials: Material[]
  reason: string
  created_by_name: string
  created_at: string | null
}

export const projectsApi = {
  materialSets: (type: string, programme_id?: number | null) =>
    http.get<MaterialSet & { history: MaterialSet[] }>('/projects/material-sets', { type, programme_id: programme_id || undefined }),
  setMaterials: (body: { type: string; programme_id?: number | null; materials: Material[]; reason: string }) =>
    http.put<MaterialSet>('/projects/material-sets', body),
  types: () => http.get<ProjectType[]>('/projects/types'),
  list: (q: Query) => http.get<Page<Project>>('/projects', q),
  get: (id: number) => http.get<ProjectDetail>(`/projects/${id}`),
  create: (body: ProjectInput) => http.post<ProjectDetail>('/projects', body),
  transition: (id: number, body: TransitionInput) =>
    http.post<ProjectDetail & { transition: Transition }>(`/projects/${id}/transitions`, body),
  inbox: (q: Query) => http.get<Inbox>('/projects/inbox', q),
  findings: (q: Query) => http.get<Page<Finding>>('/findings', q),
  finding: (id: number) => http.get<FindingDetail>(`/findings/${id}`),
  createFinding: (body: FindingInput) => http.post<FindingDetail>('/findings', body),
  moveFinding: (id: number, body: { to: FindingStatus; idempotency_key: string; on?: string; note?: string; due_on?: string; evidence?: number[] }) =>
    http.post<FindingDetail & { move: FindingMove }>(`/findings/${id}/moves`, body),
}
