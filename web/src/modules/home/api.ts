// The home page's work items (GET /home/work, docs/API.md "Home"): the caller's to-dos from every
// module, key figures (county staff) and the providers that could not answer.
import { http } from '@/api/client'

export type Severity = 'danger' | 'warning' | 'info'

export interface WorkTodo {
  module: string
  module_title: string
  /** stable id, also the locale key under home.items (award.lists_to_approve) */
  key: string
  label: string
  count: number
  severity: Severity
  /** console path showing what waits (/reports?status=pending) */
  link: string
}

export interface KeyFigure {
  module: string
  key: string
  label: string
  value: number
  unit: string
  link: string
}

export interface WorkError {
  module: string
  module_title: string
  provider: string
  message: string
}

export interface HomeWork {
  todos: WorkTodo[]
  figures: KeyFigure[]
  errors: WorkError[]
}

export const homeApi = {
  work: () => http.get<HomeWork>('/home/work'),
}
