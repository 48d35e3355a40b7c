// Typed endpoint functions the shell and shared components use (sign-in, the region tree, dictionaries);
// a module's own endpoints live in modules/<m>/api.ts.
import { http, type Page, type Query } from './client'
import type { DictItem, LoginResponse, PasswordPolicy, Region, User } from './types'

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

export const regionsApi = {
  get: (code: string) => http.get<Region>(`/regions/${code}`),
  children: (code: string, q: Query = {}) =>
    http.get<Page<Region>>(`/regions/${code}/children`, { page_size: 200, ...q }),
  path: (code: string) => http.get<Region[]>(`/regions/${code}/path`),
  search: (q: Query) => http.get<Page<Region>>('/regions', q),
}

/** What a visitor may know before signing in: whether this is a demo database (GET /site). */
export const siteApi = {
  get: () => http.get<{ demo: boolean; demo_generated_on: string | null; upload_limit_bytes?: number }>('/site', undefined, { noAuthRedirect: true }),
}

export const dictsApi = {
  get: (name: string) => http.get<DictItem[]>(`/dicts/${name}`),
}
