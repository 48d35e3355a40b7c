// 多页签 in the layout: the open tabs' pages keep their state (keep-alive) until their tab is
// closed or refreshed; a page kept in the background does not follow the route to another record;
// phone pages, phone widths and field-only users get no tab bar.
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, ref, watch } from 'vue'
import { createMemoryHistory, createRouter, RouterView, useRoute } from 'vue-router'
import AppLayout from './AppLayout.vue'
import { cleanUp, mockFetch, settle, signIn } from '@/test-utils'
import { useAppStore } from '@/stores/app'
import { useTabsStore } from '@/stores/tabs'

afterEach(() => {
  cleanUp()
  sessionStorage.clear()
})

/** A page with state of its own (a counter), and one loading the record of its route's id. */
const Notes = defineComponent({
  setup() {
    const n = ref(0)
    return () => h('button', { class: 'notes', onClick: () => n.value++ }, `notes ${n.value}`)
  },
})
const loads: string[] = []
const Item = defineComponent({
  setup() {
    const route = useRoute()
    const shown = ref('')
    watch(
      () => route.params.id,
      (id) => {
        loads.push(String(id))
        shown.value = String(id)
      },
      { immediate: true },
    )
    return () => h('p', { class: 'item' }, `item ${shown.value}`)
  },
})

async function setUp(roles = ['county_staff']) {
  loads.length = 0
  mockFetch({})
  signIn({ username: 'ann', display_name: '安', roles, permissions: [], region_code: '341302000000' })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/',
        component: AppLayout,
        children: [
          { path: '', name: 'home', component: { render: () => h('p', 'home') }, meta: { title: 'menu.home' } },
          { path: 'notes', name: 'notes', component: Notes, meta: { title: 'menu.regions' } },
          { path: 'items/:id', name: 'item', component: Item, meta: { title: 'menu.users' } },
          { path: 'phone', name: 'phone', component: { render: () => h('p', 'phone') }, meta: { title: 'menu.audit', phone: true } },
        ],
      },
    ],
  })
  router.push('/')
  await router.isReady()
  const w = mount(RouterView, { global: { plugins: [router] }, attachTo: document.body })
  await settle()
  return { w, router, go: async (p: string) => (await router.push(p), await settle()) }
}
const tabTitles = () => [...document.querySelectorAll('.page-tab')].map((e) => e.getAttribute('data-path'))

describe('page tabs in the layout', () => {
  it('keeps a page’s state while its tab is open and drops it when the tab closes', async () => {
    const { w, go } = await setUp()
    await go('/notes')
    await w.find('.notes').trigger('click')
    await w.find('.notes').trigger('click')
    await go('/items/1')
    await go('/notes')
    expect(w.find('.notes').text()).toBe('notes 2')
    expect(tabTitles()).toEqual(['/', '/notes', '/items/1'])
    await go('/items/1')
    await w.find('.page-tab[data-path="/notes"] .page-tab-close').trigger('click')
    await settle()
    expect(tabTitles()).toEqual(['/', '/items/1'])
    await go('/notes')
    expect(w.find('.notes').text()).toBe('notes 0')
    w.unmount()
  })

  it('closing the current tab opens its neighbour; 关闭其他 and 刷新当前 from the context menu', async () => {
    const { w, router, go } = await setUp()
    await go('/notes')
    await w.find('.notes').trigger('click')
    await go('/items/1')
    await go('/items/2')
    await w.find('.page-tab[data-path="/items/1"] .page-tab-close').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/items/2')
    await w.find('.page-tab[data-path="/items/2"] .page-tab-close').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/notes') // no right neighbour: the left one
    expect(w.find('.notes').text()).toBe('notes 1')
    await w.find('.page-tab[data-path="/notes"]').trigger('contextmenu')
    await document.querySelector<HTMLElement>('.tabs-ctx-refresh')!.click()
    await settle()
    expect(w.find('.notes').text()).toBe('notes 0')
    await go('/items/5')
    await w.find('.page-tab[data-path="/notes"]').trigger('contextmenu')
    document.querySelector<HTMLElement>('.tabs-ctx-others')!.click()
    await settle()
    expect(tabTitles()).toEqual(['/', '/notes'])
    expect(router.currentRoute.value.path).toBe('/notes')
    w.unmount()
  })

  it('a page in the background keeps its own record when another record of the same view opens', async () => {
    const { w, go } = await setUp()
    await go('/items/1')
    await go('/items/2')
    await go('/notes')
    await go('/items/1')
    expect(loads).toEqual(['1', '2']) // /items/1 did not load 2 nor undefined, /items/2 did not reload
    expect(w.find('.item').text()).toBe('item 1')
    w.unmount()
  })

  it('brings a tab back at its own scroll position; a new page starts at the top', async () => {
    const { w, go } = await setUp()
    await go('/notes')
    const main = document.getElementById('main')!
    main.scrollTop = 120
    await go('/items/1')
    expect(main.scrollTop).toBe(0)
    main.scrollTop = 40
    await go('/notes')
    expect(main.scrollTop).toBe(120)
    await go('/items/1')
    expect(main.scrollTop).toBe(40)
    w.unmount()
  })

  it('names the tabs in the current language and restores them after a reload', async () => {
    const { w, go } = await setUp()
    await go('/notes')
    expect(document.querySelector('.page-tab[data-path="/notes"]')!.textContent).toContain('区划')
    const saved = JSON.parse(sessionStorage.getItem('ruralec.tabs')!)
    expect(saved.user).toBe('ann')
    expect(saved.tabs.map((t: { path: string }) => t.path)).toEqual(['/', '/notes'])
    w.unmount()
  })

  it('shows no tab bar on a phone page, at phone width, or to a field-only user', async () => {
    let s = await setUp()
    await s.go('/phone')
    expect(document.querySelector('.tabs-bar')).toBeNull()
    expect(useTabsStore().tabs.map((t) => t.path)).toEqual(['/'])
    await s.go('/notes')
    expect(document.querySelector('.tabs-bar')).not.toBeNull()
    useAppStore().isMobile = true
    await settle()
    expect(document.querySelector('.tabs-bar')).toBeNull()
    s.w.unmount()
    cleanUp()
    s = await setUp(['station_operator'])
    await s.go('/notes')
    expect(document.querySelector('.tabs-bar')).toBeNull()
    s.w.unmount()
  })
})
