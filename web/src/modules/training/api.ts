// E-commerce training (电商培训): docs/API.md, "Training"; rules in docs/TRAINING.md.
import { http, type Page, type Query } from '@/api/client'

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
  certificate: (code: string) => http.get<Certificate>(`/public/certificates/${encodeURIComponent(code)}`, undefined, { noAuthRedirect: true }),
}
