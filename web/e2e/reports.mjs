// End-to-end steps of manual reporting (指标填报, issue 26 item 3), run by run.mjs after the
// designation block. The admin creates two county_staff users through the API. The first opens
// 指标填报, reports 农村公路建设里程 650.5 公里 for the county and 2019Q4 with an evidence file, and
// cannot confirm it themself; the second confirms it. The seed programme's T11 (rural_road_km,
// 600 公里) then shows the value with a 填报 tag naming both, the API's progress agrees, and the
// quarterly report for 2019Q4 says in its 说明 column who reported and who confirmed.
import { apiHelpers } from './api.mjs'
import { readXlsx } from './xlsx.mjs'

const NAME = '埇桥区农村电商优化升级工作方案'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function reportSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const s = {}
  const { makeUser } = apiHelpers(ctx)
  const api = async (path) => {
    const r = await page.request.fetch(BASE + '/api/v1' + path)
    expect(r.ok(), `${path}: HTTP ${r.status()}`)
    return r
  }

  await step('reports: a reporter and a checker are created through the API', async () => {
    s.maker = await makeUser('rpa', 'county_staff', '县交通局填报员')
    s.checker = await makeUser('rpb', 'county_staff', '县商务局审核员')
  })

  await step('reports: the reporter states rural road km for 2019Q4 with evidence', async () => {
    await context.clearCookies()
    await login(s.maker.username, s.maker.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '指标填报' }).click()
    await page.waitForURL(/\/reports$/)
    await page.locator('.rp-add').click()
    const dlg = page.locator('.report-dialog')
    await dlg.waitFor()
    await dlg.locator('.rp-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '请选择指标' }).waitFor() // Chinese field errors
    await dlg.locator('#rp-indicator').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '农村公路建设里程' }).click()
    await dlg.locator('.rp-value-input .el-input-group__append', { hasText: '公里' }).waitFor()
    await dlg.locator('#rp-period').click()
    await dlg.locator('#rp-period').fill('2019Q4')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '2019Q4' }).click()
    await dlg.locator('#rp-value').fill('650.5')
    await dlg.locator('#rp-note').fill('2019年新建及改造农村公路')
    await dlg.locator('.rp-files').setInputFiles({ name: '验收统计表.txt', mimeType: 'text/plain', buffer: Buffer.from('2019年农村公路验收统计：650.5公里。\n') })
    await shot('report-form')
    await dlg.locator('.rp-save').click()
    await dlg.waitFor({ state: 'hidden' })
    const row = page.locator('.reports-page .el-table__row', { hasText: '农村公路建设里程' }).first()
    await row.locator('.report-status', { hasText: '待确认' }).waitFor()
    expect((await row.innerText()).includes('650.5 公里'), 'the list shows the value in 公里: ' + (await row.innerText()))
    await row.locator('.report-link').click()
    await page.waitForURL(/\/reports\/\d+$/)
    s.id = Number(page.url().split('/').pop())
    await page.locator('.files-table .file-link', { hasText: '验收统计表.txt' }).waitFor()
    expect(await page.locator('.rp-confirm').isDisabled(), 'the reporter must not be able to confirm their own report')
    await page.locator('.rp-note', { hasText: '须由另一人确认' }).waitFor()
  })

  await step('reports: a second person confirms it', async () => {
    await context.clearCookies()
    await login(s.checker.username, s.checker.password)
    await page.waitForURL(BASE + '/')
    await page.goto(`${BASE}/reports/${s.id}`)
    await page.locator('.report-title', { hasText: '农村公路建设里程' }).waitFor()
    await page.locator('.rp-confirm').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('.report-detail-page .report-status', { hasText: '已确认' }).waitFor()
    await page.locator('.report-decider', { hasText: '县商务局审核员' }).waitFor()
    await shot('report-confirmed')
  })

  await step('reports: the programme shows the confirmed value as 填报 with both names', async () => {
    const list = await (await api('/programmes?page_size=100')).json()
    s.programme = list.items.find((x) => x.name === NAME)
    expect(s.programme, 'seed programme not found')
    const progress = await (await api(`/programmes/${s.programme.id}/progress`)).json()
    const t11 = progress.targets.find((t) => t.indicator === 'rural_road_km')
    expect(t11.region.actual === 650500, 'progress actual in metres: ' + t11.region.actual)
    expect(t11.region.reported?.reported_by === '县交通局填报员' && t11.region.reported?.confirmed_by === '县商务局审核员', 'reported: ' + JSON.stringify(t11.region.reported))
    await page.goto(`${BASE}/programmes/${s.programme.id}`)
    const item = page.locator(`.target-item[data-target="${t11.target_id}"]`)
    await item.locator('.pl-reported', { hasText: '填报' }).waitFor()
    const text = await item.innerText()
    expect(text.includes('县交通局填报员 填报') && text.includes('县商务局审核员 确认'), 'T11 line: ' + text)
    await item.scrollIntoViewIfNeeded()
    await shot('report-in-progress')
  })

  await step('reports: the quarterly report names reporter and confirmer', async () => {
    const r = await api(`/programmes/${s.programme.id}/report?quarter=2019Q4`)
    const { text } = readXlsx(await r.body())
    expect(text.includes('填报（2019Q4）：县交通局填报员 填报，县商务局审核员 于'), 'the 目标进度 sheet does not mark the reported value')
  })
}
