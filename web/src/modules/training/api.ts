// E-commerce training (电商培训): docs/API.md, "Training"; rules in docs/TRAINING.md.
import { apiUrl, http, type Page, type Query } from '@/api/client'

export const LEVELS = ['awareness', 'beginner', 'intermediate', 'elite'] as const

export interface Course {
  id: number
  region_code: string
  region_name: string
  title: string
  level: string
  level_label: string
  tags: string[]
  audiences: string[]
  organiser_kind: 'entity' | 'bureau'
  organiser_entity_id: number | null
  organiser_name: string
  funding: string
  min_attendance_percent: number
  min_score: number | null
  sessions: number
  created_at: string
  updated_at: string
}

export interface CourseInput {
  region_code: string
  title: string
  level: string
  tags: string[]
  audiences: string[]
  organiser_kind: 'entity' | 'bureau'
  organiser_name: string
  funding: string
  min_attendance_percent: number
  min_score: number | null
}

export interface Trainer {
  user_id: number
  username: string
  display_name: string
}

export interface Session {
  id: number
  course_id: number
  course_title: string
  level: string
  region_code: string
  region_name: string
  name: string
  starts_on: string
  ends_on: string
  place: string
  syllabus: string
  capacity: number
  enrolled: number
  trainers: Trainer[]
  created_at: string
  updated_at: string
}

export interface SessionInput {
  course_id: number
  name: string
  starts_on: string
  ends_on: string
  place: string
  capacity: number
  trainers: string[]
}

export interface Trainee {
  id: number
  region_code: string
  region_name: string
  name: string
  id_number_masked: string
  gender: 'm' | 'f'
  birth_date: string
  mobile_masked: string | null
  audiences: string[]
  household_id: number | null
  sessions: number
  created_at: string
}

export interface AttendanceRow {
  trainee_id: number
  name: string
  id_number_masked: string
  region_code: string
  days: string[]
  score: number | null
  result: 'qualified' | 'not_qualified' | null
  certificate_code: string | null
}

export interface Certificate {
  code: string
  name_masked: string
  course_title: string
  level: string
  level_label: string
  session_name: string
  starts_on: string
  ends_on: string
  qualified_on: string
  organiser_name: string
}

export interface DictValue {
  value: string
  label: string
  builtin: boolean
}

/** A county's follow-up settings (GET/PUT /training/settings; docs/TRAINING.md). */
export interface FollowUpSettings {
  county_code: string
  kinds: string[]
  months: number
  reminder_days: number
  reference: string
  is_default: boolean
  updated_at: string | null
}

/** An attended session's trainee due for a follow-up (GET /training/followups/due). */
export interface DueFollowUp {
  trainee_id: number
  name: string
  region_code: string
  region_name: string
  session_id: number
  session_name: string
  course_id: number
  course_title: string
  level: string
  starts_on: string
  ends_on: string
  days_since_end: number
}

/** Person-times by child region and course level (GET /training/person-times/matrix). */
export interface PersonTimesMatrix {
  region_code: string
  year: number
  levels: { value: string; label: string }[]
  rows: { region_code: string; region_name: string; by_level: Record<string, number>; total: number }[]
  by_level: Record<string, number>
  total: number
}

/** The server-made PDF certificate; its QR code opens this console's /verify/{code} (`origin`). */
export function certificatePdfUrl(code: string, origin: string): string {
  return apiUrl(`/training/certificates/${encodeURIComponent(code)}/pdf`, { base: origin })
}

export const trainingApi = {
  courses: (q: Query = {}) => http.get<Page<Course>>('/training/courses', q),
  createCourse: (c: CourseInput) => http.post<Course>('/training/courses', c),
  sessions: (q: Query = {}) => http.get<Page<Session>>('/training/sessions', q),
  session: (id: number) => http.get<Session>(`/training/sessions/${id}`),
  createSession: (s: SessionInput) => http.post<Session>('/training/sessions', s),
  attendance: (id: number, q: Query = {}) => http.get<Page<AttendanceRow>>(`/training/sessions/${id}/attendance`, q),
  recordDay: (id: number, day: string, present: number[]) =>
    http.post<{ day: string; added: number; removed: number }>(`/training/sessions/${id}/attendance`, { day, present }),
  assess: (id: number, scores: { trainee_id: number; score: number | null }[]) =>
    http.post<{ assessed: number; qualified: number }>(`/training/sessions/${id}/assess`, { scores }),
  dict: (name: 'levels' | 'tags' | 'audiences') => http.get<DictValue[]>(`/training/dicts/${name}`),
  settings: (q: Query = {}) => http.get<FollowUpSettings>('/training/settings', q),
  saveSettings: (s: Pick<FollowUpSettings, 'kinds' | 'months' | 'reminder_days' | 'reference'>) =>
    http.put<FollowUpSettings>('/training/settings', s),
  due: (q: Query = {}) => http.get<Page<DueFollowUp>>('/training/followups/due', q),
  matrix: (q: Query = {}) => http.get<PersonTimesMatrix>('/training/person-times/matrix', q),
  certificate: (code: string) => http.get<Certificate>(`/public/certificates/${encodeURIComponent(code)}`, undefined, { noAuthRedirect: true }),
}
