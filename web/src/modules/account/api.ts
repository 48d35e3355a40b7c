// Users and roles: docs/API.md, "Users" and "Roles".
import { http, type Page, type Query } from '@/api/client'
import type { User } from '@/api'

export interface Role {
  name: string
  label: string
  admin: boolean
  permissions: string[]
}

export interface UserInput {
  username?: string
  display_name?: string
  roles?: string[]
  region_code?: string
  mobile?: string
  /** required for a bound role (entity: {kind: 'entity', id}); set once, at creation */
  binding?: { kind: string; id: number }
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
