// The programme pages with the API mocked in the shapes of src/programme/api/programme_handlers.cc.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { jsonResponse, mockFetch, settle } from '@/test-utils'
import { configureClient } from '@/api/client'
import { useAuthStore } from '@/stores/auth'
import { useAppStore } from '@/stores/app'
import type { User } from '@/api'
import type { ProgressLine } from './api'
import ProgrammeUploadDialog from './ProgrammeUploadDialog.vue'
import ProgressLineView from './ProgressLineView.vue'
import QuotaMatrix from './QuotaMatrix.vue'
import ProgrammeDetailView from './ProgrammeDetailView.vue'
import TaskNotesDialog from './TaskNotesDialog.vue'
import TaskTable from './TaskTable.vue'
import ProgrammesView from './ProgrammesView.vue'

beforeEach(() => {
  const auth = useAuthStore()
  auth.csrfToken = 'tok9'
  auth.user = { permissions: ['programme:read', 'programme:edit'] } as unknown as User
  configureClient({ getCsrfToken: () => auth.csrfToken })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

const yaml = (name = 'bad.yaml', text = 'format: ruralec.programme/1\n') => new File([text], name, { type: 'application/yaml' })
const line = (over: Partial<ProgressLine> = {}): ProgressLine => ({
  region_code: '341302000000', region_name: '埇桥区', goal: 2, actual: 1, percent: 50, status: 'behind', reason: '', ...over,
})

describe('programme upload', () => {
  it('sends the YAML text with the CSRF token and shows each checker error with file and line', async () => {
    const f = mockFetch({
      'POST /api/v1/programmes': () =>
        jsonResponse(
          {
            code: 'invalid_argument', message: '方案文件有 2 处错误', field: 'yaml',
            errors: [{ line: 14, message: '未知指标: rural_magic' }, { line: 9, message: '区划名称无法解析: 火星镇' }],
          },
          400,
        ),
    })
    const w = mount(ProgrammeUploadDialog, { props: { modelValue: false }, attachTo: document.body })
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void> }
    vm.pick(yaml('my-plan.yaml', 'id: x\n'))
    await vm.start()
    await settle()
    const [, init] = f.mock.calls[0] as [string, RequestInit]
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok9')
    expect(JSON.parse(String(init.body))).toEqual({ yaml: 'id: x\n' })
    const box = document.body.querySelector('.pu-check-errors')!
    expect(box.getAttribute('role')).toBe('alert')
    expect(box.textContent).toContain('方案文件有 2 处错误')
    const rows = [...box.querySelectorAll('.el-table__body tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim()))
    expect(rows).toEqual([
      ['my-plan.yaml', '9', '区划名称无法解析: 火星镇'],
      ['my-plan.yaml', '14', '未知指标: rural_magic'],
    ])
    expect(w.emitted('done')).toBeUndefined()
    w.unmount()
  })

  it('emits the stored programme on success and refuses other file types before sending', async () => {
    const f = mockFetch({ 'POST /api/v1/programmes': () => jsonResponse({ id: 7, key: 'k', version: 1, created: true }, 201) })
    const w = mount(ProgrammeUploadDialog, { props: { modelValue: true }, attachTo: document.body })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void>; fileError: string }
    vm.pick(yaml('plan.txt'))
    expect(vm.fileError).toBe('请选择 .yaml 或 .yml 文件')
    vm.pick(yaml('plan.yml'))
    await vm.start()
    await settle()
    expect(f).toHaveBeenCalledTimes(1)
    expect(w.emitted('done')![0]).toEqual([{ id: 7, key: 'k', version: 1, created: true }])
    w.unmount()
  })
})

describe('progress line', () => {
  it('shows actual / target / percent with a bar coloured by status', () => {
    const w = mount(ProgressLineView, {
      props: { line: line({ goal: 1_280_000_000_000, actual: 320_000_000_000, percent: 25, status: 'behind' }), unit: '亿元', baseUnit: 'fen' },
    })
    expect(w.find('.el-progress').exists()).toBe(true)
    expect(w.find('.pl-actual').text()).toBe('实际 32 亿元')
    expect(w.find('.pl-goal').text()).toBe('目标 128 亿元')
    expect(w.find('.pl-percent').text()).toBe('25%')
    expect(w.find('.pl-status').text()).toBe('进度滞后')
    expect(w.find('.el-progress-bar__inner').attributes('style')).toContain('width: 25%')
    expect(w.find('.el-progress-bar__inner').attributes('style')).toMatch(/background-color: (#e6a23c|rgb\(230, 162, 60\))/)
  })

  it('says 暂无数据来源 and draws no bar when the indicator has no data source', () => {
    const w = mount(ProgressLineView, {
      props: { line: line({ actual: null, percent: null, status: 'no_data_source', reason: '指标暂无数据来源' }), unit: '个', baseUnit: 'count' },
    })
    expect(w.find('.el-progress').exists()).toBe(false)
    expect(w.find('.pl-no-source').text()).toBe('暂无数据来源')
    expect(w.text()).not.toMatch(/实际\s*0/)
    expect(w.find('.pl-goal').text()).toBe('目标 2 个')
  })

  it('shows an increase with its baseline, and says why when the baseline is missing', () => {
    const w = mount(ProgressLineView, {
      props: {
        line: line({ goal: 1_500_000_000_000, actual: 300_000_000_000, percent: 20, status: 'behind', baseline: 900_000_000_000, baseline_from: '2018-01-01', baseline_to: '2018-12-31' }),
        unit: '亿元', baseUnit: 'fen',
      },
    })
    expect(w.find('.pl-baseline').text()).toBe('基期 2018-01-01 至 2018-12-31：90 亿元')
    const reason = '基期（上年同期 2018-01-01 至 2018-12-31）没有网络销售台账，无法计算新增额：请先导入基期数据'
    const missing = mount(ProgressLineView, {
      props: { line: line({ actual: null, percent: null, status: 'no_data_source', reason }), unit: '亿元', baseUnit: 'fen' },
    })
    expect(missing.find('.pl-reason').text()).toBe(reason)
    expect(missing.text()).not.toMatch(/实际\s*0/)
  })
})

describe('quota matrix', () => {
  it('draws regions × targets with each cell coloured by status', async () => {
    const quotas = [
      line({ region_code: '341302101000', region_name: '符离镇', goal: 1, actual: 1, percent: 100, status: 'done' }),
      line({ region_code: '341302102000', region_name: '西二铺乡', goal: 1, actual: null, percent: null, status: 'no_data_source' }),
    ]
    const w = mount(QuotaMatrix, {
      props: {
        targets: [{ target_id: 'T06', indicator: 'entities_over_sales_threshold', comparator: '>=', unit: '个', base_unit: 'count', from: '2019-01-01', due: '2019-12-31', deadline_is_period_end: false, region: line(), quotas }],
        plan: [],
      },
    })
    await settle()
    const cells = w.findAll('.el-table__body .qm-cell')
    expect(cells.map((c) => c.attributes('data-status'))).toEqual(['done', 'no_data_source'])
    expect(cells[0].classes()).toContain('st-done')
    expect(cells[0].text()).toContain('配额 1 个')
    expect(cells[0].text()).toContain('实际 1 个 · 100%')
    expect(cells[1].text()).toContain('暂无数据来源')
    expect(w.findAll('.el-table__body tr').map((r) => r.find('td').text())).toEqual(['符离镇', '西二铺乡'])
  })
})

describe('programme detail page', () => {
  const detail = {
    db_id: 3, version: 1, id: 'yq', name: '埇桥区农村电商优化升级工作方案', kind: 'upgrade', status: 'final',
    issuers: ['宿州市埇桥区人民政府办公室'], document_number: '埇政办秘〔2019〕38号', issued_on: '2019-10-12',
    region: { region_code: '341302', region_name: '埇桥区' }, period: { start: '2019-01-01', end: '2020-03-31', note: '' },
    phases: [{ name: '动员部署', start: '2019-10-01', end: '2019-10-31', text: '' }],
    targets: [{ id: 'T01', indicator: 'demonstration_units', indicator_name: '示范单位数', value: 2, unit: '个', comparator: '>=', text: '创建省级示范镇2个' }],
    tasks: [{ number: 1, text: '建设区级服务中心', lead_units: ['区商务局'], coordinating_units: ['区财政局'], deadline: '2019-12-31', deadline_text: '', targets: ['T01'] }],
  }
  const progress = {
    programme_id: 3, today: '2020-02-01',
    targets: [{ target_id: 'T01', indicator: 'demonstration_units', comparator: '>=', unit: '个', base_unit: 'count', from: '2019-01-01', due: '2019-12-31', deadline_is_period_end: false, region: line({ actual: 1, goal: 2, percent: 50, status: 'overdue' }), quotas: [] }],
    tasks: [{ number: 1, text: '建设区级服务中心', lead_units: ['区商务局'], due: '2019-12-31', status: 'in_progress', overdue: true, notes: 1, last_note: '已选址' }],
  }
  const lagging = {
    programme_id: 3, today: '2020-02-01',
    // one line and one task led by two units: two groups, but one line and one task to act on
    groups: [
      { lead_unit: '区商务局', targets: [{ ...progress.targets[0].region, target_id: 'T01', indicator: 'demonstration_units' }], tasks: [progress.tasks[0]] },
      { lead_unit: '区财政局', targets: [{ ...progress.targets[0].region, target_id: 'T01', indicator: 'demonstration_units' }], tasks: [progress.tasks[0]] },
    ],
    distinct: { target_lines: 1, tasks: 1 },
  }

  async function mountAt(path: string) {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/programmes/:id', name: 'programme', component: ProgrammeDetailView }, { path: '/programmes', name: 'programmes', component: { template: '<div/>' } }],
    })
    await router.push(path)
    const w = mount(ProgrammeDetailView, { global: { plugins: [router] }, attachTo: document.body })
    await settle(6)
    return w
  }

  it('shows the header, target bars, the task table with its overdue flag and the lagging list', async () => {
    mockFetch({
      'GET /api/v1/programmes/3': detail,
      'GET /api/v1/programmes/3/progress': progress,
      'GET /api/v1/programmes/3/lagging': lagging,
    })
    const w = await mountAt('/programmes/3')
    expect(w.find('.pd-name').text()).toBe(detail.name)
    expect(w.find('.pd-meta').text()).toContain('埇政办秘〔2019〕38号')
    expect(w.find('.pd-meta').text()).toContain('2019-01-01 ~ 2020-03-31')
    expect(w.find('.pd-phases').text()).toContain('动员部署')
    expect(w.find('.target-item .pl-status').text()).toBe('逾期未完成')
    expect(w.find('.target-item .ti-title').text()).toBe('T01 示范单位数')
    const taskRow = w.find('.task-table .el-table__body tr')
    expect(taskRow.text()).toContain('区商务局')
    expect(taskRow.text()).toContain('区财政局')
    expect(taskRow.find('.task-overdue').exists()).toBe(true)
    expect(w.find('.lag-group').attributes('data-unit')).toBe('区商务局')
    expect(w.find('.lag-group').text()).toContain('T01 示范单位数 · 埇桥区')
    // the tab's badge counts what there is to act on, not its repeats per lead unit
    expect(w.find('#tab-lagging').text()).toContain('2')
    expect(w.find('#tab-lagging').text()).not.toContain('4')
    w.unmount()
  })

  it('downloads the quarterly report, by default for the period’s last quarter when today is past it', async () => {
    const clicked: string[] = []
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }))
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    const f = mockFetch({
      'GET /api/v1/programmes/3': detail,
      'GET /api/v1/programmes/3/progress': progress,
      'GET /api/v1/programmes/3/lagging': lagging,
      'GET /api/v1/programmes/3/report': () =>
        new Response('xlsx', { headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%9F%87%E6%A1%A5_2020Q1.xlsx" } }),
    })
    const w = await mountAt('/programmes/3')
    await w.find('.pd-report-btn').trigger('click')
    await settle()
    const url = f.mock.calls.map((c) => String(c[0])).find((u) => u.includes('/report'))
    expect(url).toBe('/api/v1/programmes/3/report?quarter=2020Q1')
    expect(clicked).toEqual(['埇桥_2020Q1.xlsx'])
    w.unmount()
  })

  it('shows the 403 page in place for a programme outside the scope', async () => {
    const denied = () => jsonResponse({ code: 'forbidden', message: '方案 9 不在您的管辖范围内', field: '' }, 403)
    mockFetch({ 'GET /api/v1/programmes/9': denied, 'GET /api/v1/programmes/9/progress': denied, 'GET /api/v1/programmes/9/lagging': denied })
    const w = await mountAt('/programmes/9')
    expect(useAppStore().errorPage).toBe(403)
    w.unmount()
  })
})

describe('task notes', () => {
  const task = { number: 4, text: '培育示范村', lead_units: ['区商务局'], coordinating_units: [], deadline: null, deadline_text: '', due: '2019-12-31', status: 'in_progress' as const, overdue: false, notes: 1, last_note: '' }
  const attachment = { id: 11, note_id: 5, filename: '现场照片.png', content_type: 'image/png', size: 2048, sha256: 'x', created_at: '2026-11-24T06:00:00Z' }

  it('lists the notes with their attachments and adds a note with two files (the second as a further attachment)', async () => {
    const posts: Array<{ url: string; form: FormData; csrf: string }> = []
    const f = mockFetch({
      'GET /api/v1/programmes/3/tasks/4/notes': {
        items: [{ id: 5, task_number: 4, text: '已选定 5 个村', status: 'in_progress', author: 'staff', created_at: '2026-11-24T06:00:00Z', attachments: [attachment] }],
        total: 1, page: 1, page_size: 100,
      },
      'POST /api/v1/programmes/3/tasks/4/notes': (url: URL, init: RequestInit) => {
        posts.push({ url: url.pathname, form: init.body as FormData, csrf: (init.headers as Record<string, string>)['X-CSRF-Token'] })
        return jsonResponse({ id: 6, task_number: 4, text: 'x', status: 'done', author: 'staff', created_at: '', attachments: [] }, 201)
      },
      'POST /api/v1/programmes/3/tasks/4/notes/6/attachments': (url: URL, init: RequestInit) => {
        posts.push({ url: url.pathname, form: init.body as FormData, csrf: '' })
        return jsonResponse({ ...attachment, id: 12, note_id: 6 }, 201)
      },
    })
    const w = mount(TaskNotesDialog, { props: { modelValue: true, programmeId: 3, task, canEdit: true }, attachTo: document.body })
    await settle()
    const list = document.body.querySelector('.tn-list')!
    expect(list.textContent).toContain('已选定 5 个村')
    expect(list.querySelector('.tn-attachment')!.textContent).toContain('现场照片.png')
    const vm = w.vm as unknown as { pickFiles: (l: File[]) => void }
    ;(document.body.querySelector('#note-text') as HTMLTextAreaElement).value = '完成验收'
    document.body.querySelector('#note-text')!.dispatchEvent(new Event('input'))
    void vm
    const input = document.body.querySelector('.note-files-input') as HTMLInputElement
    const files = [new File(['%PDF-1.4'], '验收单.pdf'), new File(['a'], '说明.txt')]
    Object.defineProperty(input, 'files', { value: files, configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    ;(document.body.querySelector('.note-save') as HTMLButtonElement).click()
    await settle(6)
    expect(posts.map((p) => p.url)).toEqual(['/api/v1/programmes/3/tasks/4/notes', '/api/v1/programmes/3/tasks/4/notes/6/attachments'])
    expect(posts[0].csrf).toBe('tok9')
    expect(posts[0].form.get('text')).toBe('完成验收')
    expect((posts[0].form.get('file') as File).name).toBe('验收单.pdf')
    expect((posts[1].form.get('file') as File).name).toBe('说明.txt')
    expect(w.emitted('saved')).toHaveLength(1)
    expect(f.mock.calls.filter((c) => String(c[0]).endsWith('/notes?page_size=100'))).toHaveLength(2) // reloaded
    w.unmount()
  })

  it('refuses an attachment type the server does not accept before sending, and needs a text', async () => {
    const f = mockFetch({ 'GET /api/v1/programmes/3/tasks/4/notes': { items: [], total: 0, page: 1, page_size: 100 } })
    const w = mount(TaskNotesDialog, { props: { modelValue: true, programmeId: 3, task, canEdit: true }, attachTo: document.body })
    await settle()
    const input = document.body.querySelector('.note-files-input') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'virus.exe')], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    expect(document.body.querySelector('.tn-file-error')!.textContent).toBe('不支持的附件类型：virus.exe')
    ;(document.body.querySelector('.note-save') as HTMLButtonElement).click()
    await settle()
    expect(document.body.querySelector('.tn-form .el-form-item.is-error label')!.textContent).toBe('进展情况')
    expect(f.mock.calls.some((c) => (c[1] as RequestInit | undefined)?.method === 'POST')).toBe(false)
    w.unmount()
  })
})

describe('permissions on the programme pages', () => {
  const router = () =>
    createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', component: { template: '<div/>' } }, { path: '/programmes/:id', name: 'programme', component: { template: '<div/>' } }],
    })
  const list = { items: [{ id: 1, key: 'yq', version: 1, name: '埇桥区农村电商优化升级工作方案', document_number: '埇政办秘〔2019〕38号', region_code: '341302', targets: 13, tasks: 17 }], total: 1, page: 1, page_size: 20 }

  it('shows the upload button only with programme:edit', async () => {
    mockFetch({ 'GET /api/v1/programmes': list })
    const w = mount(ProgrammesView, { global: { plugins: [router()] } })
    await settle()
    expect(w.find('.programme-upload').exists()).toBe(true)
    expect(w.find('.programme-link').text()).toBe('埇桥区农村电商优化升级工作方案')
    useAuthStore().user = { permissions: ['programme:read'] } as unknown as User
    await settle()
    expect(w.find('.programme-upload').exists()).toBe(false)
  })

  it('offers 填报进展 only to editors; readers see the notes that exist', async () => {
    const row = { number: 1, text: 't', lead_units: ['区商务局'], coordinating_units: [], deadline: null, deadline_text: '', due: null, status: 'not_started' as const, overdue: false, notes: 0, last_note: '' }
    const rows = [row, { ...row, number: 2, notes: 3, last_note: '已完成选址' }]
    const reader = mount(TaskTable, { props: { rows, canEdit: false } })
    await settle()
    expect(reader.findAll('.el-table__body .task-notes').map((b) => b.text())).toEqual(['3 条进展'])
    expect(reader.find('.el-table__body .task-no-notes').text()).toBe('暂无进展记录')
    const editor = mount(TaskTable, { props: { rows, canEdit: true } })
    await settle()
    expect(editor.findAll('.el-table__body .task-notes').map((b) => b.text())).toEqual(['填报进展', '3 条进展'])
  })
})
