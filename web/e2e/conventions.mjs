// End-to-end steps of the RuoYi console conventions (issue 26 item 10), run by run.mjs after the
// sales block: page tabs (three pages open three tabs, one closes, a page's search form survives a
// tab switch, the tabs come back after F5, none at 390 px), the column chooser (a hidden column
// stays hidden after F5, then the default columns come back), and 导出选中 (two ticked entities
// of three exported: the workbook holds exactly those two rows).

import { readFile } from 'node:fs/promises'
import { readXlsx } from './xlsx.mjs'
import { apiHelpers, usccWithCheck } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, state: { town }, adminPassword } */
export async function conventionSteps(ctx) {
  const { step, expect, shot, BASE, login } = ctx
  const page = ctx.page()
  const { apiLogin, post, makeUser } = apiHelpers(ctx)
  const s = {}
  const tabPaths = () => page.locator('.tabs-bar .page-tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))
  const heads = () => page.locator('.entities-page .dt-table thead th').allInnerTexts()

  await step('conventions: a county clerk with three entities of one name opens the console', async () => {
    const u = await makeUser('tabs', 'county_staff', '县商务局业务员')
    const csrf = await apiLogin(u.username, u.password)
    const stamp = Date.now().toString(36).toUpperCase().replace(/[IOZSV]/g, 'C').slice(-4).padStart(4, '0')
    s.prefix = '页签测试' + stamp
    s.names = ['甲', '乙', '丙'].map((x) => `${s.prefix}${x}电商`)
    for (let i = 0; i < 3; i++) {
      await post(csrf, '/entities', { uscc: usccWithCheck(`91341302MA3${stamp}${i}00`.slice(0, 17)), name: s.names[i], kind: '企业', region_code: ctx.state.town.code })
    }
    await ctx.context.clearCookies()
    await login(u.username, u.password)
    await page.waitForURL(BASE + '/')
    expect((await tabPaths()).join() === '/', 'a fresh session has only the home tab: ' + (await tabPaths()).join())
  })

  await step('conventions: three pages open three tabs; closing one goes to its neighbour', async () => {
    await page.locator('.app-aside .menu .el-sub-menu__title', { hasText: '主体与网销' }).click()
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '经营主体' }).click()
    await page.locator('.entities-page .dt-table').waitFor()
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '网络销售台账' }).click()
    await page.locator('.sales-page .dt-table').waitFor()
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '网销统计' }).click()
    await page.waitForURL(/\/sales\/summary$/)
    expect((await tabPaths()).join() === '/,/entities,/sales,/sales/summary', 'tabs: ' + (await tabPaths()).join())
    const active = await page.locator('.tabs-bar .page-tab.is-active').innerText()
    expect(active.includes('网销统计'), 'the current tab is titled in Chinese: ' + active)
    await shot('90-tabs-three')
    await page.locator('.tabs-bar .page-tab[data-path="/sales/summary"] .page-tab-close').click()
    await page.waitForURL(/\/sales$/)
    expect((await tabPaths()).join() === '/,/entities,/sales', 'after closing: ' + (await tabPaths()).join())
  })

  await step('conventions: a tab keeps its search form while another tab is shown', async () => {
    await page.locator('.tabs-bar .page-tab[data-path="/entities"]').click()
    await page.waitForURL(/\/entities$/)
    await page.locator('#f-ent-q').fill(s.prefix)
    await page.locator('.entities-page .dt-search').click()
    await page.locator('.entities-page .el-pagination__total', { hasText: '共 3 条' }).waitFor()
    await page.locator('.tabs-bar .page-tab[data-path="/sales"]').click()
    await page.locator('.sales-page .dt-table').waitFor()
    await page.locator('.tabs-bar .page-tab[data-path="/entities"]').click()
    await page.locator('.entities-page .dt-table').waitFor()
    expect((await page.locator('#f-ent-q').inputValue()) === s.prefix, 'the keyword was lost on return')
    expect((await page.locator('.entities-page .el-table__row').count()) === 3, 'the search result was lost on return')
  })

  await step('conventions: a column hidden from the chooser stays hidden after F5, with the tabs', async () => {
    expect((await heads()).some((h) => h.includes('统一社会信用代码')), 'no USCC column to hide: ' + (await heads()).join('|'))
    await page.locator('.entities-page .dt-columns').click()
    const panel = page.locator('.dt-columns-panel:visible')
    await panel.locator('.dt-column-option[data-key="uscc"]').click()
    await page.waitForFunction(() => ![...document.querySelectorAll('.entities-page thead th')].some((th) => th.textContent.includes('统一社会信用代码')))
    await shot('91-column-hidden')
    await page.reload()
    await page.locator('.entities-page .el-table__row').first().waitFor()
    expect(!(await heads()).some((h) => h.includes('统一社会信用代码')), 'USCC column back after reload: ' + (await heads()).join('|'))
    expect((await heads()).some((h) => h.includes('主体名称')), 'other columns stay: ' + (await heads()).join('|'))
    expect((await tabPaths()).join() === '/,/entities,/sales', 'tabs after reload: ' + (await tabPaths()).join())
  })

  await step('conventions: 导出选中 exports exactly the two ticked rows', async () => {
    await page.locator('#f-ent-q').fill(s.prefix)
    await page.locator('.entities-page .dt-search').click()
    await page.locator('.entities-page .el-pagination__total', { hasText: '共 3 条' }).waitFor()
    const button = page.locator('.entities-page .export-selected')
    expect((await button.innerText()).includes('导出选中 (0)') && (await button.isDisabled()), 'nothing ticked: ' + (await button.innerText()))
    const pick = [s.names[0], s.names[2]]
    for (const name of pick) await page.locator('.entities-page .el-table__row', { hasText: name }).locator('.dt-select .el-checkbox').click()
    await page.locator('.entities-page .export-selected', { hasText: '导出选中 (2)' }).waitFor()
    await shot('92-two-selected')
    const dl = page.waitForEvent('download')
    await button.click()
    const file = await dl
    expect(/^经营主体名录_\d{4}-\d{2}-\d{2}\.xlsx$/.test(file.suggestedFilename()), 'file name: ' + file.suggestedFilename())
    const { rows } = readXlsx(await readFile(await file.path()))
    const header = rows[0].map((c) => c?.value)
    const nameAt = header.indexOf('主体名称')
    const names = rows.slice(1).map((r) => r[nameAt]?.value).sort()
    expect(rows.length === 3, `header + 2 rows expected, got ${rows.length} rows: ${names.join(', ')}`)
    expect(names.join() === [...pick].sort().join(), 'exported: ' + names.join(', '))
    const shops = header.indexOf('网店数')
    expect(rows[1][shops]?.type === 'number', 'counts are numbers in the selected export too')
  })

  await step('conventions: the default columns come back; no tab bar at 390 px', async () => {
    await page.locator('.entities-page .dt-columns').click()
    await page.locator('.dt-columns-panel:visible .dt-columns-reset').click()
    await page.waitForFunction(() => [...document.querySelectorAll('.entities-page thead th')].some((th) => th.textContent.includes('统一社会信用代码')))
    await page.setViewportSize({ width: 390, height: 844 })
    await page.locator('.tabs-bar').waitFor({ state: 'detached' })
    await shot('m90-no-tabs-390')
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('.tabs-bar').waitFor()
  })
}
