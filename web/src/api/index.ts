// Typed endpoint functions, one group per API section of docs/API.md.
import { http, type Page, type Query } from './client'
import type {
  AuditEntry, AuditVerify, CalendarDay, CalendarYear, DictItem, LoginResponse, PasswordPolicy, Region,
  RegionTag, Role, User,
} from './types'

export * from './types'
export { ApiError, http, type Page, type Query } from './client'

export const authApi = {
  login: (username: string, password: string) =>
    http.post<LoginResponse>('/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => http.post<Record<string, never>>('/auth/logout', {}, { noAuthRedirect: true }),
  me: () => http.get<{ user: User; csrf_token: string }>('/auth/me', undefined, { noAuthRedirect: true }),
  changePassword: (old_password: string, new_password: string) =>
    http.post<{ csrf_token?: string }>('/auth/password', { old_password, new_password }),
  passwordPolicy: () => http.get<PasswordPolicy>('/security/password-policy'),
}

export interface UserInput {
  username?: string
  display_name?: string
  roles?: string[]
  region_code?: string
  mobile?: string
}

export const usersApi = {
  list: (q: Query) => http.get<Page<User>>('/users', q),
  get: (id: User['id']) => http.get<User>(`/users/${id}`),
  create: (body: UserInput) => http.post<{ user: User; initial_password: string }>('/users', body),
  update: (id: User['id'], body: UserInput) => http.put<User>(`/users/${id}`, body),
  disable: (id: User['id']) => http.post<User>(`/users/${id}/disable`),
  enable: (id: User['id']) => http.post<User>(`/users/${id}/enable`),
  resetPassword: (id: User['id']) => http.post<{ initial_password: string }>(`/users/${id}/reset-password`),
  unlock: (id: User['id']) => http.post<User>(`/users/${id}/unlock`),
  roles: () => http.get<Role[]>('/roles'),
}

export const regionsApi = {
  get: (code: string) => http.get<Region>(`/regions/${code}`),
  children: (code: string, q: Query = {}) =>
    http.get<Page<Region>>(`/regions/${code}/children`, { page_size: 200, ...q }),
  path: (code: string) => http.get<Region[]>(`/regions/${code}/path`),
  search: (q: Query) => http.get<Page<Region>>('/regions', q),
  setTags: (code: string, tags: string[]) => http.put<Region>(`/regions/${code}/tags`, { tags }),
  tags: () => http.get<RegionTag[]>('/region-tags'),
  addTag: (name: string, label: string) => http.post<RegionTag>('/region-tags', { name, label }),
}

export const calendarApi = {
  years: () => http.get<CalendarYear[]>('/calendar/years'),
  year: (year: number) => http.get<{ year: number; days: CalendarDay[] }>(`/calendar/${year}`),
  putYear: (year: number, days: CalendarDay[]) => http.put<unknown>(`/calendar/${year}`, { days }),
  workdaysAfter: (date: string, n: number) => http.get<{ date: string }>('/calendar/workdays-after', { date, n }),
}

export const auditApi = {
  list: (q: Query) => http.get<Page<AuditEntry>>('/audit', q),
  verify: () => http.post<AuditVerify>('/audit/verify'),
}

export const dictsApi = {
  get: (name: string) => http.get<DictItem[]>(`/dicts/${name}`),
}
