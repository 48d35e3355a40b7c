// 系统管理 pages: 参数设置 sends only what changed (fen as whole fen), shows a refusal on the field
// it names and stays read-only without settings:params:edit; 字典管理 lists the dictionaries in
// words, adds a county entry and disables one after a confirmation. The API is mocked in the
// shapes of src/settings/api/*.cc.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { ElMessageBox } from 'element-plus'
import { cleanUp, jsonResponse, mockFetch, settle, signIn } from '@/test-utils'
import ParamsView from './ParamsView.vue'
import DictsView from './DictsView.vue'
import { changedValues, defaultText, groupParams } from './logic'
import type { Param } from './api'

afterEach(cleanUp)

const base = { min: null, max: null, options: [], help: '', is_default: true }
const params: Param[] = [
  { ...base, name: 'imports.max_rows', label: '单次导入最多行数', type: 'int', default: 100000, min: 100, max: 1000000, module: 'imports', module_title: '表格导入', value: 100000 },
  { ...base, name: 'sales.default_year', label: '网销统计默认年份', type: 'enum', default: 'latest', options: [{ value: 'latest', label: '有数据的最近年份' }, { value: 'current', label: '当年' }], module: 'sales', module_title: '网络销售', value: 'latest' },
  { ...base, name: 'award.floor_fen', label: '最低奖补金额', type: 'fen', default: 0, module: 'award', module_title: '奖补', value: 12345 },
]
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, page_size: 200 })

describe('parameter rules (logic.ts)', () => {
  it('groups by module, sends only changed values and fen in whole fen', () => {
    expect(groupParams(params).map((g) => g.title)).toEqual(['表格导入', '网络销售', '奖补'])
    const form = { 'imports.max_rows': 100000, 'sales.default_year': 'current', 'award.floor_fen': 200.5 }
    expect(changedValues(params, form)).toEqual({ 'sales.default_year': 'current', 'award.floor_fen': 20050 })
    expect(changedValues(params, { 'imports.max_rows': 100000, 'sales.default_year': 'latest', 'award.floor_fen': 123.45 })).toEqual({})
    expect(defaultText(params[1], '是', '否')).toBe('有数据的最近年份')
    expect(defaultText(params[2], '是', '否')).toBe('0.00')
  })
})

describe('参数设置 page', () => {
  it('county staff save a change; a refusal lands on the field it names', async () => {
    signIn({ id: 6, permissions: ['settings:read', 'settings:params:edit'] })
    const sent: unknown[] = []
    mockFetch({
      'GET /api/v1/settings/params': page(params),
      'PUT /api/v1/settings/params': (_u: URL, init: RequestInit) => {
        const body = JSON.parse(String(init.body))
        sent.push(body)
        if (body.values['imports.max_rows'] === 5)
          return jsonResponse({ code: 'invalid_argument', message: '单次导入最多行数不能小于100', field: 'imports.max_rows' }, 400)
        return { items: params.map((p) => (p.name in body.values ? { ...p, value: body.values[p.name], is_default: false } : p)) }
      },
    })
    const w = mount(ParamsView, { attachTo: document.body })
    await settle(6)
    expect(w.text()).toContain('表格导入')
    expect(w.text()).toContain('默认：有数据的最近年份')
    const vm = w.vm as unknown as { form: Record<string, unknown> }
    vm.form['imports.max_rows'] = 5
    await w.find('.params-form').trigger('submit')
    await settle(4)
    expect(sent[0]).toEqual({ values: { 'imports.max_rows': 5 } })
    await new Promise((r) => setTimeout(r, 150)) // the form item shows its error debounced
    await settle(2)
    expect(w.text()).toContain('单次导入最多行数不能小于100')
    vm.form['imports.max_rows'] = 500
    vm.form['sales.default_year'] = 'current'
    await w.find('.params-form').trigger('submit')
    await settle(4)
    expect(sent[1]).toEqual({ values: { 'imports.max_rows': 500, 'sales.default_year': 'current' } })
    expect(w.text()).not.toContain('不能小于100')
  })

  it('without settings:params:edit the form is read-only and has no save button', async () => {
    signIn({ id: 7, permissions: ['settings:read'] })
    mockFetch({ 'GET /api/v1/settings/params': page(params) })
    const w = mount(ParamsView, { attachTo: document.body })
    await settle(6)
    expect(w.find('.params-save').exists()).toBe(false)
    expect(w.find('#param-imports-max-rows').attributes('disabled')).toBeDefined()
  })
})

describe('字典管理 page', () => {
  const platforms = { name: 'platforms', title: '网店平台', module: 'entity', module_title: '经营主体', extensible: true, can_edit: true, builtin_count: 2, county_count: 1, disabled_count: 0 }
  const kinds = { name: 'entity_kinds', title: '经营主体类型', module: 'entity', module_title: '经营主体', extensible: false, can_edit: false, builtin_count: 5, county_count: 0, disabled_count: 0 }
  const entries = [
    { value: '淘宝', label: '淘宝', builtin: true, disabled: false },
    { value: 'wx_video', label: '视频号', builtin: false, disabled: false },
  ]

  it('lists dictionaries in words, adds a county entry and disables one after confirming', async () => {
    signIn({ id: 6, permissions: ['settings:read', 'entity:dict:edit'] })
    const calls: string[] = []
    mockFetch({
      'GET /api/v1/dicts': page([platforms, kinds]),
      'GET /api/v1/dicts/platforms/entries': { ...page(entries), dict: platforms },
      'POST /api/v1/dicts/platforms/entries': (_u: URL, init: RequestInit) => {
        calls.push('POST ' + String(init.body))
        return { value: '小红书', label: '小红书', builtin: false, disabled: false }
      },
      'PUT /api/v1/dicts/platforms/entries/wx_video': (_u: URL, init: RequestInit) => {
        calls.push('PUT ' + String(init.body))
        return { value: 'wx_video', disabled: true }
      },
    })
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const w = mount(DictsView, { attachTo: document.body })
    await settle(6)
    expect(w.text()).toContain('网店平台')
    expect(w.text()).toContain('系统内置')
    await w.findAll('.dict-open')[0].trigger('click')
    await settle(6)
    const drawer = document.body.querySelector('.dict-drawer') as HTMLElement
    expect(drawer.textContent).toContain('视频号')
    expect(drawer.querySelectorAll('.dict-toggle').length).toBe(1) // built-in entries cannot be disabled
    const vm = w.vm as unknown as { form: { label: string } }
    vm.form.label = '小红书'
    ;(drawer.querySelector('.dict-add-save') as HTMLElement).click()
    await settle(4)
    expect(calls).toEqual(['POST {"label":"小红书"}'])
    ;(drawer.querySelector('.dict-toggle') as HTMLElement).click()
    await settle(4)
    expect(confirm).toHaveBeenCalled()
    expect(calls[1]).toBe('PUT {"disabled":true}')
  })
})

describe('导入批次 page', () => {
  const batch = {
    id: 7, kind: 'sales', kind_label: '网络销售额', file_name: '三月.csv', mode: 'all_or_nothing', rows_total: 2, rows_imported: 2,
    rows_rejected: 0, rows_updated: 0, created_by_name: '张三', created_at: '2026-12-06T10:00:00.000Z', undone_at: null, undone_by_name: '',
    can_undo: true, undo_refusal: '',
  }
  const refused = { ...batch, id: 6, kind: 'entities', kind_label: '经营主体', file_name: '主体.csv', can_undo: false, undo_refusal: '本批导入的经营主体已被 2 条网络销售额引用，不能撤销' }

  it('undoes a batch after a confirmation; a batch that cannot be undone has its button disabled', async () => {
    signIn({ id: 6, permissions: ['sales:import', 'entity:edit'] })
    let undone = false
    mockFetch({
      'GET /api/v1/imports/batches': () => page(undone ? [{ ...batch, undone_at: '2026-12-06T11:00:00.000Z', undone_by_name: '张三', can_undo: false }, refused] : [batch, refused]),
      'POST /api/v1/imports/batches/7/undo': () => {
        undone = true
        return { id: 7, kind: 'sales', rows_undone: 2 }
      },
    })
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const { default: ImportBatchesView } = await import('./ImportBatchesView.vue')
    const w = mount(ImportBatchesView, { attachTo: document.body })
    await settle(6)
    const buttons = w.findAll('.batch-undo')
    expect(buttons.length).toBe(2)
    expect(buttons[1].attributes('disabled')).toBeDefined()
    await buttons[0].trigger('click')
    await settle(6)
    expect(confirm).toHaveBeenCalled()
    expect(String(confirm.mock.calls[0][0])).toContain('三月.csv')
    expect(undone).toBe(true)
    expect(w.find('.batch-undone').text()).toContain('张三')
  })
})
