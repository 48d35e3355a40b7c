import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { settle } from '@/test-utils'
import StatusHistory from './StatusHistory.vue'

const rows = [
  { from: null, to: 'planned', to_label: '规划中', date: '2024-01-02', reason: '', document_no: '', recorded_by: '张三', recorded_at: '' },
  { from: 'planned', to: 'building', to_label: '建设中', date: '2024-03-01', reason: '开工', document_no: '埇商〔2024〕12号', recorded_by: '李四', recorded_at: '' },
]

describe('StatusHistory', () => {
  it('lists each change with the module\'s status labels, the reason and the document', async () => {
    const labels: Record<string, string> = { planned: '规划中', building: '建设中' }
    const w = mount(StatusHistory, {
      props: { rows, statusText: (s: string) => labels[s] ?? s, documentLabel: '决定文件文号' },
      attachTo: document.body,
    })
    await settle()
    const text = w.text()
    expect(text).toContain('状态变更记录')
    expect(text).toContain('决定文件文号')
    expect(text).toContain('埇商〔2024〕12号')
    expect(text).toContain('建设中')
    expect(text).toContain('开工')
    // The registration row has no previous status.
    expect(text).toContain('—')
  })
})
