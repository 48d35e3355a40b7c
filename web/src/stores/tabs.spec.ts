import { beforeEach, describe, expect, it } from 'vitest'
import { FIELD_ROLES, MAX_TABS, tabbable, tabsFor, useTabsStore } from './tabs'

type R = Parameters<ReturnType<typeof useTabsStore>['open']>[0]
function route(path: string, title = 'menu.x', extra: Partial<R['meta']> = {}, query = ''): R {
  return { name: path.slice(1) || 'home', path, fullPath: path + query, meta: { title, ...extra } }
}
const paths = () => useTabsStore().tabs.map((t) => t.path)

beforeEach(() => sessionStorage.clear())

describe('tabs store (多页签)', () => {
  it('opens one tab per page path after the fixed home tab, updating the query of a known one', () => {
    const s = useTabsStore()
    s.restore('ann')
    s.open(route('/entities', 'entities.menu'))
    s.open(route('/sales', 'sales.menu'))
    s.open(route('/entities', 'entities.menu', {}, '?q=符离'))
    s.open(route('/entities/3', 'entities.detail'))
    expect(paths()).toEqual(['/', '/entities', '/sales', '/entities/3'])
    expect(s.tabs[1].fullPath).toBe('/entities?q=符离')
    expect(s.tabs[0].title).toBe('menu.home')
  })

  it('gives phone pages, error pages and untitled routes no tab; field-only users none at all', () => {
    expect(tabbable(route('/stations/report', 't', { phone: true }))).toBe(false)
    expect(tabbable({ name: 'not-found', meta: { title: 'menu.notFound' } })).toBe(false)
    expect(tabbable({ name: 'forbidden', meta: { title: 'menu.forbidden' } })).toBe(false)
    expect(tabbable({ name: 'x', meta: {} })).toBe(false)
    expect(tabbable(route('/stations'))).toBe(true)
    for (const r of FIELD_ROLES) expect(tabsFor([r])).toBe(false)
    expect(tabsFor(['station_operator', 'trainer'])).toBe(false)
    expect(tabsFor(['trainer', 'county_staff'])).toBe(true)
    expect(tabsFor(undefined)).toBe(false)
    const s = useTabsStore()
    s.restore('op')
    s.open(route('/stations/report', 't', { phone: true }))
    expect(paths()).toEqual(['/'])
  })

  it('closing the current tab goes to its right neighbour, else the left one; home never closes', () => {
    const s = useTabsStore()
    s.restore('ann')
    for (const p of ['/a', '/b', '/c']) s.open(route(p))
    expect(s.close('/b', '/b')).toBe('/c')
    expect(s.close('/c', '/c')).toBe('/a')
    expect(s.close('/a', '/x')).toBeUndefined() // not the current tab: stay where we are
    expect(s.close('/', '/')).toBeUndefined()
    expect(paths()).toEqual(['/'])
  })

  it('closes the others (keeping home) and all; refresh changes only that page’s cache key', () => {
    const s = useTabsStore()
    s.restore('ann')
    for (const p of ['/a', '/b', '/c']) s.open(route(p))
    const before = [...s.cachedKeys]
    s.refresh('/b')
    expect(s.cachedKeys).toEqual([before[0], before[1], '/b#1', before[3]])
    s.closeOthers('/b')
    expect(paths()).toEqual(['/', '/b'])
    s.closeAll()
    expect(paths()).toEqual(['/'])
  })

  it('keeps at most MAX_TABS, closing the oldest but never home or the one being opened', () => {
    const s = useTabsStore()
    s.restore('ann')
    for (let i = 1; i <= MAX_TABS + 3; i++) s.open(route('/p' + i))
    expect(s.tabs).toHaveLength(MAX_TABS)
    expect(paths()[0]).toBe('/')
    expect(paths()).not.toContain('/p1')
    expect(paths().at(-1)).toBe('/p' + (MAX_TABS + 3))
  })

  it('comes back after a reload (sessionStorage) for the same user only, and is forgotten on sign-out', () => {
    const s = useTabsStore()
    s.restore('ann')
    s.open(route('/entities', 'entities.menu', {}, '?kind=企业'))
    s.open(route('/sales', 'sales.menu'))
    s.setLabel('/sales', '符离电商')
    // a reload: a new store reads the saved list
    const again = useTabsStore()
    again.tabs = []
    again.restore('ann')
    expect(again.tabs.map((t) => [t.path, t.fullPath, t.label])).toEqual([
      ['/', '/', undefined],
      ['/entities', '/entities?kind=企业', undefined],
      ['/sales', '/sales', '符离电商'],
    ])
    again.restore('tom') // another user in the same browser tab starts with home only
    expect(paths()).toEqual(['/'])
    again.restore('ann')
    expect(paths()).toEqual(['/']) // tom's (empty) list replaced ann's
    again.open(route('/a'))
    again.forget()
    expect(sessionStorage.getItem('ruralec.tabs')).toBeNull()
  })

  it('ignores a damaged saved list', () => {
    sessionStorage.setItem('ruralec.tabs', '{"user":"ann","tabs":[{"path":"x"},42,{"path":"/ok","fullPath":"/ok","title":"t"}]}')
    const s = useTabsStore()
    s.restore('ann')
    expect(paths()).toEqual(['/', '/ok'])
    sessionStorage.setItem('ruralec.tabs', '{not json')
    s.restore('ann')
    expect(paths()).toEqual(['/'])
  })
})
