// Award pages: fen/percent formatting on the digits, rule badges, diff rows, the explanation of a
// line, which version buttons show, and the page itself against a mocked API in the shapes of
// src/award/award_json.cc (evaluate → expand a line; approve refused → the server's message shown).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { jsonResponse, mockFetch, settle } from '@/test-utils'
import { configureClient } from '@/api/client'
import { useAuthStore } from '@/stores/auth'
import type { User } from '@/api'
import type { AwardDiff, AwardLine, AwardList, AwardRule, Explanation, RuleOutcome } from './api'
import AwardExplanation from './AwardExplanation.vue'
import AwardsView from './AwardsView.vue'
import { canApprove, canPropose, codeWords, diffRows, explanationRows, metricValue, percent, periodYears, quotaText, ruleBadges, yuan, type Words } from './logic'

// The page's words in Chinese mode, as useAwardWords builds them from the dictionaries.
const zh: Words = {
  ...codeWords,
  metric: (c) => ({ uplink_online_sales: '农产品上行网络销售额' })[c] ?? c,
  subject: (k) => ({ entity: '经营主体', brand: '品牌' })[k] ?? k,
  tag: (g) => ({ poverty_county: '贫困县' })[g] ?? g,
  tier: (n) => `第${n}档`,
}

const ex = (over: Partial<Explanation> = {}): Explanation => ({
  status: 'payable', rule_name: '电商企业分档奖励', rule_text: '超1000万元……分档奖励', source: '二（二）, l.79-85',
  amount_type: 'tiers',
  metrics: [{ metric: 'uplink_online_sales', value: 1200000001, unit: 'fen', record_ids: [11, 12], comparator: '>', threshold: 1000000000, threshold_set_locally: false }],
  tier: { index: 1, from: 1000000000, to: 2000000000, amount_fen: 50000000 },
  percent_bp: null, percent_of: null, percent_base: null, base_fen: 50000000,
  multipliers: [{ region_tag: 'poverty_county', uplift_bp: 2000, applied: true }, { region_tag: 'dabie_old_area', uplift_bp: 2000, applied: false }],
  after_uplift_fen: 60000000, cap_fen: 100000000, cap_applied: false, floor_fen: null, floor_applied: false,
  set_locally: true, set_by: '埇桥区商务局', local_reference: '埇商〔2019〕8号', frequency: 'once',
  payable_after_acceptance: false, region_code: '341302100000', payee_entity_id: 7, note: '', ...over,
})
const line = (over: Partial<AwardLine> = {}): AwardLine => ({
  subject_kind: 'entity', subject_id: 7, subject_name: '埇桥区丰收电商有限公司', rule_id: 'R02', amount_fen: 60000000, explanation: ex(), ...over,
})
const list = (over: Partial<AwardList> = {}): AwardList => ({
  id: 3, programme_id: 2, programme_key: 'yongqiao-2019', scope_code: '341302000000', period: '2019', version: 1, status: 'proposed',
  line_count: 1, payable_count: 1, total_fen: 60000000, content_sha256: 'ab', rules: [], created_by: 5, created_at: 0,
  proposed_by: 5, proposed_at: 0, approved_by: null, approved_at: null, superseded_by: null, ...over,
})
const rule = (over: Partial<AwardRule> = {}): AwardRule => ({
  id: 'R02', name: '年网销额超1000万元农村电商企业一次性分档奖励', kind: 'reward', subject: 'entity',
  eligibility: [{ metric: 'uplink_online_sales', period: 'year', comparator: '>', threshold: { value: 1000, unit: '万元', value_normalized: 1000000000, base_unit: 'fen' }, text: '' }],
  region_tags: [], amount: { type: 'tiers', value: null, percent: null, of: '', up_to: true, tiers: 'set_locally', cap: { value: 100, unit: '万元', value_normalized: 100000000, base_unit: 'fen' }, floor: null },
  multipliers: [], frequency: 'once', payable_after_acceptance: false, set_locally: [{ setting: 'tiers', note: '档次未给' }], flags: ['enterprise'],
  local: null, text: '给予单个企业100万元以内的一次性分档奖励', source: '二（二）, l.79-85', ...over,
})

describe('award logic', () => {
  it('formats fen and basis points on the digits, never through floating point', () => {
    expect(yuan(60000000)).toBe('600,000.00')
    expect(yuan(1)).toBe('0.01')
    expect(yuan(-29)).toBe('-0.29')
    expect(yuan(null)).toBe('—') // a flagged line has no amount: not 0.00
    expect(yuan(9007199254740991)).toBe('90,071,992,547,409.91')
    expect(percent(2000)).toBe('20%')
    expect(percent(500)).toBe('5%')
    expect(percent(1234)).toBe('12.34%')
    expect(percent(5)).toBe('0.05%')
    expect(metricValue(50000001, 'us_cent')).toBe('500,000.01 美元')
    expect(metricValue(8550, 'centi_point')).toBe('85.50 分')
  })

  it('badges a rule: open tiers, local values, no data source before and after evaluation', () => {
    expect(ruleBadges(rule())).toEqual(['open'])
    const local = { set_by: '区商务局', decided_on: '2019-05-01', reference: '埇商8号', tiers: [], value: null, percent: null, threshold: null }
    expect(ruleBadges(rule({ local }))).toEqual(['local'])
    expect(ruleBadges(rule({ subject: 'project', set_locally: [] }))).toEqual(['no_data_source'])
    // stations and designations have their modules now: no badge before the evaluation says so
    expect(ruleBadges(rule({ subject: 'station', set_locally: [] }))).toEqual([])
    expect(ruleBadges(rule({ subject: 'demonstration', set_locally: [] }))).toEqual([])
    const outcome: RuleOutcome = { rule_id: 'R01', rule_name: '', subject: 'project', status: 'no_data_source', reason: '项目数据尚未接入', candidates: 0, lines: 0, payable_fen: 0 }
    expect(ruleBadges(rule({ subject: 'project', set_locally: [] }), outcome)).toEqual(['no_data_source'])
    expect(ruleBadges(rule(), { ...outcome, status: 'evaluated' })).toEqual(['open'])
  })

  it('turns a diff into rows with old, new and the difference in fen', () => {
    const diff: AwardDiff = {
      entries: [
        { change: 'changed', rule_id: 'R02', subject_kind: 'entity', subject_id: 7, subject_name: '丰收', old_amount_fen: 50000000, new_amount_fen: 60000000, old_status: 'payable', new_status: 'payable' },
        { change: 'removed', rule_id: 'R02', subject_kind: 'entity', subject_id: 8, subject_name: '旧户', old_amount_fen: 10, new_amount_fen: null, old_status: 'payable', new_status: null },
        { change: 'added', rule_id: 'R03', subject_kind: 'brand', subject_id: 2, subject_name: '符离集', old_amount_fen: null, new_amount_fen: null, old_status: null, new_status: 'needs_local_setting' },
      ],
      unchanged: 4, old_total_fen: 50000010, new_total_fen: 60000000,
    }
    const rows = diffRows(diff, zh)
    expect(rows.map((r) => [r.change, r.old_amount, r.new_amount, r.delta])).toEqual([
      ['changed', '500,000.00', '600,000.00', '+100,000.00'],
      ['removed', '0.10', '—', '-0.10'],
      ['added', '—', '—', '—'], // 待地方设定 on the new side, nothing before: no difference to show
    ])
    expect(rows[0].subject).toBe('丰收（经营主体）')
    expect(rows[2].subject).toBe('符离集（品牌）')
    expect(new Set(rows.map((r) => r.key)).size).toBe(3)
    expect(diffRows(null)).toEqual([])
  })

  it('explains a line in computation order and leaves out parts it did not use', () => {
    const rows = explanationRows(ex(), zh)
    expect(rows.map((r) => r.label)).toEqual(['rule', 'text', 'metric', 'tier', 'base', 'uplift', 'uplift', 'afterUplift', 'cap', 'local'])
    expect(rows[2]).toEqual({ label: 'metric', value: '农产品上行网络销售额 12,000,000.01 元（> 10,000,000.00 元）', records: [11, 12] })
    // tier.index is 1-based: the first tier is 第1档, never #2
    expect(rows[3].value).toBe('第1档 [10,000,000.00, 20,000,000.00) → 500,000.00 元')
    expect(rows[5].value).toBe('贫困县 +20%（采用）')
    expect(rows[6].value).toContain('未采用')
    expect(rows[8].value).toBe('1,000,000.00 元')
    const flagged = explanationRows(ex({ status: 'needs_local_setting', tier: null, base_fen: null, multipliers: [], after_uplift_fen: null, cap_fen: null, set_locally: false, note: '档次待地方设定' }))
    expect(flagged.map((r) => r.label)).toEqual(['rule', 'text', 'metric', 'note'])
    const beyond = explanationRows(ex({ status: 'beyond_quota', tier: null, base_fen: null, multipliers: [], after_uplift_fen: null, cap_fen: null, set_locally: false, note: '第3名，超出择优名额2个', quota: { places: 2, rank: 3, tied: 1, within: false } }))
    expect(beyond.slice(-2)).toEqual([
      { label: 'quota', value: '第3名，名额 2 个，未入选' },
      { label: 'note', value: '第3名，超出择优名额2个' },
    ])
    expect(quotaText({ places: 2, rank: 2, tied: 2, within: false })).toBe('第2名（2个并列），名额 2 个，未入选')
  })

  it('shows propose to county staff on a draft and approve only to another finance user', () => {
    const county = (p: string) => ['award:read', 'award:propose'].includes(p)
    const finance = (p: string) => ['award:read', 'award:approve'].includes(p)
    expect(canPropose(list({ status: 'draft' }), county)).toBe(true)
    expect(canPropose(list({ status: 'draft' }), finance)).toBe(false)
    expect(canPropose(list({ status: 'approved' }), county)).toBe(false)
    expect(canApprove(list(), 9, finance)).toBe(true)
    expect(canApprove(list(), 5, finance)).toBe(false) // own list
    expect(canApprove(list({ proposed_by: 9 }), 9, finance)).toBe(false)
    expect(canApprove(list({ status: 'approved' }), 9, finance)).toBe(false)
    expect(canApprove(list(), 9, county)).toBe(false)
  })

  it('offers the years of the programme period', () => {
    expect(periodYears('2019-01-01', '2020-12-31')).toEqual(['2019', '2020'])
    expect(periodYears(null, null, new Date(2026, 5, 1))).toEqual(['2026'])
  })
})

describe('award components', () => {
  beforeEach(() => {
    const auth = useAuthStore()
    auth.csrfToken = 'tok7'
    auth.user = { id: 9, region_code: '341302000000', permissions: ['programme:read', 'award:read', 'award:evaluate', 'award:approve'] } as unknown as User
    configureClient({ getCsrfToken: () => auth.csrfToken })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('renders the explanation with the ledger record ids', () => {
    const w = mount(AwardExplanation, { props: { explanation: ex() } })
    const text = w.text()
    expect(text).toContain('依据数据')
    expect(text).toContain('#11, #12')
    expect(text).toContain('封顶')
    expect(text).toContain('埇桥区商务局')
  })

  it('evaluates, expands a line, and shows the server refusal when approval is denied', async () => {
    let evaluated: Record<string, unknown> | null = null
    mockFetch({
      'GET /api/v1/programmes': { items: [{ id: 2, key: 'yongqiao-2019', version: 1, name: '埇桥区实施方案', document_number: '', region_code: '341302000000', targets: 0, tasks: 0 }], total: 1, page: 1, page_size: 100 },
      'GET /api/v1/programmes/2': { db_id: 2, version: 1, id: 'yongqiao-2019', name: '埇桥区实施方案', region: { region_code: '341302000000', region_name: '埇桥区' }, period: { start: '2019-01-01', end: '2019-12-31', note: '' }, phases: [], targets: [], tasks: [], award_rules: [rule(), rule({ id: 'R01', subject: 'project', set_locally: [] })] },
      'GET /api/v1/dicts/award_metrics': [{ value: 'uplink_online_sales', label: '农产品上行网络销售额' }],
      'GET /api/v1/dicts/award_subjects': [{ value: 'entity', label: '经营主体' }, { value: 'project', label: '建设项目' }],
      'GET /api/v1/dicts/region_tags': [{ value: 'poverty_county', label: '贫困县' }],
      'GET /api/v1/awards/lists': { items: [list()], total: 1, page: 1, page_size: 50 },
      'POST /api/v1/awards/evaluate': (_u: URL, init: RequestInit) => {
        evaluated = JSON.parse(String(init.body))
        return { items: [line()], total: 1, page: 1, page_size: 20, programme_id: 2, programme_key: 'yongqiao-2019', scope_code: '341302000000', period: '2019', total_fen: 60000000, needs_local_setting_count: 2, rules: [{ rule_id: 'R01', rule_name: '', subject: 'project', status: 'no_data_source', reason: '项目模块尚未接入', candidates: 0, lines: 0, payable_fen: 0 }], approved_list_id: null, diff: { entries: [], unchanged: 0, old_total_fen: 0, new_total_fen: 60000000 } }
      },
      'POST /api/v1/awards/lists/3/approve': jsonResponse({ code: 'forbidden', message: '不能审核自己编制或提交的清单', field: '' }, 403),
    })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/awards', name: 'awards', component: AwardsView }] })
    await router.push('/awards?programme=2')
    const w = mount(AwardsView, { global: { plugins: [router] }, attachTo: document.body })
    await settle(6)
    const rules = w.find('[data-test="award-rules"]').text()
    expect(rules).toContain('二（二）, l.79-85')
    expect(rules).toContain('待地方设定')
    expect(rules).toContain('暂无数据来源')
    // words, not codes: the metric, comparator, subject kind and flag as a clerk reads them
    expect(rules).toContain('农产品上行网络销售额 > 1000万元')
    expect(rules).toContain('经营主体')
    expect(rules).toContain('限企业')
    expect(rules).not.toMatch(/uplink_online_sales|enterprise|\bentity\b|\bproject\b/)
    await w.find('.aw-evaluate').trigger('click')
    await settle(6)
    expect(evaluated).toEqual({ programme_id: 2, period: '2019' })
    expect(w.find('[data-test="award-rules"]').text()).toContain('项目模块尚未接入') // the outcome's reason
    expect(w.find('.aw-lines').text()).toContain('600,000.00')
    expect(w.find('.aw-lines').text()).toContain('埇桥区丰收电商有限公司（经营主体）')
    expect(w.find('.aw-lines').text()).not.toContain('#7')
    // 应付合计 says lines are waiting rather than look complete
    expect(w.find('.aw-total .aw-waiting').text()).toContain('另有 2 行待地方设定')
    await w.find('.aw-lines .el-table__expand-icon').trigger('click')
    await settle()
    expect(w.find('[data-test="award-explanation"]').text()).toContain('#11, #12')
    await w.find('.aw-approve').trigger('click')
    await settle(3)
    // 审核通过 freezes a list of money: it asks first
    const box = document.querySelector('.el-message-box')
    expect(box?.textContent).toContain('审核通过后清单冻结')
    ;(document.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement).click()
    await settle(6)
    expect(w.find('.aw-error').text()).toContain('不能审核自己编制或提交的清单')
    w.unmount()
  })
})
