// Town reports on a town-led task (issue 26 item 9): the per-town table for county staff, the own
// town's line and report form for a town clerk, with the API mocked in the shapes of
// src/programme/api/town_handlers.cc.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { jsonResponse, mockFetch, settle } from '@/test-utils'
import { configureClient } from '@/api/client'
import { useAuthStore } from '@/stores/auth'
import type { User } from '@/api'
import type { TaskTowns, TownLine } from './api'
import TaskNotesDialog from './TaskNotesDialog.vue'
import TaskTable from './TaskTable.vue'

beforeEach(() => {
  const auth = useAuthStore()
  auth.csrfToken = 'tok9'
  auth.user = { permissions: ['programme:read', 'programme:task:report'] } as unknown as User
  configureClient({ getCsrfToken: () => auth.csrfToken })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

const task = {
  number: 2, text: '每个乡镇培育电商主体', lead_units: ['区商务局', '各乡镇人民政府'], coordinating_units: [], deadline: null,
  deadline_text: '', due: '2019-12-31', status: 'in_progress' as const, overdue: false, notes: 1, last_note: '', towns_total: 25, towns_reported: 1,
}
const fuli: TownLine = {
  region_code: '341302100000', region_name: '符离镇', notes: 2, status: 'done', reported: true,
  latest: { id: 7, text: '已培育5个主体', status: 'done', author: 'fu', created_at: '2026-11-24T06:00:00Z' },
}
const luling: TownLine = { region_code: '341302101000', region_name: '芦岭镇', notes: 0, status: 'not_started', reported: false, latest: null }
const towns = (over: Partial<TaskTowns>): TaskTowns => ({
  task_number: 2, town_led: true, towns_total: 2, towns_reported: 1, can_report: true, report_region: '341302000000',
  caller_town: null, items: [fuli, luling], total: 2, page: 1, page_size: 100, ...over,
})
const notes = {
  items: [
    { id: 5, task_number: 2, text: '已部署到各乡镇', status: 'in_progress', author: 'ann', region_code: '341302000000', created_at: '2026-11-23T06:00:00Z', attachments: [] },
    { id: 7, task_number: 2, text: '已培育5个主体', status: 'done', author: 'fu', region_code: '341302100000', created_at: '2026-11-24T06:00:00Z', attachments: [] },
  ],
  total: 2, page: 1, page_size: 100,
}

describe('town reports', () => {
  it('shows county staff every leading town: who reported, who not, the latest note', async () => {
    mockFetch({ 'GET /api/v1/programmes/3/tasks/2/notes': notes, 'GET /api/v1/programmes/3/tasks/2/towns': towns({}) })
    const w = mount(TaskNotesDialog, { props: { modelValue: true, programmeId: 3, task, canEdit: true }, attachTo: document.body })
    await settle()
    const table = document.body.querySelector('.town-progress-table')!
    expect(document.body.querySelector('.tn-towns-title')!.textContent).toBe('各乡镇填报情况（已填报 1 个，未填报 1 个）')
    expect([...table.querySelectorAll('.town-name')].map((e) => e.textContent)).toEqual(['符离镇', '芦岭镇'])
    expect([...table.querySelectorAll('.town-status')].map((e) => e.textContent!.trim())).toEqual(['已完成', '未填报'])
    expect(table.querySelector('.town-latest')!.textContent).toBe('已培育5个主体')
    // the town's note in the list is labelled with its town, the county's as 县级
    expect([...document.body.querySelectorAll('.tn-region')].map((e) => e.textContent!.trim())).toEqual(['县级', '符离镇'])
    expect(document.body.querySelector('.note-save')).not.toBeNull()
    w.unmount()
  })

  it('gives a town clerk their own line and a report form for their town only', async () => {
    const posts: FormData[] = []
    mockFetch({
      'GET /api/v1/programmes/3/tasks/2/notes': { ...notes, items: notes.items.slice(0, 1), total: 1 },
      'GET /api/v1/programmes/3/tasks/2/towns': towns({ items: [luling], towns_total: 1, towns_reported: 0, total: 1, report_region: luling.region_code, caller_town: luling.region_code }),
      'POST /api/v1/programmes/3/tasks/2/notes': (_url: URL, init: RequestInit) => {
        posts.push(init.body as FormData)
        return jsonResponse({ id: 9, task_number: 2, text: 'x', status: '', author: 'lu', region_code: luling.region_code, created_at: '', attachments: [] }, 201)
      },
    })
    const w = mount(TaskNotesDialog, { props: { modelValue: true, programmeId: 3, task, canEdit: false }, attachTo: document.body })
    await settle()
    expect(document.body.querySelector('.town-progress-table')).toBeNull()
    expect(document.body.querySelector('.tn-own-town .tn-towns-title')!.textContent).toBe('本乡镇（芦岭镇）进展')
    expect(document.body.querySelector('.tn-own-town .town-status')!.textContent!.trim()).toBe('未填报')
    expect(document.body.querySelector('.tn-form label')!.textContent).toBe('为 芦岭镇 填报进展')
    ;(document.body.querySelector('#note-text') as HTMLTextAreaElement).value = '芦岭镇已培育2个主体'
    document.body.querySelector('#note-text')!.dispatchEvent(new Event('input'))
    ;(document.body.querySelector('.note-save') as HTMLButtonElement).click()
    await settle(6)
    expect(posts).toHaveLength(1)
    expect(posts[0].get('text')).toBe('芦岭镇已培育2个主体')
    expect(posts[0].get('region')).toBeNull() // the server decides the town
    w.unmount()
  })

  it('offers no form on a task no town leads to a town clerk', async () => {
    const county = { ...task, lead_units: ['区商务局'], towns_total: 0, towns_reported: 0 }
    mockFetch({ 'GET /api/v1/programmes/3/tasks/2/notes': { ...notes, items: notes.items.slice(0, 1), total: 1 } })
    const w = mount(TaskNotesDialog, { props: { modelValue: true, programmeId: 3, task: county, canEdit: false }, attachTo: document.body })
    await settle()
    expect(document.body.querySelector('.tn-form')).toBeNull()
    expect(document.body.querySelector('.town-progress-table')).toBeNull()
    w.unmount()
  })

  it('counts the towns that reported in the task table and lets a town clerk open a town-led task', async () => {
    const county = { ...task, number: 1, lead_units: ['区商务局'], notes: 0, towns_total: 0, towns_reported: 0 }
    const w = mount(TaskTable, { props: { rows: [county, { ...task, notes: 0 }], canEdit: false, canReport: true } })
    await settle()
    expect(w.findAll('.el-table__body .task-notes').map((b) => b.text())).toEqual(['填报进展'])
    expect(w.find('.el-table__body .task-towns').text()).toBe('乡镇填报 1/25')
  })
})
