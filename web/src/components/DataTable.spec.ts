import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, KeepAlive, reactive, ref } from 'vue'
import { ElFormItem, ElInput, ElTableColumn } from 'element-plus'
import DataTable from './DataTable.vue'
import { cleanUp, jsonResponse, mockFetch, settle } from '@/test-utils'
import { tableKey } from './tableColumns'

afterEach(() => vi.unstubAllGlobals())

function rows(n: number, from = 1) {
  return Array.from({ length: n }, (_, i) => ({ id: from + i, name: `用户${from + i}` }))
}

function mountTable(filters: Record<string, unknown>, props: Record<string, unknown> = {}) {
  return mount(DataTable, {
    props: { url: '/users', filters, ...props },
    slots: {
      filters: () => h(ElFormItem, { label: '关键字' }, () => h(ElInput, { modelValue: filters.q as string, 'onUpdate:modelValue': (v: string) => (filters.q = v), class: 'f-q' })),
      default: () => [h(ElTableColumn, { prop: 'name', label: '姓名', sortable: 'custom' })],
    },
    attachTo: document.body,
  })
}

describe('DataTable', () => {
  it('loads the first page with page, page_size and the default sort, and shows the rows', async () => {
    const f = mockFetch({ 'GET /api/v1/users': { items: rows(2), total: 2, page: 1, page_size: 20 } })
    const w = mountTable(reactive({ q: '' }), { defaultSort: 'created_at', defaultOrder: 'desc' })
    await settle()
    const url = new URL(String(f.mock.calls[0][0]), 'http://x')
    expect(url.pathname).toBe('/api/v1/users')
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: '1', page_size: '20', sort: 'created_at', order: 'desc' })
    expect(w.text()).toContain('用户1')
    expect(w.text()).toContain('用户2')
    expect(w.text()).toContain('共 2 条')
    w.unmount()
  })

  it('sends non-empty filters on search, resets to page 1, and reset restores the initial filters', async () => {
    const f = mockFetch({ 'GET /api/v1/users': (u: URL) => ({ items: rows(1), total: 45, page: Number(u.searchParams.get('page')), page_size: 20 }) })
    const filters = reactive({ q: '', status: 'active' })
    const w = mountTable(filters)
    await settle()
    const vm = w.vm as unknown as { page: number; search: () => Promise<void>; reset: () => Promise<void> }
    // go to page 3
    await w.find('.el-pager li:last-child').trigger('click')
    await settle()
    expect(new URL(String(f.mock.calls.at(-1)![0]), 'http://x').searchParams.get('page')).toBe('3')
    filters.q = '张'
    await w.find('form').trigger('submit')
    await settle()
    let q = new URL(String(f.mock.calls.at(-1)![0]), 'http://x').searchParams
    expect(q.get('q')).toBe('张')
    expect(q.get('status')).toBe('active')
    expect(q.get('page')).toBe('1')
    await w.find('.dt-reset').trigger('click')
    await settle()
    expect(filters.q).toBe('')
    q = new URL(String(f.mock.calls.at(-1)![0]), 'http://x').searchParams
    expect(q.get('q')).toBeNull()
    expect(vm.page).toBe(1)
    w.unmount()
  })

  it('sorts on the server when a custom-sortable column header is clicked', async () => {
    const f = mockFetch({ 'GET /api/v1/users': { items: rows(3), total: 3, page: 1, page_size: 20 } })
    const w = mountTable(reactive({ q: '' }))
    await settle()
    await w.find('th .caret-wrapper .ascending').trigger('click')
    await settle()
    let q = new URL(String(f.mock.calls.at(-1)![0]), 'http://x').searchParams
    expect(q.get('sort')).toBe('name')
    expect(q.get('order')).toBe('asc')
    await w.find('th .caret-wrapper .descending').trigger('click')
    await settle()
    q = new URL(String(f.mock.calls.at(-1)![0]), 'http://x').searchParams
    expect(q.get('order')).toBe('desc')
    w.unmount()
  })

  it('shows the empty state for no rows and the error state with retry on failure', async () => {
    mockFetch({ 'GET /api/v1/users': { items: [], total: 0, page: 1, page_size: 20 } })
    const w = mountTable(reactive({ q: '' }))
    await settle()
    expect(w.text()).toContain('暂无数据')
    w.unmount()

    let fail = true
    const f = mockFetch({
      'GET /api/v1/users': () => (fail ? jsonResponse({ code: 'internal', message: '数据库不可用', field: '' }, 500) : { items: rows(1), total: 1, page: 1, page_size: 20 }),
    })
    const w2 = mountTable(reactive({ q: '' }))
    await settle()
    expect(w2.find('.dt-error').text()).toContain('数据库不可用')
    fail = false
    await w2.find('.state-retry').trigger('click')
    await settle()
    expect(f).toHaveBeenCalledTimes(2)
    expect(w2.text()).toContain('用户1')
    w2.unmount()
  })

  it('changes the page size and ignores stale answers', async () => {
    let n = 0
    mockFetch({
      'GET /api/v1/users': async (u: URL) => {
        n++
        const size = Number(u.searchParams.get('page_size'))
        if (n === 1) await new Promise((r) => setTimeout(r, 30)) // slow first answer
        return { items: rows(size === 50 ? 3 : 1, size), total: 60, page: 1, page_size: size }
      },
    })
    const w = mountTable(reactive({ q: '' }))
    const vm = w.vm as unknown as { size: number; load: () => Promise<void>; items: { name: string }[] }
    vm.size = 50
    await vm.load()
    await new Promise((r) => setTimeout(r, 50))
    await settle()
    expect(vm.items.map((r) => r.name)).toEqual(['用户50', '用户51', '用户52'])
    w.unmount()
  })

  it('folds the search form behind the filter button on phones', async () => {
    mockFetch({ 'GET /api/v1/users': { items: [], total: 0, page: 1, page_size: 20 } })
    const { useAppStore } = await import('@/stores/app')
    useAppStore().isMobile = true
    const w = mountTable(reactive({ q: '' }))
    await settle()
    expect((w.find('.dt-filters').element as HTMLElement).style.display).toBe('none')
    await w.find('.dt-toggle-filters').trigger('click')
    expect((w.find('.dt-filters').element as HTMLElement).style.display).toBe('')
    expect(w.find('.dt-toggle-filters').attributes('aria-expanded')).toBe('true')
    w.unmount()
  })

  it('hides a column from the column chooser, remembers it per page and resets', async () => {
    localStorage.clear()
    mockFetch({ 'GET /api/v1/users': { items: [{ id: 1, name: '张三', mobile: '138****0000', town: '符离镇' }], total: 1, page: 1, page_size: 20 } })
    const cols = () => [
      h(ElTableColumn, { prop: 'name', label: '姓名' }),
      h(ElTableColumn, { prop: 'mobile', label: '手机' }),
      h(ElTableColumn, { prop: 'town', label: '乡镇' }),
    ]
    const mountCols = () => mount(DataTable, { props: { url: '/users', storageKey: 'k-users' }, slots: { default: cols }, attachTo: document.body })
    let w = mountCols()
    await settle()
    const heads = () => w.findAll('thead th').map((th) => th.text()).filter(Boolean)
    expect(heads()).toEqual(['姓名', '手机', '乡镇'])
    await w.find('.dt-columns').trigger('click')
    await settle()
    const options = [...document.querySelectorAll('.dt-columns-panel .dt-column-option')]
    expect(options.map((o) => o.textContent!.trim())).toEqual(['姓名', '手机', '乡镇'])
    ;(document.querySelector('.dt-columns-panel .dt-column-option[data-key="mobile"] input') as HTMLInputElement).click()
    await settle()
    expect(heads()).toEqual(['姓名', '乡镇'])
    expect(w.text()).not.toContain('138****0000')
    expect(JSON.parse(localStorage.getItem('ruralec.columns.k-users')!)).toEqual(['mobile'])
    w.unmount()
    cleanUp()

    // the page opened again: the column is still hidden, and the chooser still offers it
    mockFetch({ 'GET /api/v1/users': { items: [], total: 0, page: 1, page_size: 20 } })
    w = mountCols()
    await settle()
    expect(heads()).toEqual(['姓名', '乡镇'])
    const vm = w.vm as unknown as { columns: { key: string }[]; setShown: (k: string, s: boolean) => void; resetColumns: () => void }
    expect(vm.columns.map((c) => c.key)).toEqual(['name', 'mobile', 'town'])
    // the last visible column cannot be hidden
    vm.setShown('name', false)
    vm.setShown('town', false)
    await settle()
    expect(heads()).toEqual(['乡镇'])
    await w.find('.dt-columns').trigger('click')
    await settle()
    ;(document.querySelector('.dt-columns-panel .dt-columns-reset') as HTMLButtonElement).click()
    await settle()
    expect(heads()).toEqual(['姓名', '手机', '乡镇'])
    expect(localStorage.getItem('ruralec.columns.k-users')).toBeNull()
    w.unmount()
  })

  it('keys the remembered columns by page and endpoint (record ids generalised)', () => {
    expect(tableKey('programme-versions', '/programmes/12/versions')).toBe('ruralec.columns.programme-versions:/programmes/:id/versions')
    expect(tableKey('', '/users')).toBe('ruralec.columns./users')
  })

  it('ticks rows across pages for the toolbar (ids), and a new search lets them go', async () => {
    mockFetch({ 'GET /api/v1/users': (u: URL) => ({ items: rows(2, Number(u.searchParams.get('page')) * 10), total: 40, page: 1, page_size: 20 }) })
    const filters = reactive({ q: '' })
    const w = mount(DataTable, {
      props: { url: '/users', filters, selectable: true },
      slots: {
        filters: () => h(ElFormItem, { label: '关键字' }, () => h(ElInput, { modelValue: filters.q })),
        toolbar: ({ ids }: { ids: (string | number)[] }) => h('span', { class: 'picked' }, ids.join(',')),
        default: () => [h(ElTableColumn, { prop: 'name', label: '姓名' })],
      },
      attachTo: document.body,
    })
    await settle()
    const boxes = () => w.findAll('tbody .dt-select input')
    expect(boxes()).toHaveLength(2)
    await boxes()[1].setValue(true)
    await settle()
    expect(w.find('.picked').text()).toBe('11')
    await w.find('.el-pager li:last-child').trigger('click')
    await settle()
    await boxes()[0].setValue(true)
    await settle()
    expect(w.find('.picked').text()).toBe('11,20')
    expect(w.emitted('selection-change')!.at(-1)![0]).toHaveLength(2)
    await w.find('form').trigger('submit')
    await settle()
    expect(w.find('.picked').text()).toBe('')
    w.unmount()
  })

  it('sets the row density from the toolbar and remembers it for every list', async () => {
    localStorage.clear()
    mockFetch({ 'GET /api/v1/users': { items: rows(1), total: 1, page: 1, page_size: 20 } })
    let w = mountTable(reactive({ q: '' }))
    await settle()
    expect(w.find('.el-table').classes()).not.toContain('el-table--small')
    ;(w.vm as unknown as { setDensity: (d: string) => void }).setDensity('small')
    await settle()
    expect(w.find('.el-table').classes()).toContain('el-table--small')
    w.unmount()
    w = mountTable(reactive({ q: '' }))
    await settle()
    expect(w.find('.el-table').classes()).toContain('el-table--small')
    w.unmount()
  })

  it('on a page kept alive by its tab, keeps the filters and page and reads the rows again on return', async () => {
    const f = mockFetch({ 'GET /api/v1/users': (u: URL) => ({ items: rows(1, Number(u.searchParams.get('page'))), total: 45, page: 1, page_size: 20 }) })
    const on = ref(true)
    const filters = reactive({ q: '' })
    const Host = defineComponent(() => () =>
      h(KeepAlive, null, [on.value ? h(DataTable, { url: '/users', filters, key: 't' }, { default: () => [h(ElTableColumn, { prop: 'name', label: '姓名' })] }) : h('p', { key: 'o' }, 'other')]),
    )
    const w = mount(Host, { attachTo: document.body })
    await settle()
    await w.find('.el-pager li:last-child').trigger('click')
    await settle()
    filters.q = '张'
    on.value = false
    await settle()
    const calls = f.mock.calls.length
    on.value = true
    await settle()
    expect(f.mock.calls.length).toBe(calls + 1)
    const q = new URL(String(f.mock.calls.at(-1)![0]), 'http://x').searchParams
    expect(q.get('page')).toBe('3')
    expect(w.text()).toContain('用户3')
    w.unmount()
  })
})
