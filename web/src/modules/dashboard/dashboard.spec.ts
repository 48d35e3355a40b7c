// The monitoring screen (issue 25): figures in the reader's unit with their as-of line, 暂无数据
// (never 0) for a figure without data, the tile grid's colours (grey for no data), the map's
// points, and the screen itself mounted on a mocked GET /dashboard/{region} in the shape of
// src/dashboard/api/dashboard_json.cc.
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { cleanUp, mockFetch, settle, signIn } from '@/test-utils'
import FigurePanel from './FigurePanel.vue'
import ScreenView from './ScreenView.vue'
import ScreenMap from './ScreenMap.vue'
import type { Figure, Ranking, Screen } from './api'
import { NO_DATA_COLOUR, asOfLine, asOfTitle, countdown, extent, formatValue, points, previousMonth, showFigure, tileColour, tileGrid } from './logic'
import { rankingOption, trendOption, wan } from './charts'

afterEach(cleanUp)

const fig = (over: Partial<Figure>): Figure => ({
  key: 'sales_ytd', label: '本年累计网络销售额', indicator: 'rural_online_sales', params: { direction: 'all' }, unit: 'fen',
  from: '2023-01-01', to: '2023-11-30', status: 'ok', value: 150100000, numerator: null, denominator: null,
  source: 'sales ledger', reason: '', as_of: 1700000000000, ...over,
})

describe('figures as the screen shows them', () => {
  it('gives money in 万元 or 亿元, rates in %, counts and person-times', () => {
    expect(formatValue('fen', 150100000)).toEqual({ text: '150.10', unit: '万元' })
    expect(formatValue('fen', 25e10)).toEqual({ text: '25.00', unit: '亿元' })
    expect(formatValue('basis_point', 3333)).toEqual({ text: '33.33', unit: '%' })
    expect(formatValue('centi', 250)).toEqual({ text: '2.50', unit: '' })
    expect(formatValue('person_time', 12000)).toEqual({ text: '12,000', unit: '人次' })
    expect(formatValue('count', 7)).toEqual({ text: '7', unit: '个' })
  })

  it('says 暂无数据 for a figure without data, never 0', () => {
    expect(showFigure(fig({ status: 'no_data', value: null }))).toEqual({ text: '暂无数据', unit: '' })
    expect(showFigure(fig({ status: 'no_data', value: 0 })).text).toBe('暂无数据')
    expect(formatValue('fen', null).text).toBe('暂无数据')
  })

  it('writes the period end and the Beijing time of the measurement', () => {
    expect(asOfLine(fig({}))).toBe('截至 2023-11-30')
    expect(asOfLine(fig({ stored: true }))).toBe('截至 2023-11-30 · 06:13')
    expect(asOfTitle(fig({}))).toBe('截至 2023-11-30，更新于 2023-11-15 06:13')
    expect(countdown(61_000)).toBe('01:01')
    expect(previousMonth('2025-01')).toBe('2024-12')
    expect(previousMonth('2025-11')).toBe('2025-10')
  })
})

describe('the tile grid and the point map', () => {
  it('lays out n tiles wider than tall and colours no data grey', () => {
    expect(tileGrid(38, 1.6)).toEqual({ cols: 8, rows: 5 })
    expect(tileGrid(100, 1.6).cols * tileGrid(100, 1.6).rows).toBeGreaterThanOrEqual(100)
    expect(tileGrid(0)).toEqual({ cols: 1, rows: 1 })
    expect(tileColour(null, 0, 10)).toBe(NO_DATA_COLOUR)
    expect(tileColour(0, 0, 10)).not.toBe(NO_DATA_COLOUR)
    expect(tileColour(10, 0, 10)).toBe('#2ed19b')
    expect(extent([null, 3, 9, undefined])).toEqual({ min: 3, max: 9 })
  })

  it('places records with coordinates and counts the others', () => {
    const p = points([
      { name: '甲站', lat: '33.7', lng: '116.9' },
      { name: '乙站', lat: null, lng: null },
    ])
    expect(p.data).toEqual([[116.9, 33.7, '甲站']])
    expect(p.without).toBe(1)
  })
})

describe('chart options', () => {
  it('draws money trends in 万元 and keeps a month without data empty', () => {
    const o = trendOption({ months: ['2023-10', '2023-11'], series: [{ key: 'sales_month', label: '本月网络销售额', unit: 'fen', values: [null, 100000] }], as_of: 0 })
    expect(o.series[0].data).toEqual([null, 0.1])
    expect(wan(150100000)).toBe(150.1)
  })

  it('ranks only children with data', () => {
    const rows: Ranking['items'] = [
      { rank: 1, region_code: '341302000000', region_name: '埇桥区', figures: { sales_ytd: { status: 'ok', value: 150100000, numerator: null, denominator: null, unit: 'fen', reason: '' } } },
      { rank: null, region_code: '341321000000', region_name: '砀山县', figures: { sales_ytd: { status: 'no_data', value: null, numerator: null, denominator: null, unit: 'fen', reason: '无数据' } } },
    ]
    const o = rankingOption(rows, 'sales_ytd')
    expect(o.yAxis.data).toEqual(['1. 埇桥区'])
    expect(o.series[0].data).toEqual([150.1])
  })
})

const screen: Screen = {
  region: { code: '341302000000', name: '埇桥区', level: 'county' },
  children_level: 'town',
  month: '2023-11',
  as_of: 1700000000000,
  as_of_text: '2023-11-14T22:13:20.000Z',
  panels: ['sales', 'uplink', 'entities', 'stations', 'training', 'logistics', 'products', 'designation', 'households'].map((key) => ({
    key,
    title: key,
    figures: key === 'sales' ? [fig({}), fig({ key: 'sales_yoy', status: 'no_data', value: null, reason: '上年同期为0，无法计算同比' })] : [fig({ key: key + '_x', status: 'no_data', value: null, reason: '尚无数据来源' })],
  })),
  funds: { status: 'no_data', reason: '辖区内尚未登记专项资金', funds: 0, categories: [], total: { code: '', name: '合计', planned_fen: 0, committed_fen: 0, advanced_fen: 0, paid_fen: 0 }, as_of: 1 },
  programme: { status: 'no_data', reason: '辖区内尚未载入实施方案', programmes: [], programmes_total: 0, lagging: [], as_of: 1 },
  trends: { months: ['2023-11'], series: [], as_of: 1 },
}
const ranking: Ranking = { items: [], total: 0, page: 1, page_size: 200, by: 'sales_ytd', month: '2023-11', as_of: 1, keys: ['sales_ytd'] }

describe('the screen', () => {
  it('shows one figure panel per registry panel, the raw value for checks and 暂无数据 with its reason', async () => {
    const w = mount(FigurePanel, { props: { panel: screen.panels[0] } })
    const figs = w.findAll('.figure')
    expect(figs[0].attributes('data-value')).toBe('150100000')
    expect(figs[0].find('.figure-value').text()).toBe('150.10万元')
    expect(figs[1].find('.figure-value').text()).toBe('暂无数据')
    expect(figs[1].attributes('title')).toBe('上年同期为0，无法计算同比')
  })

  it('loads the region of the path and says why funds and programme are empty', async () => {
    signIn({ username: 'clerk', region_code: '341302000000', permissions: ['dashboard:read'] } as never)
    const fetch = mockFetch({ 'GET /api/v1/dashboard/341302000000': screen, 'GET /api/v1/dashboard/341302000000/ranking': ranking })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/screen/:region?', component: ScreenView }, { path: '/:any(.*)*', component: { template: '<div/>' } }] })
    await router.push('/screen/341302000000')
    const w = mount(ScreenView, { global: { plugins: [router], stubs: { EChart: true } } })
    await settle()
    expect(fetch).toHaveBeenCalled()
    expect(w.find('.dash-title').text()).toContain('埇桥区')
    expect(w.findAll('.figure-panel').length).toBe(9)
    expect(w.find('[data-panel="funds"]').text()).toContain('辖区内尚未登记专项资金')
    expect(w.find('[data-panel="programme"]').text()).toContain('暂无数据')
    expect(w.find('.dash-next').text()).toMatch(/\d\d:\d\d/)
    w.unmount()
  })
})

describe('the point map', () => {
  it('draws stations and the located entities of the region, counting those without a position', async () => {
    signIn({ username: 'clerk', region_code: '341302000000', permissions: ['dashboard:read', 'station:read', 'entity:read'] } as never)
    const asked: string[] = []
    mockFetch({
      'GET /api/v1/stations': (u: URL) => {
        asked.push(u.pathname + u.search)
        return { items: [{ name: '符离站', lat: '33.7', lng: '117.0' }, { name: '无坐标站', lat: null, lng: null }], total: 2, page: 1, page_size: 200 }
      },
      'GET /api/v1/entities': (u: URL) => {
        asked.push(u.pathname + u.search)
        return u.searchParams.get('located') === '1'
          ? { items: [{ name: '符离电商', lat: '33.645200', lng: '116.964400' }], total: 1, page: 1, page_size: 200 }
          : { items: [{ name: '芦岭合作社', lat: null, lng: null }], total: 4, page: 1, page_size: 1 }
      },
    })
    const w = mount(ScreenMap, { props: { region: '341302100000', ranking: null, labels: {}, fontSize: 16, tick: 0 }, global: { stubs: { EChart: true } } })
    await w.find('.map-mode[data-mode="points"]').trigger('click')
    await settle(6)
    expect(w.find('.map-body').attributes('data-layers')).toBe('服务站点:1,经营主体:1')
    expect(w.find('.map-note').text()).toContain('5 个点位无坐标') // 1 station + 4 entities
    // the region of the screen and the located filter go to the server (its scope check applies)
    expect(asked).toContain('/api/v1/entities?region_code=341302100000&page=1&page_size=200&located=1')
    expect(asked).toContain('/api/v1/entities?region_code=341302100000&located=0&page_size=1')
    w.unmount()
  })
})
