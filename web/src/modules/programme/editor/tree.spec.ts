// The editor's tree helpers: what the clerk sees of the checker's errors and of a version's changes.
import { describe, expect, it } from 'vitest'
import { emptyProgramme, errorsAt, friendlyErrors, errorsWithin, nextId, pathWords, prepareTree, renumberTasks, sectionOf, valueText } from './tree'
import { fileCode } from './words'

const errors = [
  { path: 'targets[1]', line: 20, message: '单位 人次 不适用于指标' },
  { path: 'targets[1].text', line: 20, message: 'target 缺少字段 text' },
  { path: 'targets[10]', line: 90, message: 'x' },
  { path: 'tasks[0].lead_units', line: 40, message: 'task 缺少字段 lead_units' },
  { path: 'period', line: 9, message: '期限无效' },
  { path: 'workflow.stages[0]', line: 99, message: 'stage 无效' },
]

describe('errors on the forms', () => {
  it('takes an item and what is inside it, not its neighbours with a longer index', () => {
    expect(errorsWithin(errors, 'targets[1]').map((e) => e.path)).toEqual(['targets[1]', 'targets[1].text'])
    expect(errorsAt(errors, 'targets[1]')).toEqual(['单位 人次 不适用于指标'])
  })
  it('asks for a missing field in words, keeps other messages as the checker wrote them', () => {
    const out = friendlyErrors(errors, (k) => `请填写${k === 'text' ? '原文' : k}`)
    expect(out[1].message).toBe('请填写原文')
    expect(out[0].message).toBe('单位 人次 不适用于指标')
  })
  it('counts each error on the tab of its section', () => {
    expect(errors.map((e) => sectionOf(e.path))).toEqual(['targets', 'targets', 'targets', 'tasks', 'header', 'other'])
  })
})

describe('new items', () => {
  it('numbers targets and rules with the first free id after their count and tasks 1..N', () => {
    expect(nextId([{ id: 'T01' }, { id: 'T03' }], 'T')).toBe('T04')
    expect(nextId([{ id: 'T02' }], 'T')).toBe('T03')
    const tasks = [{ number: '3' }, { number: '1' }]
    renumberTasks(tasks)
    expect(tasks.map((t) => t.number)).toEqual(['1', '2'])
  })
  it('starts a programme in the clerk’s own county, code as a file writes it', () => {
    const p = emptyProgramme({ name: '埇桥区', code: fileCode('341302000000') })
    expect(p.region).toEqual({ name: '埇桥区', code: '341302' })
    expect(fileCode('341302001000')).toBe('341302001')
    expect(fileCode('340000000000')).toBe('34')
  })
})

describe('a loaded file', () => {
  it('gets the lists the forms bind to and quantities as one text', () => {
    const t = prepareTree({
      id: 'x', region: '埇桥区', targets: [{ id: 'T01' }],
      award_rules: [{ id: 'R01', amount: { type: 'fixed', value: { value: '100', unit: '万元' } } }],
    })
    expect(t.targets[0].params).toEqual({})
    expect(t.tasks).toEqual([])
    expect(t.fund_plan.funds).toEqual([])
    expect(t.region).toEqual({ name: '埇桥区', code: '' })
    expect(t.award_rules[0].amount.value).toBe('100万元')
    expect(t.award_rules[0].eligibility).toEqual([])
  })
})

describe('a version’s changes in words', () => {
  const label = (k: string) => ({ targets: '目标', value: '数值', phases: '实施阶段', name: '名称', award_rules: '奖补规则', amount: '金额', tiers: '档次' })[k] ?? k
  it('names keyed items by their key and positional ones by ordinal', () => {
    expect(pathWords('targets[T01].value', label)).toBe('目标 T01 · 数值')
    expect(pathWords('phases[#2].name', label)).toBe('实施阶段 第2项 · 名称')
    expect(pathWords('award_rules[R02].amount.tiers[#1].amount', label)).toBe('奖补规则 R02 · 金额 · 档次 第1项 · 金额')
  })
  it('shows values as text', () => {
    expect(valueText(['区商务局', '区财政局'])).toBe('区商务局、区财政局')
    expect(valueText(null)).toBe('–')
    expect(valueText(true)).toBe('是')
    expect(valueText({ id: 'T02', text: '新增主体' })).toBe('新增主体')
  })
})
