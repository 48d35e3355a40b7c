import { describe, expect, it } from 'vitest'
import { canManage, type UserAction } from './logic'

// Permissions of the built-in roles as the server's manifests grant them (src/account/module.cc).
const SYSTEM_ADMIN = ['user:read', 'user:create', 'user:edit', 'user:disable', 'user:reset_password', 'role:read']
const SECURITY_ADMIN = ['user:read', 'user:unlock', 'user:reset_password', 'user:disable', 'user:role:grant_admin', 'role:read']
const COUNTY_STAFF = ['user:read', 'role:read']

const business = { roles: ['town_staff'] }
const auditAdmin = { roles: ['audit_admin'] }

const may = (perms: string[], target: { roles: string[] }, action: UserAction) =>
  canManage((p) => perms.includes(p), target, action)

describe('users page row actions (三员分立)', () => {
  it.each([
    // caller, target, action, offered
    ['system admin', SYSTEM_ADMIN, business, 'edit', true],
    ['system admin', SYSTEM_ADMIN, business, 'toggle', true],
    ['system admin', SYSTEM_ADMIN, business, 'reset', true],
    ['system admin', SYSTEM_ADMIN, business, 'unlock', false],
    ['system admin', SYSTEM_ADMIN, auditAdmin, 'edit', false],
    ['system admin', SYSTEM_ADMIN, auditAdmin, 'toggle', false],
    ['system admin', SYSTEM_ADMIN, auditAdmin, 'reset', false],
    ['security admin', SECURITY_ADMIN, auditAdmin, 'edit', true],
    ['security admin', SECURITY_ADMIN, auditAdmin, 'toggle', true],
    ['security admin', SECURITY_ADMIN, auditAdmin, 'reset', true],
    ['security admin', SECURITY_ADMIN, auditAdmin, 'unlock', true],
    ['security admin', SECURITY_ADMIN, business, 'edit', false],
    ['security admin', SECURITY_ADMIN, business, 'toggle', false],
    ['security admin', SECURITY_ADMIN, business, 'reset', false],
    ['security admin', SECURITY_ADMIN, business, 'unlock', true],
    ['county staff', COUNTY_STAFF, business, 'edit', false],
    ['county staff', COUNTY_STAFF, business, 'unlock', false],
  ] as const)('%s on %j: %s → %s', (_who, perms, target, action, offered) => {
    expect(may([...perms], { roles: [...target.roles] }, action)).toBe(offered)
  })
})
