import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import AttachmentList from './AttachmentList.vue'
import { mockFetch, settle } from '@/test-utils'
import { configureClient } from '@/api/client'

const files = [
  { id: 1, slot: 'photo_outside', slot_label: '门头照片（外景）', filename: '门头.png', content_type: 'image/png', size: 2048, sha256: 'a', uploaded_by: '赵站长', created_at: '' },
  { id: 2, slot: 'agreement', slot_label: '承办协议', filename: '承办协议.pdf', content_type: 'application/pdf', size: 4096, sha256: 'b', uploaded_by: '县商务局', created_at: '' },
]
const slots = [
  { name: 'photo_outside', label: '门头照片（外景）', accept: '.jpg,.jpeg,.png', images: true },
  { name: 'photo_inside', label: '店内照片', accept: '.jpg,.jpeg,.png', images: true },
  { name: 'agreement', label: '承办协议', accept: '.pdf' },
]

let sent: { url: string; form: FormData }[] = []
class FakeXHR {
  upload = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  status = 0
  response: Blob | null = null
  responseType = ''
  withCredentials = false
  private url = ''
  open(_m: string, url: string) {
    this.url = url
  }
  setRequestHeader() {}
  getResponseHeader() {
    return 'application/json'
  }
  send(form: FormData) {
    sent.push({ url: this.url, form })
    setTimeout(() => {
      this.status = 201
      this.response = new Blob([JSON.stringify(files[0])])
      this.onload?.()
    }, 0)
  }
}

beforeEach(() => {
  sent = []
  vi.stubGlobal('XMLHttpRequest', FakeXHR)
  configureClient({ getCsrfToken: () => 'tok' })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('AttachmentList', () => {
  it('shows each slot: photos as previews, other files as links, empty slots said so', async () => {
    mockFetch({ 'GET /api/v1/stations/7/files': { items: files, total: 2, page: 1, page_size: 200 } })
    const w = mount(AttachmentList, { props: { base: '/stations/7', slots, canUpload: false, title: '门头照片与承办协议' }, attachTo: document.body })
    await settle()
    expect(w.findAll('.att-slot-photo_outside .att-thumb')).toHaveLength(1)
    expect(w.find('.att-slot-photo_outside img').attributes('src')).toBe('/api/v1/stations/7/files/1')
    expect(w.find('.att-slot-agreement .att-file-link').text()).toBe('承办协议.pdf')
    expect(w.find('.att-slot-photo_inside').text()).toContain('暂无文件')
    expect(w.find('.att-upload').exists()).toBe(false) // no upload without the permission
    w.unmount()
  })

  it('uploads a picked file into its slot and reloads the list', async () => {
    const f = mockFetch({ 'GET /api/v1/stations/7/files': { items: [], total: 0, page: 1, page_size: 200 } })
    const w = mount(AttachmentList, { props: { base: '/stations/7', slots, canUpload: true, title: 't' }, attachTo: document.body })
    await settle()
    const input = w.find('.att-input-photo_inside').element as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File([new Uint8Array(8)], '店内.png', { type: 'image/png' })] })
    await w.find('.att-input-photo_inside').trigger('change')
    await new Promise((r) => setTimeout(r, 5))
    await settle()
    expect(sent).toHaveLength(1)
    expect(sent[0].url).toBe('/api/v1/stations/7/files')
    expect(sent[0].form.get('slot')).toBe('photo_inside')
    expect((sent[0].form.get('file') as File).name).toBe('店内.png')
    expect(f.mock.calls.filter((c) => String(c[0]) === '/api/v1/stations/7/files?page_size=200')).toHaveLength(2)
    expect(w.emitted('changed')).toHaveLength(1)
    w.unmount()
  })
})
