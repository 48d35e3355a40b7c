import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ImportDialog from './ImportDialog.vue'
import { mockFetch, settle } from '@/test-utils'
import { useAuthStore } from '@/stores/auth'
import { configureClient } from '@/api/client'
import { resetSite } from '@/utils/site'

interface Sent {
  url: string
  headers: Record<string, string>
  form: FormData
}
let sent: Sent[] = []
let answer: { status: number; body: Blob; headers: Record<string, string> }
const downloads: string[] = []

class FakeXHR {
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  status = 0
  response: Blob | null = null
  responseType = ''
  withCredentials = false
  private url = ''
  private headers: Record<string, string> = {}
  open(_m: string, url: string) {
    this.url = url
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v
  }
  getResponseHeader(k: string) {
    return answer.headers[k] ?? null
  }
  send(form: FormData) {
    sent.push({ url: this.url, headers: this.headers, form })
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 } as ProgressEvent)
      this.status = answer.status
      this.response = answer.body
      this.onload?.()
    }, 0)
  }
}

function xlsx(name = 'sales.xlsx', size = 10) {
  return new File([new Uint8Array(size)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}

beforeEach(() => {
  resetSite()
  sent = []
  downloads.length = 0
  vi.stubGlobal('XMLHttpRequest', FakeXHR)
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }))
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download)
  })
  const auth = useAuthStore()
  auth.csrfToken = 'tok123'
  configureClient({ getCsrfToken: () => auth.csrfToken })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** The URLs fetched, apart from the dialog's own GET /site (its upload limit). */
function calls(f: ReturnType<typeof mockFetch>): string[] {
  return f.mock.calls.map((c) => String(c[0])).filter((u) => u !== '/api/v1/site')
}

function open(props: Record<string, unknown> = {}) {
  return mount(ImportDialog, {
    props: { modelValue: false, uploadUrl: '/entities/import', templateUrl: '/entities/import/template', ...props },
    attachTo: document.body,
  })
}

describe('ImportDialog', () => {
  it('downloads the template from its URL', async () => {
    const f = mockFetch({ 'GET /api/v1/entities/import/template': () => new Response('t') })
    const w = open({ templateName: '经营主体模板.xlsx' })
    await w.setProps({ modelValue: true })
    await settle()
    ;(document.body.querySelector('.import-template-btn') as HTMLElement).click()
    await settle()
    expect(calls(f)).toEqual(['/api/v1/entities/import/template'])
    expect(downloads).toEqual(['经营主体模板.xlsx'])
    w.unmount()
  })

  it('rejects files that are not xlsx or too large', async () => {
    const w = open({ maxSizeMb: 1 })
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; fileError: string; file: File | null }
    vm.pick(xlsx('a.csv'))
    expect(vm.fileError).toBe('请选择 .xlsx 文件')
    vm.pick(xlsx('big.xlsx', 2 * 1024 * 1024))
    expect(vm.fileError).toBe('文件超过 1 MB')
    expect(vm.file).toBeNull()
    w.unmount()
  })

  it('uploads with the CSRF header, reports progress and shows the result', async () => {
    answer = { status: 200, body: new Blob([JSON.stringify({ imported: 12, failed: 0 })]), headers: { 'Content-Type': 'application/json' } }
    const w = open({ fields: { period: '2026-10' } })
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void>; progress: number }
    vm.pick(xlsx())
    await vm.start()
    await settle()
    expect(sent[0].url).toBe('/api/v1/entities/import')
    expect(sent[0].headers['X-CSRF-Token']).toBe('tok123')
    expect((sent[0].form.get('file') as File).name).toBe('sales.xlsx')
    expect(sent[0].form.get('period')).toBe('2026-10')
    expect(vm.progress).toBe(100)
    expect(document.body.querySelector('.import-result')!.textContent).toContain('成功 12 行，失败 0 行')
    expect(w.emitted('done')).toHaveLength(1)
    expect(document.body.querySelector('.import-errors-btn')).toBeNull()
    w.unmount()
  })

  it('offers the error workbook from a URL in the answer', async () => {
    answer = {
      status: 200,
      body: new Blob([JSON.stringify({ imported: 10, failed: 2, error_workbook_url: '/api/v1/imports/5/errors.xlsx' })]),
      headers: { 'Content-Type': 'application/json' },
    }
    const f = mockFetch({ 'GET /api/v1/imports/5/errors.xlsx': () => new Response('e', { headers: { 'Content-Disposition': 'attachment; filename="errors-5.xlsx"' } }) })
    const w = open()
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void> }
    vm.pick(xlsx())
    await vm.start()
    await settle()
    expect(document.body.querySelector('.import-result')!.textContent).toContain('失败 2 行')
    ;(document.body.querySelector('.import-errors-btn') as HTMLElement).click()
    await settle()
    expect(calls(f)).toEqual(['/api/v1/imports/5/errors.xlsx'])
    expect(downloads).toEqual(['errors-5.xlsx'])
    w.unmount()
  })

  it('saves an error workbook answered as a file', async () => {
    answer = {
      status: 422,
      body: new Blob(['PK..']),
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="bad-rows.xlsx"' },
    }
    const w = open()
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void> }
    vm.pick(xlsx())
    await vm.start()
    await settle()
    ;(document.body.querySelector('.import-errors-btn') as HTMLElement).click()
    expect(downloads).toEqual(['bad-rows.xlsx'])
    w.unmount()
  })

  it('keeps no result when the server refuses the file, and says why inside the dialog', async () => {
    answer = { status: 413, body: new Blob([JSON.stringify({ code: 'payload_too_large', message: '文件过大', field: 'file' })]), headers: { 'Content-Type': 'application/json' } }
    const w = open()
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void>; result: unknown; progress: number }
    vm.pick(xlsx())
    await vm.start()
    await settle()
    expect(vm.result).toBeNull()
    expect(w.emitted('done')).toBeUndefined()
    expect(vm.progress).toBe(0) // not left at 100% as if it had worked
    expect(document.body.querySelector('.import-error')!.textContent).toBe('文件超过 8 MB')
    w.unmount()
  })

  it('shows an unreadable file refused by the server beside the file, not in a toast', async () => {
    const reason = '第3行含有无法识别的字符：文件既不是UTF-8也不是GBK编码，请另存为“CSV UTF-8”'
    answer = { status: 400, body: new Blob([JSON.stringify({ code: 'invalid_argument', message: reason, field: 'file' })]), headers: { 'Content-Type': 'application/json' } }
    const w = open({ accept: ['.xlsx', '.csv'] })
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void> }
    vm.pick(new File(['x'], 'a.csv'))
    await vm.start()
    await settle()
    expect(document.body.querySelector('.import-error')!.textContent).toBe('文件未导入：' + reason)
    expect(document.body.querySelector('.el-message')).toBeNull()
    w.unmount()
  })

  it('promises and checks the size the server accepts (GET /site), not a fixed 20 MB', async () => {
    mockFetch({ 'GET /api/v1/site': { demo: false, demo_generated_on: null, upload_limit_bytes: 3 * 1024 * 1024 } })
    const w = open()
    await w.setProps({ modelValue: true })
    await settle(3)
    expect(document.body.querySelector('.file-drop-hint')!.textContent).toContain('不超过 3 MB')
    const vm = w.vm as unknown as { pick: (f: File) => void; fileError: string }
    vm.pick(xlsx('big.xlsx', 3 * 1024 * 1024))
    expect(vm.fileError).toBe('文件超过 3 MB')
    w.unmount()
  })

  it('offers "update existing records" when asked and sends it only when ticked', async () => {
    answer = {
      status: 200,
      body: new Blob([JSON.stringify({ rolled_back: false, rows_total: 3, rows_imported: 3, rows_rejected: 0, rows_updated: 2, errors: [] })]),
      headers: { 'Content-Type': 'application/json' },
    }
    const w = open({ updatable: true })
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void> }
    vm.pick(xlsx())
    await vm.start()
    await settle()
    expect(sent[0].form.get('update_existing')).toBeNull()
    ;(document.body.querySelector('.import-update-existing input') as HTMLInputElement).click()
    await settle()
    await vm.start()
    await settle()
    expect(sent[1].form.get('update_existing')).toBe('true')
    expect(document.body.querySelector('.import-counts')!.textContent).toBe('读取 3 行，导入 3 行（其中更新已登记的 2 行）')
    w.unmount()
  })

  it('counts a partly imported file and says a GBK csv was converted', async () => {
    answer = {
      status: 200,
      body: new Blob([JSON.stringify({ rolled_back: false, rows_total: 5, rows_imported: 3, rows_rejected: 1, rows_already_imported: 1, encoding: 'GBK', errors: [], error_workbook: '/api/v1/imports/errors/9' })]),
      headers: { 'Content-Type': 'application/json' },
    }
    const w = open({ accept: ['.xlsx', '.csv'] })
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void> }
    vm.pick(new File(['x'], 'a.csv'))
    await vm.start()
    await settle()
    const box = document.body.querySelector('.import-result')!
    expect(box.querySelector('.import-counts')!.textContent).toBe('读取 5 行：导入 3 行，1 行有错未导入（另有 1 行此前已导入）')
    expect(box.querySelector('.import-encoding')!.textContent).toContain('GBK')
    expect(box.querySelector('.import-fix-hint')).not.toBeNull()
    w.unmount()
  })
  it('accepts csv when asked, sends the chosen mode and reads the ImportResult of docs/API.md', async () => {
    answer = {
      status: 200,
      body: new Blob([JSON.stringify({
        batch_id: null, already_imported: false, rolled_back: true, rows_total: 3, rows_imported: 0, rows_rejected: 1,
        errors: [{ row: 3, column: '统一社会信用代码', reason: '校验码错误' }], error_report_id: 7, error_workbook: '/api/v1/imports/errors/7',
      })]),
      headers: { 'Content-Type': 'application/json' },
    }
    const f = mockFetch({ 'GET /api/v1/imports/errors/7': () => new Response('e', { headers: { 'Content-Disposition': 'attachment; filename="import-errors-7.xlsx"' } }) })
    const w = open({ accept: ['.xlsx', '.csv'], modes: true })
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void>; fileError: string; mode: string }
    vm.pick(xlsx('a.txt'))
    expect(vm.fileError).toBe('请选择 .xlsx / .csv 文件')
    vm.pick(new File(['a,b\n'], 'sales.CSV', { type: 'text/csv' }))
    expect(vm.fileError).toBe('')
    expect(document.body.querySelector('.import-input')!.getAttribute('accept')).toContain('.csv')
    ;(document.body.querySelector('.import-mode-valid input') as HTMLInputElement).click()
    await settle()
    expect(vm.mode).toBe('valid-only')
    await vm.start()
    await settle()
    expect(sent[0].form.get('mode')).toBe('valid-only')
    const box = document.body.querySelector('.import-result')!
    // all-or-nothing: the 2 fine rows are said to be fine, not lost in "0 imported"
    expect(box.querySelector('.import-counts')!.textContent).toBe('读取 3 行：2 行无误，1 行有错')
    expect(box.querySelector('.import-rolled-back')).not.toBeNull()
    expect(box.querySelector('.el-alert__title')!.textContent).toBe('未导入')
    const cells = [...box.querySelectorAll('.import-error-rows tbody td')].map((td) => td.textContent)
    expect(cells).toEqual(['3', '统一社会信用代码', '校验码错误'])
    ;(box.querySelector('.import-errors-btn') as HTMLElement).click()
    await settle()
    expect(calls(f)).toEqual(['/api/v1/imports/errors/7'])
    expect(downloads).toEqual(['import-errors-7.xlsx'])
    w.unmount()
  })

  it('says so when the same file was imported before and sends no mode unless offered', async () => {
    answer = {
      status: 200,
      body: new Blob([JSON.stringify({ batch_id: 4, already_imported: true, rolled_back: false, rows_total: 2, rows_imported: 0, rows_rejected: 0, errors: [], error_report_id: null, error_workbook: null })]),
      headers: { 'Content-Type': 'application/json' },
    }
    const w = open()
    await w.setProps({ modelValue: true })
    const vm = w.vm as unknown as { pick: (f: File) => void; start: () => Promise<void> }
    vm.pick(xlsx())
    await vm.start()
    await settle()
    expect(sent[0].form.get('mode')).toBeNull()
    expect(document.body.querySelector('.import-mode')).toBeNull()
    expect(document.body.querySelector('.import-update')).toBeNull()
    expect(document.body.querySelector('.import-already')!.textContent).toContain('已导入过')
    expect(document.body.querySelector('.import-errors-btn')).toBeNull()
    w.unmount()
  })
})
