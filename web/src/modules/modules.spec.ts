// The console assembled from the module list (issue 14 item 2): routes, menu, messages and
// permissions come from modules/index.ts, stay consistent, and a module can be left out whole.
import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { modules } from './index'
import { bareRoutes, layoutRoutes, mergeMessages, messageKeys, modulePermissions } from './assemble'
import type { MessageTree, WebModule } from './kit'
import { buildMenu, groupIcons } from '@/layout/menu'
import { layoutChildren } from '@/router'
import zhShell from '@/locales/zh-CN'
import enShell from '@/locales/en'

const everyone = () => true
const names = (rs: RouteRecordRaw[]) => rs.map((r) => String(r.name))
const without = (name: string) => modules.filter((m) => m.name !== name)

// Every page of the console as a user types it, by the module that serves it; changing one breaks
// bookmarks and the e2e steps. A module left out of the list takes exactly its own URLs along.
const URLS: Record<string, string[]> = {
  shell: ['/403', '/:pathMatch(.*)*'],
  home: ['/'],
  account: ['/login', '/password', '/profile', '/users', '/roles', '/security/password-policy'],
  region: ['/regions', '/regions/:code'],
  calendar: ['/calendar'],
  audit: ['/audit', '/audit/logins'],
  programme: ['/programmes', '/programmes/:id(\\d+)', '/programmes/:id(\\d+)/local', '/programmes/new', '/programmes/:id(\\d+)/edit', '/programmes/:id(\\d+)/versions'],
  entity: ['/entities', '/entities/:id(\\d+)', '/brands'],
  sales: ['/sales', '/sales/summary'],
  award: ['/awards'],
  station: ['/stations', '/stations/map', '/stations/report', '/stations/assessment-templates', '/stations/assessments/ranking', '/stations/:id(\\d+)'],
  logistics: ['/logistics/network', '/logistics/parcels', '/logistics/coverage', '/logistics/plans', '/logistics/driver'],
  designation: ['/designations', '/designations/ranking', '/designations/quotas', '/designations/:id(\\d+)'],
  households: ['/households', '/households/:id(\\d+)', '/households/coverage', '/purchases', '/matching/listings', '/matching/demands', '/matching/agreements'],
  funds: ['/funds', '/funds/:id(\\d+)'],
  products: ['/products', '/products/admission', '/products/certificates', '/products/batches', '/products/scans', '/t/:code', '/01/:key/10/:lot', '/01/:key/10/:lot/21/:serial'],
  reporting: ['/reports', '/reports/:id(\\d+)'],
  disclosure: ['/disclosure', '/disclosure/:id(\\d+)'],
  settings: ['/system/dicts', '/system/params', '/system/imports'],
  projects: ['/projects', '/projects/inbox', '/findings', '/projects/:id(\\d+)'],
  dashboard: ['/dashboard', '/screen/:region?'],
  training: ['/training/courses', '/training/sessions', '/training/sessions/:id(\\d+)', '/training/trainees', '/training/followups', '/training/matrix', '/training/attendance', '/verify/:code?'],
}
const present = new Set(['shell', ...modules.map((m) => m.name)])

// Source text of every module file (tests aside), to find the message keys a module uses.
const sources = import.meta.glob(['./*/**/*.ts', './*/**/*.vue', '!./**/*.spec.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>
const shellSources = import.meta.glob(['../components/*.vue', '../composables/*.ts', '../layout/*.{ts,vue}', '../stores/*.ts', '../utils/*.ts', '../main.ts', '!../**/*.spec.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>

/** Literal keys passed to t()/$t() in a source text. */
function usedKeys(text: string): string[] {
  return [...text.matchAll(/(?<![\w.])\$?t\(\s*'([A-Za-z_]\w*(?:\.\w+)+)'/g)].map((m) => m[1])
}

function has(tree: MessageTree, key: string): boolean {
  let cur: string | MessageTree = tree
  for (const part of key.split('.')) {
    if (typeof cur !== 'object' || !(part in cur)) return false
    cur = cur[part]
  }
  return typeof cur === 'string'
}

/** The module with its required modules, recursively. */
function closure(m: WebModule): WebModule[] {
  return [m, ...(m.requires || []).flatMap((n) => closure(modules.find((x) => x.name === n)!))]
}

describe('the module list', () => {
  it('gives the console every URL it had, each once, plus nothing else', () => {
    const full = [...layoutChildren.map((r) => '/' + r.path), ...bareRoutes(modules).map((r) => r.path)]
    const expected = Object.entries(URLS).flatMap(([m, urls]) => (present.has(m) ? urls : []))
    expect(full.slice().sort()).toEqual(expected.sort())
    const all = [...layoutChildren, ...bareRoutes(modules)]
    expect(new Set(names(all)).size).toBe(all.length)
  })

  it('lists each module once, after the modules it requires', () => {
    expect(new Set(modules.map((m) => m.name)).size).toBe(modules.length)
    modules.forEach((m, i) => {
      for (const r of m.requires || []) expect(modules.findIndex((x) => x.name === r), `${m.name} requires ${r}`).toBeGreaterThanOrEqual(0)
      for (const r of m.requires || []) expect(modules.findIndex((x) => x.name === r), `${m.name} after ${r}`).toBeLessThan(i)
    })
  })

  it('imports from another module only what it requires', () => {
    for (const [file, text] of Object.entries(sources)) {
      const m = modules.find((x) => x.name === file.split('/')[1])!
      for (const [, other] of text.matchAll(/from '@\/modules\/(\w+)\//g))
        if (other !== m.name) expect(m.requires || [], `${file} imports ${other}`).toContain(other)
    }
  })

  it('names in each menu entry a route of its own module and a declared group', () => {
    for (const m of modules)
      for (const e of m.menu || []) {
        expect(names(m.routes), `${m.name} menu → ${e.route}`).toContain(e.route)
        if (e.group) expect(groupIcons, `${m.name} group ${e.group}`).toHaveProperty([e.group])
      }
  })

  it('builds the side menu in the declared order, grouped', () => {
    // the full console's menu; a module left out drops its entries, and a group left empty vanishes
    const FULL: [string, string, string?][] = [
      ['home', 'menu.home'], ['dashboard', 'dashboard.menu'], ['region', 'menu.regions'], ['programme', 'menu.programmes'], ['reporting', 'reports.menu'],
      ['entity', '/entities', 'menu.business'], ['entity', '/brands', 'menu.business'], ['sales', '/sales', 'menu.business'],
      ['sales', '/sales/summary', 'menu.business'], ['station', 'stations.menu'], ['station', 'stations.reportMenu'], ['station', 'stations.assess.templates'], ['designation', 'designations.menu'], ['logistics', 'logistics.networkMenu'], ['logistics', 'logistics.parcelsMenu'], ['logistics', 'logistics.coverageMenu'], ['logistics', 'logistics.plansMenu'], ['logistics', 'logistics.driverMenu'], ['products', 'products.libraryMenu'], ['products', 'products.queueMenu'], ['products', 'products.certsMenu'], ['products', 'products.batchesMenu'], ['products', 'products.scansMenu'], ['households', 'households.register'], ['households', 'households.coverage'], ['households', 'households.purchases'], ['households', 'matching.listings'], ['households', 'matching.demands'], ['households', 'matching.agreements'],
      ['training', 'training.courses'], ['training', 'training.sessions'], ['training', 'training.trainees'], ['training', 'training.followUps'], ['training', 'training.matrix'], ['training', 'training.attendance'], ['projects', 'projects.menu'], ['projects', 'projects.inbox'], ['projects', 'projects.findings.menu'],
      ['award', 'awards.menu'], ['funds', 'funds.menu'], ['disclosure', 'disclosure.menu'], ['account', '/users', 'menu.system'],
      ['account', '/roles', 'menu.system'], ['calendar', '/calendar', 'menu.system'],
      ['account', '/security/password-policy', 'menu.system'], ['settings', '/system/dicts', 'menu.system'],
      ['settings', '/system/params', 'menu.system'], ['settings', '/system/imports', 'menu.system'], ['audit', 'menu.audit'], ['audit', 'menu.loginLog'],
    ]
    const want = FULL.filter(([m]) => present.has(m))
    const menu = buildMenu(layoutRoutes(modules), everyone)
    expect(menu.map((i) => i.title)).toEqual([...new Set(want.map(([, a, g]) => g || a))])
    for (const g of Object.keys(groupIcons)) {
      const paths = want.filter(([, , wg]) => wg === g).map(([, path]) => path)
      expect(menu.find((i) => i.title === g)?.children?.map((i) => i.path) ?? [], g).toEqual(paths)
    }
  })

  it('shows a business account its own ledger but not the cross-business summary', () => {
    // role `entity` holds sales:read and sales:edit, never sales:summary (issue 15 item 4)
    const held = new Set(['entity:read', 'sales:read', 'sales:edit'])
    const paths = buildMenu(layoutRoutes(modules), (p) => !p || [p].flat().some((x) => held.has(x)))
      .flatMap((i) => i.children || [i]).map((i) => i.path)
    if (present.has('sales')) expect(paths).toContain('/sales')
    expect(paths).not.toContain('/sales/summary')
  })

  it('guards every page with a permission its module declares', () => {
    for (const m of modules)
      for (const r of [...m.routes, ...(m.bareRoutes || [])]) {
        const perms = ([] as string[]).concat(r.meta?.perm || [])
        for (const p of perms) expect(Object.values(m.permissions), `${m.name} ${String(r.name)}`).toContain(p)
      }
    for (const m of modules) for (const p of Object.values(m.permissions)) expect(modulePermissions(modules)).toContain(p)
  })
})

describe('messages', () => {
  it('has the same keys in both languages, and no module redefines a key', () => {
    const seen = new Map<string, string>(messageKeys(zhShell).map((k) => [k, 'shell']))
    expect(messageKeys(enShell).sort()).toEqual(messageKeys(zhShell).sort())
    for (const m of modules) {
      expect(messageKeys(m.messages.en).sort(), m.name).toEqual(messageKeys(m.messages['zh-CN']).sort())
      for (const k of messageKeys(m.messages['zh-CN'])) {
        expect(seen.get(k), `${m.name} redefines ${k}`).toBeUndefined()
        seen.set(k, m.name)
      }
    }
  })

  it('defines every key a module uses in the shell, the module or a module it requires, in both languages', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50)
    for (const [file, text] of Object.entries(sources)) {
      const name = file.split('/')[1]
      const m = modules.find((x) => x.name === name)
      expect(m, `${file}: folder of a listed module`).toBeDefined()
      const own = closure(m!)
      const keys = [...usedKeys(text), ...[...m!.routes, ...(m!.bareRoutes || [])].map((r) => r.meta!.title!)]
      for (const locale of ['zh-CN', 'en'] as const) {
        const tree = mergeMessages(locale === 'en' ? enShell : zhShell, own, locale)
        for (const k of keys) expect(has(tree, k), `${file} ${locale} ${k}`).toBe(true)
      }
    }
  })

  it('defines every key the shell uses in the shell messages', () => {
    const keys = Object.values(shellSources).flatMap(usedKeys)
    expect(keys.length).toBeGreaterThan(20)
    for (const k of keys) {
      expect(has(zhShell, k), `zh-CN ${k}`).toBe(true)
      expect(has(enShell, k), `en ${k}`).toBe(true)
    }
  })
})

describe('leaving a module out', () => {
  const required = new Set(modules.flatMap((m) => m.requires || []))

  it('removes its pages, menu entries and messages and leaves the others whole', () => {
    for (const gone of modules.filter((m) => !required.has(m.name) && m.name !== 'account')) {
      const rest = without(gone.name)
      const routes = layoutRoutes(rest)
      for (const r of gone.routes) expect(names(routes), gone.name).not.toContain(String(r.name))
      expect(routes.length).toBe(rest.reduce((n, m) => n + m.routes.length, 0))
      const menuPaths = buildMenu(routes, everyone).flatMap((i) => i.children || [i]).map((i) => i.path)
      for (const e of gone.menu || []) expect(menuPaths).not.toContain('/' + gone.routes.find((r) => r.name === e.route)!.path)
      const zh = mergeMessages(zhShell, rest, 'zh-CN')
      const goneOnly = messageKeys(gone.messages['zh-CN'])
      for (const k of goneOnly) expect(has(zh, k), `${gone.name} ${k}`).toBe(false)
      for (const m of rest) for (const r of m.requires || []) expect(rest.map((x) => x.name)).toContain(r)
    }
  })

  it('can leave out award, the module the issue names', () => {
    expect(required.has('award')).toBe(false)
    expect(names(layoutRoutes(without('award')))).not.toContain('awards')
    // the programme page links to awards only when the route exists
    expect(sources['./programme/ProgrammeDetailView.vue']).toContain("$router.hasRoute('awards')")
  })
})
