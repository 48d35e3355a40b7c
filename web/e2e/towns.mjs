// End-to-end steps of town reports (issue 26 item 9), run by run.mjs after the programme block
// (which loads programmes/002_yongqiao_2019_upgrade.yaml and signs in `staff`, county staff).
// The admin creates, through the API, a town_staff user of 符离镇. On a 390 px phone the clerk
// opens task 3 of the seed plan (led by 各乡镇人民政府 and two street offices), sees 本乡镇（符离镇）
// 进展 and reports for the town; the API refuses the same clerk a note for another town. The
// county clerk then opens the same task and sees the per-town table: 符离镇 reported (推进中),
// the 26 other towns not yet.
import { apiHelpers } from './api.mjs'

const NAME = '埇桥区农村电商优化升级工作方案'
const TASK3 = '每个乡镇（街道）至少培育1个电商示范村'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, logout, adminPassword, staffPassword } */
export async function townTaskSteps(ctx) {
  const { step, expect, shot, BASE, login } = ctx
  const page = () => ctx.page()
  const { apiLogin, makeUser } = apiHelpers(ctx)
  const s = {}

  async function openTask3() {
    await page().goto(`${BASE}/programmes/${s.pid}`)
    await page().locator('.pd-tabs .el-tabs__item', { hasText: '任务分解' }).click()
    const row = page().locator('.task-table .el-table__body-wrapper .el-table__row', { hasText: TASK3 })
    await row.locator('.task-notes').click()
    const dlg = page().locator('.task-notes-dialog')
    await dlg.waitFor()
    return { row, dlg }
  }

  await step('town reports: a 符离镇 clerk reports task 3 for the own town on a phone', async () => {
    s.town = await makeUser('twn', 'town_staff', '符离镇电商专员', { region_code: '341302100000' })
    const csrf = await apiLogin(s.town.username, s.town.password)
    const list = await (await page().request.fetch(BASE + '/api/v1/programmes?page_size=100')).json()
    s.pid = list.items.find((p) => p.name === NAME)?.id
    expect(s.pid, 'seed programme not visible to the town clerk')
    const other = await page().request.post(`${BASE}/api/v1/programmes/${s.pid}/tasks/3/notes`, {
      headers: { 'X-CSRF-Token': csrf }, data: { text: '代芦岭镇填报', region: '341302101000' },
    })
    expect(other.status() === 403, 'a note for another town must be refused, got HTTP ' + other.status())
    await ctx.context.clearCookies()
    await page().setViewportSize({ width: 390, height: 844 })
    await login(s.town.username, s.town.password)
    await page().waitForURL(BASE + '/')
    const { row, dlg } = await openTask3()
    await dlg.locator('.tn-own-town', { hasText: '本乡镇（符离镇）进展' }).waitFor()
    expect((await dlg.locator('.town-progress-table').count()) === 0, 'a town clerk must not see the other towns')
    await dlg.locator('.tn-form', { hasText: '为 符离镇 填报进展' }).waitFor()
    await page().locator('#note-text').fill('符离镇已选定示范村1个、示范点1个')
    await dlg.locator('.el-radio', { hasText: '推进中' }).click()
    await dlg.locator('.note-save').click()
    await dlg.locator('.tn-note', { hasText: '符离镇已选定示范村' }).waitFor()
    await dlg.locator('.tn-own-town .town-status[data-status="in_progress"]').waitFor()
    const box = await dlg.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 391, 'report dialog wider than a 390 px screen: ' + JSON.stringify(box))
    await shot('t01-town-report-390')
    await dlg.locator('.el-dialog__headerbtn').click()
    await row.locator('.task-towns', { hasText: '乡镇填报 1/27' }).waitFor()
    await page().setViewportSize({ width: 1366, height: 768 })
    await ctx.logout()
  })

  await step('town reports: county staff sees which towns reported task 3', async () => {
    await ctx.context.clearCookies()
    await login('staff', ctx.staffPassword)
    await page().waitForURL(BASE + '/')
    const { row, dlg } = await openTask3()
    await dlg.locator('.tn-towns-title', { hasText: '已填报 1 个，未填报 26 个' }).waitFor()
    const table = dlg.locator('.town-progress-table')
    await table.locator('.el-table__row', { hasText: '符离镇' }).locator('.town-status[data-status="in_progress"]').waitFor()
    await table.locator('.el-table__row', { hasText: '符离镇' }).locator('.town-latest', { hasText: '符离镇已选定示范村' }).waitFor()
    await table.locator('.el-table__row', { hasText: '芦岭镇' }).locator('.town-status[data-status="none"]').waitFor()
    await shot('t02-towns-table')
    await dlg.locator('.el-dialog__headerbtn').click()
    await row.locator('.task-towns', { hasText: '乡镇填报 1/27' }).waitFor()
    await ctx.logout()
  })
  return s.town
}
