// 跟踪服务 page (FollowUpView): the list of trainees due for a follow-up with its badge, the
// county's rule in words, and the rule form only for holders of training:settings; the API is
// mocked in the shapes of src/training/api/followup_routes.cc.
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { cleanUp, mockFetch, settle, signIn } from '@/test-utils'
import FollowUpView from './FollowUpView.vue'

afterEach(cleanUp)

const settings = { county_code: '341302000000', kinds: ['opened_shop', 'employed'], months: 12, reminder_days: 90, reference: '', is_default: true, updated_at: null }
const due = {
  total: 1, page: 1, page_size: 20,
  items: [{ trainee_id: 7, name: '李芳', region_code: '341302101203', region_name: '芦岭村民委员会', session_id: 3, session_name: '第1期', course_id: 2, course_title: '网店运营培训', level: 'beginner', starts_on: '2023-06-01', ends_on: '2023-06-02', days_since_end: 166 }],
}
const kinds = [{ value: 'opened_shop', label: '开设网店' }, { value: 'employed', label: '电商企业就业' }, { value: 'leader', label: '认定为电商带头人' }]

describe('follow-up page', () => {
  it('town staff see who is due with a badge and the county rule, without the form', async () => {
    signIn({ id: 5, permissions: ['training:read'] })
    mockFetch({ 'GET /api/v1/training/settings': settings, 'GET /api/v1/training/followups/due': due, 'GET /api/v1/dicts/training_outcome_kinds': kinds })
    const w = mount(FollowUpView, { attachTo: document.body })
    await settle(8)
    expect(w.text()).toContain('李芳')
    expect(w.text()).toContain('166')
    expect(w.find('.tf-badge sup').text()).toBe('1')
    expect(w.find('.tf-rule').text()).toContain('开设网店、电商企业就业')
    expect(w.find('.tf-rule').text()).toContain('90 天')
    expect(w.find('.tf-form').exists()).toBe(false)
  })

  it('county staff save the rule: the kinds ticked, window and reminder days', async () => {
    signIn({ id: 6, permissions: ['training:read', 'training:settings'] })
    let sent: Record<string, unknown> | null = null
    mockFetch({
      'GET /api/v1/training/settings': settings,
      'GET /api/v1/training/followups/due': due,
      'GET /api/v1/dicts/training_outcome_kinds': kinds,
      'PUT /api/v1/training/settings': (_u: URL, init: RequestInit) => {
        sent = JSON.parse(String(init.body))
        return { ...settings, ...sent, is_default: false }
      },
    })
    const w = mount(FollowUpView, { attachTo: document.body })
    await settle(8)
    expect(w.find('.tf-form').exists()).toBe(true)
    const vm = w.vm as unknown as { form: { kinds: string[]; months: number; reminder_days: number } }
    vm.form.kinds.push('leader')
    vm.form.months = 6
    await w.find('.tf-form').trigger('submit')
    await settle(4)
    expect(sent).toEqual({ kinds: ['opened_shop', 'employed', 'leader'], months: 6, reminder_days: 90, reference: '' })
    expect(w.find('.tf-rule').text()).not.toContain('默认口径')
  })
})
