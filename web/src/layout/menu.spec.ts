import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { buildMenu } from './menu'
import { holds } from '@/permissions'

const C = { render: () => null }
const routes: RouteRecordRaw[] = [
  { path: '', component: C, meta: { title: 'menu.home', menu: true } },
  { path: 'regions', component: C, meta: { title: 'menu.regions', perm: 'region:read', menu: true } },
  { path: 'regions/:code', component: C, meta: { title: 'region.detail', perm: 'region:read' } },
  { path: 'users', component: C, meta: { title: 'menu.users', perm: 'user:read', menu: true, group: 'menu.system' } },
  { path: 'calendar', component: C, meta: { title: 'menu.calendar', perm: 'calendar:read', menu: true, group: 'menu.system' } },
  { path: 'audit', component: C, meta: { title: 'menu.audit', perm: 'audit:read', menu: true } },
]
const has = (perms: string[]) => (p: string | string[] | undefined) => !p || (Array.isArray(p) ? p : [p]).some((x) => holds(new Set(perms), x))

describe('buildMenu', () => {
  it('lists only the entries whose read permission the user holds', () => {
    const m = buildMenu(routes, has(['region:read', 'calendar:read']))
    expect(m.map((i) => i.title)).toEqual(['menu.home', 'menu.regions', 'menu.system'])
    expect(m[2].children!.map((i) => i.path)).toEqual(['/calendar'])
  })

  it('drops empty groups and shows the audit log to the audit admin', () => {
    const m = buildMenu(routes, has(['region:read', 'audit:read']))
    expect(m.map((i) => i.title)).toEqual(['menu.home', 'menu.regions', 'menu.audit'])
  })
})
