// 地方设定 (issue 16 item 3): the form logic and the page with the API mocked in the shapes of
// src/programme/api/local_handlers.cc.
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { cleanUp, formErrorsShown, jsonResponse, mockFetch, settle, signIn } from '@/test-utils'
import type { LocalChange, LocalItem, LocalItems } from './api'
import { editFrom, formField, formFor, mergeWithPending, splitQty, summary } from './local'
import LocalSettingsView from './LocalSettingsView.vue'

afterEach(cleanUp)

const r02: LocalItem = {
  kind: 'award_rule', item_id: 'R02', name: '年网销额超1000万元农村电商企业一次性分档奖励', setting: 'tiers', field: 'tiers', settable: true,
  note: '“100万元以内的一次性分档奖励”，档次未给', cap: '100万元', seed_percent: null, text: '…', source: '二（二）, l.79-85', local: null,
}
const r06amount: LocalItem = { ...r02, item_id: 'R06', name: '区级示范村奖励', setting: 'amount', field: 'value', cap: '3万元', note: '具体金额未给' }
const r06elig: LocalItem = { ...r06amount, setting: 'eligibility', field: 'threshold', note: '择优评定的名额与排序规则未给' }
const fund: LocalItem = { ...r02, kind: 'fund', item_id: 'provincial_ecommerce_fund', name: '省级电子商务发展专项资金', setting: 'open', field: '', settable: false, cap: null, note: '方案未列金额' }

const pendingChange = (over: Partial<LocalChange> = {}): LocalChange => ({
  id: 7, programme_key: 'yongqiao_2019_upgrade', base_programme_id: 3, status: 'pending',
  values: [{ rule_id: 'R06', set_by: '区商务局', decided_on: '2020-03-02', reference: '埇商〔2020〕8号', value: '2万元' }],
  created_by: 11, created_by_name: '县商务局甲', created_at: '2020-03-03T02:00:00Z', approved_by_name: '', approved_at: null,
  result_programme_id: null, can_approve: false, ...over,
})

const page = (over: Partial<LocalItems> = {}): LocalItems => ({
  total: 4, page: 1, page_size: 100, items: [r02, r06amount, r06elig, fund],
  programme_id: 3, key: 'yongqiao_2019_upgrade', version: 1, latest_programme_id: 3,
  local_version: { programme_id: 3, version: 1, change_id: null, approved_by_name: '', rules: [], stages: [], references: [], label: '第1版（无地方设定）' },
  changes: [], ...over,
} as LocalItems)

describe('local settings form logic', () => {
  it('splits and writes quantities as the programme file does', () => {
    expect(splitQty('1000万元')).toEqual({ num: '1000', unit: '万元' })
    expect(splitQty('3%', '%')).toEqual({ num: '3', unit: '%' })
    expect(splitQty(null)).toEqual({ num: '', unit: '万元' })
  })

  it('sends only the open fields of the rule, empty bounds left out', () => {
    const f = formFor([r02, r06amount], 'R02')
    expect(f.fields).toEqual(['tiers'])
    expect(f.tiers).toHaveLength(2)
    Object.assign(f, { set_by: ' 区商务局 ', reference: '埇商〔2020〕8号', decided_on: '2020-03-02' })
    f.tiers[0].from.num = '1000'
    f.tiers[0].to.num = '3000'
    f.tiers[0].amount.num = '50'
    f.tiers[1].from.num = '3000'
    f.tiers[1].amount.num = '100'
    f.value.num = '9' // not open for R02: never sent
    expect(editFrom(f)).toEqual({
      rule_id: 'R02', set_by: '区商务局', reference: '埇商〔2020〕8号', decided_on: '2020-03-02',
      tiers: [{ from: '1000万元', to: '3000万元', amount: '50万元' }, { from: '3000万元', amount: '100万元' }],
    })
  })

  it('a threshold on a station assessment score is written in 分 (003 R03), a money one in 万元/元', () => {
    const r03elig: LocalItem = { ...r06elig, item_id: 'R03', name: '电商服务站点择优扶持', metric: 'station_assessment_score', cap: null }
    const f = formFor([r03elig], 'R03')
    expect(f.thresholdUnits).toEqual(['分'])
    expect(f.threshold.unit).toBe('分')
    Object.assign(f, { set_by: '市商务局', reference: '天商〔2021〕3号', decided_on: '2021-05-06' })
    f.threshold.num = '80'
    expect(editFrom(f)).toEqual({ rule_id: 'R03', set_by: '市商务局', reference: '天商〔2021〕3号', decided_on: '2021-05-06', threshold: '80分' })
    expect(formFor([{ ...r06elig, metric: 'online_sales' }], 'R06').thresholdUnits).toEqual(['万元', '元'])
  })

  it('a workflow stage left open gets its deadline in working days', () => {
    const stage: LocalItem = { ...fund, kind: 'workflow_stage', item_id: 'rectification', name: 'rectification', setting: 'deadline', field: 'working_days', settable: true, note: '期限未定（限期整改）' }
    const f = formFor([stage], 'rectification', undefined, { set_by: '市商务局', decided_on: '2019-06-01', reference: '六商〔2019〕12号', working_days: 15 })
    expect(f.stage).toBe(true)
    expect(f.fields).toEqual(['working_days'])
    expect(f.working_days).toBe('15')
    f.working_days = '10'
    expect(editFrom(f)).toEqual({ stage: 'rectification', set_by: '市商务局', decided_on: '2019-06-01', reference: '六商〔2019〕12号', working_days: 10 })
    expect(summary(editFrom(f))).toBe('期限 10 个工作日')
    expect(formField('values[0].working_days', 0)).toBe('working_days')
  })

  it('keeps the other rules of the pending change and puts an error on the edited value', () => {
    const edit = { rule_id: 'R02', set_by: 'x', decided_on: '2020-03-02', reference: 'y', tiers: [{ amount: '1万元' }] }
    const { values, index } = mergeWithPending(pendingChange(), edit)
    expect(values.map((v) => v.rule_id)).toEqual(['R06', 'R02'])
    expect(index).toBe(1)
    expect(mergeWithPending(pendingChange({ status: 'approved' }), edit).values).toHaveLength(1)
    expect(formField('values[1].tiers[1]', 1)).toBe('tiers.1')
    expect(formField('values[1].reference', 1)).toBe('reference')
    expect(formField('values[0].reference', 1)).toBe('')
    expect(summary(edit)).toBe('全部：1万元')
  })
})

describe('local settings page', () => {
  const router = () =>
    createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/programmes/:id/local', name: 'programme-local', component: LocalSettingsView },
        { path: '/programmes/:id', name: 'programme', component: { template: '<div/>' } },
      ],
    })
  async function mountAt(path: string) {
    const r = router()
    await r.push(path)
    const w = mount(LocalSettingsView, { global: { plugins: [r] }, attachTo: document.body })
    await settle(6)
    return { w, r }
  }

  it('lists every open item; the county user fills R02 tiers and a cap refusal lands on the tier', async () => {
    signIn({ id: 11, permissions: ['programme:read', 'programme:local:edit'] })
    let sent: unknown = null
    mockFetch({
      'GET /api/v1/programmes/3/local': page(),
      'POST /api/v1/programmes/3/local': (_u: URL, init: RequestInit) => {
        sent = JSON.parse(String(init.body))
        return jsonResponse({ code: 'invalid_argument', field: 'values[0].tiers[1]', message: 'R02 第2档：local.tier.amount 150万元 超过方案上限 100万元', errors: [] }, 400)
      },
    })
    const { w } = await mountAt('/programmes/3/local')
    const rows = w.findAll('[data-test="local-items"] .el-table__body tr')
    expect(rows).toHaveLength(4)
    expect(rows[0].text()).toContain('不超过 100万元')
    expect(rows[0].text()).toContain('待地方设定')
    expect(rows[3].text()).toContain('方案未给出（此处仅列示）')
    expect(rows[3].find('.pl-fill').exists()).toBe(false)
    await rows[0].find('.pl-fill').trigger('click')
    await settle()
    const dlg = document.body.querySelector('.local-form-dialog')!
    expect(dlg.querySelectorAll('.pl-tier')).toHaveLength(2)
    const vm = w.vm as unknown as { form: { set_by: string; reference: string; decided_on: string; tiers: Array<{ from: { num: string }; amount: { num: string } }> } }
    Object.assign(vm.form, { set_by: '区商务局', reference: '埇商〔2020〕8号', decided_on: '2020-03-02' })
    vm.form.tiers[0].from.num = '1000'
    vm.form.tiers[0].amount.num = '50'
    vm.form.tiers[1].from.num = '3000'
    vm.form.tiers[1].amount.num = '150'
    ;(dlg.querySelector('.pl-submit') as HTMLButtonElement).click()
    await settle()
    await formErrorsShown()
    expect(sent).toEqual({ values: [{ rule_id: 'R02', set_by: '区商务局', decided_on: '2020-03-02', reference: '埇商〔2020〕8号', tiers: [{ from: '1000万元', amount: '50万元' }, { from: '3000万元', amount: '150万元' }] }] })
    const tier2 = dlg.querySelector('.pl-tier[data-tier="1"]')!
    expect(tier2.querySelector('.el-form-item__error')?.textContent).toContain('超过方案上限 100万元')
    expect(dlg.querySelector('.pl-tier[data-tier="0"] .el-form-item__error')).toBeNull()
  })

  it('who decided, the document number and its date are required before sending', async () => {
    signIn({ id: 11, permissions: ['programme:read', 'programme:local:edit'] })
    const f = mockFetch({ 'GET /api/v1/programmes/3/local': page() })
    const { w } = await mountAt('/programmes/3/local')
    await w.findAll('[data-test="local-items"] .el-table__body tr')[1].find('.pl-fill').trigger('click')
    await settle()
    const dlg = document.body.querySelector('.local-form-dialog')!
    ;(dlg.querySelector('.pl-submit') as HTMLButtonElement).click()
    await formErrorsShown()
    expect(dlg.querySelectorAll('.el-form-item__error').length).toBe(3)
    expect(f.mock.calls.filter(([, i]) => (i as RequestInit)?.method === 'POST')).toHaveLength(0)
  })

  it('the submitter sees no approve button; a second user approves and is taken to the new version', async () => {
    signIn({ id: 11, permissions: ['programme:read', 'programme:local:edit', 'programme:local:approve'] })
    mockFetch({ 'GET /api/v1/programmes/3/local': page({ changes: [pendingChange()] }) })
    const { w } = await mountAt('/programmes/3/local')
    expect(w.find('[data-test="local-pending"]').text()).toContain('R06')
    expect(w.find('.pl-approve').exists()).toBe(false)
    expect(w.find('.pl-own').text()).toContain('须由另一位')
    cleanUp()

    signIn({ id: 12, permissions: ['programme:read', 'programme:local:approve'] })
    mockFetch({
      'GET /api/v1/programmes/3/local': page({ changes: [pendingChange({ can_approve: true })] }),
      'POST /api/v1/programmes/local-changes/7/approve': pendingChange({ status: 'approved', result_programme_id: 4, programme: { id: 4, key: 'yongqiao_2019_upgrade', version: 2, created: true } }),
      'GET /api/v1/programmes/4/local': page({ programme_id: 4, version: 2, latest_programme_id: 4, local_version: { programme_id: 4, version: 2, change_id: 7, approved_by_name: '财政乙', rules: ['R06'], stages: [], references: ['埇商〔2020〕8号'], label: '第2版（地方设定变更 #7：R06，埇商〔2020〕8号）' } }),
    })
    const second = await mountAt('/programmes/3/local')
    expect(second.w.findAll('.pl-fill')).toHaveLength(0) // no programme:local:edit
    await second.w.find('.pl-approve').trigger('click')
    await settle(8)
    expect(second.r.currentRoute.value.params.id).toBe('4')
    expect(second.w.find('.pl-version').text()).toContain('第2版（地方设定变更 #7')
  })
})
