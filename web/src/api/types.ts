// Shapes from docs/API.md that the shell and shared components use; a module's own shapes live in
// modules/<m>/api.ts.
export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village'

export interface User {
  id: number | string
  username: string
  display_name: string
  region_code: string
  region_name: string
  region_level: RegionLevel
  roles: string[]
  permissions: string[]
  status: 'active' | 'disabled'
  must_change_password: boolean
  mobile_masked: string | null
  locked_until: string | null
  last_login_at: string | null
  /** The sign-in before the current one (上次登录); null at the first. */
  previous_login_at?: string | null
  created_at: string
  /** the one object a user of a bound role acts for (role entity: one business), else null */
  binding?: { kind: string; id: number } | null
}

export interface LoginResponse {
  csrf_token: string
  must_change_password: boolean
  /** Why the password must change, when the server says ('initial' | 'expired'). */
  must_change_reason?: string
  user: User
}

export interface Region {
  code: string
  name: string
  level: RegionLevel
  parent_code: string | null
  tags: string[]
  child_count: number
}

export interface DictItem {
  value: string
  label: string
}

export interface PasswordPolicy {
  min_length: number
  require_classes: number
  max_age_days: number
  history: number
}
