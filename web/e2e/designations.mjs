// End-to-end steps of the designation pages (issue 17 item 4), run by run.mjs after the station
// block. The admin creates, through the API, a county_staff user; in the console the user opens
// 示范创建 from the menu, goes to 择优评定 (types a 择优名额 of 1: each row says why it is in or out),
// selects the first ranked village as a candidate of the
// current year, opens it from the list, recognises it (a missing document lands on its field
// first) and sees the document in the history, uploads an evidence file, and opens the quota
// progress page. The detail fits a 390 px screen.

import { apiHelpers } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function designationSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const s = {}

  const { makeUser } = apiHelpers(ctx)

  await step('designations: a county user is created through the API', async () => {
    Object.assign(s, await makeUser('dsg', 'county_staff', '县商务局示范创建专员'))
  })

  await step('designations: 择优评定 ranks villages and selects one as a candidate', async () => {
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '示范创建' }).click()
    await page.waitForURL(/\/designations$/)
    await page.locator('.dg-ranking-link').click()
    await page.waitForURL(/\/designations\/ranking/)
    const first = page.locator('.ranking-table .el-table__row').first()
    await first.waitFor()
    s.village = (await first.locator('td').nth(1).textContent()).trim()
    // 择优名额: one place typed in; the line says so and every row says why it is in or out.
    await page.locator('#rk-quota').fill('1')
    await page.locator('#rk-quota').blur()
    await page.locator('.rk-quota-line', { hasText: '择优名额 1 个' }).waitFor()
    expect(((await first.locator('.rk-reason').textContent()) || '').trim() !== '', 'a ranked village without its reason')
    await shot('designation-ranking')
    await first.locator('.rk-select').click()
    await first.locator('.el-tag', { hasText: '候选' }).waitFor()
  })

  await step('designations: the candidate is recognised with its document', async () => {
    await page.goto(BASE + '/designations')
    const row = page.locator('.designations-page .el-table__row', { hasText: s.village }).first()
    await row.waitFor()
    await row.locator('.designation-status', { hasText: '候选' }).waitFor()
    await row.locator('.designation-link').click()
    await page.waitForURL(/\/designations\/\d+$/)
    await page.locator('.designation-title', { hasText: s.village }).waitFor()
    await page.locator('.dg-change').click()
    const dlg = page.locator('.dg-status-dialog')
    await dlg.waitFor()
    await dlg.locator('.dg-to-recognised').click()
    await dlg.locator('#dg-change-date').fill(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)) // today in Asia/Shanghai
    await dlg.locator('#dg-change-date').press('Enter')
    await dlg.locator('.dg-change-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '认定文件文号' }).waitFor()
    await dlg.locator('#dg-change-doc').fill('埇商〔2026〕7号')
    await dlg.locator('#dg-change-body').fill('埇桥区商务局')
    await dlg.locator('.dg-change-save').click()
    await page.locator('.designation-detail-page .designation-status', { hasText: '已认定' }).waitFor()
    await page.locator('.history-table .el-table__row', { hasText: '埇商〔2026〕7号' }).waitFor()
    await page.locator('.designation-document', { hasText: '埇商〔2026〕7号' }).waitFor()
  })

  await step('designations: an evidence file is uploaded and listed', async () => {
    await page.locator('.dg-file-input').setInputFiles({ name: '创建成果档案.txt', mimeType: 'text/plain', buffer: Buffer.from('示范村创建成果：网销额、带动农户名单。\n') })
    await page.locator('.files-table .file-link', { hasText: '创建成果档案.txt' }).waitFor()
    await shot('designation-detail')
  })

  await step('designations: the detail fits a 390 px screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('.designation-title').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'page wider than the screen by ' + overflow + ' px')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('designations: the quota page lists the programmes', async () => {
    await page.goto(BASE + '/designations/quotas')
    await page.locator('.quotas-page').waitFor()
    await page.locator('#qt-programme').waitFor()
    await shot('designation-quotas')
  })
}
