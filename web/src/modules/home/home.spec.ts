// The home page as a work page (issue 26 item 11): to-dos with counts linking to the filtered
// page, key figures only when the server gives them (county staff), a provider that failed shown
// as one line, English words from the locale, with GET /home/work mocked in the shape of
// src/home/work_handler.cc.
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { cleanUp, mockFetch, settle, signIn } from '@/test-utils'
import { i18n } from '@/locales'
import HomeView from './HomeView.vue'
import type { HomeWork } from './api'

afterEach(() => {
  cleanUp()
  i18n.global.locale.value = 'zh-CN'
})

const router = () =>
  createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div/>' } }] })

const county: HomeWork = {
  todos: [
    { module: 'programme', module_title: '实施方案', key: 'programme.overdue_to_chase', label: '逾期任务待督办', count: 4, severity: 'danger', link: '/programmes/3?tab=lagging' },
    { module: 'reporting', module_title: '指标填报', key: 'reporting.to_confirm', label: '待确认的指标填报', count: 2, severity: 'warning', link: '/reports?status=pending' },
  ],
  figures: [
    { module: 'programme', key: 'programme.targets_behind', label: '滞后目标', value: 7, unit: '项', link: '/programmes/3?tab=lagging' },
    { module: 'sales', key: 'sales.online_year', label: '网络销售额（2019年）', value: 12345.678, unit: '万元', link: '/sales/summary' },
  ],
  errors: [{ module: 'award', module_title: '奖补', provider: 'lists', message: '超时（超过 3000 毫秒未答复）' }],
}

async function mountHome(work: HomeWork) {
  signIn({ username: 'clerk', display_name: '县商务局', roles: ['county_staff'], permissions: [] } as never)
  mockFetch({ 'GET /api/v1/home/work': work })
  const w = mount(HomeView, { global: { plugins: [router()] } })
  await settle()
  return w
}

describe('home page to-dos', () => {
  it('lists each to-do with its count and link, the key figures and a failed provider', async () => {
    const w = await mountHome(county)
    const items = w.findAll('.todo-item')
    expect(items.map((i) => i.find('.todo-label').text())).toEqual(['逾期任务待督办', '待确认的指标填报'])
    expect(items.map((i) => i.find('.todo-count').text())).toEqual(['4 项', '2 项'])
    expect(items[1].find('a').attributes('href')).toBe('/reports?status=pending')
    const figures = w.findAll('.figure')
    expect(figures.map((f) => f.find('.figure-label').text())).toEqual(['滞后目标', '网络销售额（2019年）'])
    expect(figures[1].find('.figure-value').text()).toBe('12,345.68万元')
    expect(w.find('.todo-errors').text()).toContain('奖补（超时（超过 3000 毫秒未答复））')
  })

  it('shows a town clerk their own to-dos and no key figures; says so when nothing waits', async () => {
    const w = await mountHome({
      todos: [{ module: 'programme', module_title: '实施方案', key: 'programme.town_unreported', label: '本乡镇待填报的任务进展', count: 9, severity: 'warning', link: '/programmes/3?tab=tasks' }],
      figures: [],
      errors: [],
    })
    expect(w.find('.todo-label').text()).toBe('本乡镇待填报的任务进展')
    expect(w.find('.home-figures').exists()).toBe(false)
    expect(w.find('.todo-errors').exists()).toBe(false)
    const empty = await mountHome({ todos: [], figures: [], errors: [] })
    expect(empty.find('.todo-none').text()).toBe('暂无待办事项，今天可以按计划推进工作。')
  })

  it('reads in English in English mode, keeping the year of a figure', async () => {
    i18n.global.locale.value = 'en'
    const w = await mountHome(county)
    expect(w.find('.todo-label').text()).toBe('Overdue tasks to chase up')
    expect(w.findAll('.figure-label').map((f) => f.text())).toEqual(['Targets behind', 'Online sales 2019'])
  })
})
