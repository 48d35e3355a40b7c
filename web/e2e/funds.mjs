// End-to-end steps of the funds pages (issue 21), run by run.mjs after the training block. The
// admin creates a finance_staff user through the API; in the console the user registers a fund
// with a category plan (an empty name lands on its field first), records the first tranche, adds
// a project and commits money to it, sees a forbidden purpose refused on its field, reverses
// the tranche's double (a second arrival) and sees it struck through, reads the constraint panel
// and the balance sheet, adjusts a category's plan (below what is approved is refused on its
// field), opens the reclaims tab, and verifies the ledger. The fund's page fits a 390 px screen.

import { apiHelpers } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function fundSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const s = {}
  const { makeUser } = apiHelpers(ctx)
  const fundName = '省级电商专项资金' + Date.now().toString(36).slice(-4)

  // The select's box, not its input: with a value chosen the input has no width to click.
  async function pickOption(selectId, text) {
    await page.locator('.el-select', { has: page.locator(selectId) }).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
  }
  async function fillDate(selector, value) {
    await page.locator(selector).fill(value)
    await page.locator(selector).press('Enter')
  }

  await step('funds: a finance user is created through the API', async () => {
    Object.assign(s, await makeUser('fin', 'finance_staff', '县财政局资金专员'))
  })

  await step('funds: a fund is registered with its category plan', async () => {
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '专项资金' }).click()
    await page.waitForURL(/\/funds$/)
    await page.locator('.fund-add').click()
    const dlg = page.locator('.fund-dialog')
    await dlg.waitFor()
    await dlg.locator('.fund-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '资金名称' }).waitFor()
    await dlg.locator('#fund-name').fill(fundName)
    await dlg.locator('#fund-amount').fill('15000000')
    await fillDate('#fund-from', '2019-01-01')
    await fillDate('#fund-to', '2021-12-31')
    await dlg.locator('#fund-document').fill('皖财建〔2019〕1号')
    await dlg.locator('.cat-add').click()
    await dlg.locator('.cat-code input').first().fill('uplink')
    await dlg.locator('.cat-name input').first().fill('农产品上行')
    await dlg.locator('.cat-planned input').first().fill('4500000')
    await dlg.locator('.fund-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.funds-page .fund-link', { hasText: fundName }).click()
    await page.waitForURL(/\/funds\/\d+$/)
    await page.locator('.fund-title', { hasText: fundName }).waitFor()
  })

  async function move(fields) {
    await page.locator('.fund-move').click()
    const dlg = page.locator('.transfer-dialog')
    await dlg.waitFor()
    await pickOption('#tr-op', fields.op)
    if (fields.category) await pickOption('#tr-category', fields.category)
    if (fields.project) await dlg.locator('#tr-project').fill(fields.project)
    await dlg.locator('#tr-amount').fill(fields.amount)
    await fillDate('#tr-date', fields.date)
    await dlg.locator('#tr-document').fill(fields.document)
    if (fields.purpose) await pickOption('#tr-purpose', fields.purpose)
    await dlg.locator('.tr-save').click()
    return dlg
  }

  await step('funds: a tranche arrives, twice by mistake, and the double is reversed', async () => {
    let dlg = await move({ op: '资金到位', amount: '10000000', date: '2019-06-01', document: '皖财建〔2019〕88号' })
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.fund-arrived', { hasText: '10,000,000.00' }).waitFor()
    dlg = await move({ op: '资金到位', amount: '10000000', date: '2019-06-02', document: '皖财建〔2019〕88号（重复）' })
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.fund-arrived', { hasText: '20,000,000.00' }).waitFor()
    const row = page.locator('.transfers-table .el-table__row').first()
    await row.locator('.tr-reverse').click()
    const rev = page.locator('.transfer-dialog')
    await rev.waitFor()
    await fillDate('#tr-date', '2019-06-03')
    await rev.locator('#tr-document').fill('更正说明2019-01')
    await rev.locator('.tr-save').click()
    await rev.waitFor({ state: 'hidden' })
    await page.locator('.fund-arrived', { hasText: '10,000,000.00' }).waitFor()
    await page.locator('.transfers-table .tr-reversed').first().waitFor()
  })

  await step('funds: a project gets money; a forbidden purpose is refused on its field', async () => {
    await page.locator('.fund-tabs .el-tabs__item', { hasText: '项目' }).click()
    await page.locator('.prj-add').click()
    const pd = page.locator('.project-dialog')
    await pd.waitFor()
    await pd.locator('#prj-key').fill('P-2019-01')
    await pd.locator('#prj-name').fill('农产品上行品牌')
    await pd.locator('.prj-save').click()
    await pd.waitFor({ state: 'hidden' })
    await page.locator('.projects-table .el-table__row', { hasText: 'P-2019-01' }).waitFor()
    const dlg = await move({ op: '安排项目资金', category: '农产品上行', project: 'P-2019-01', amount: '1000000', date: '2019-06-10', document: '埇商〔2019〕6号', purpose: '购买流量' })
    await dlg.locator('.el-form-item__error', { hasText: '购买流量' }).waitFor()
    await pickOption('#tr-purpose', '农产品上行')
    await dlg.locator('#tr-uplink').fill('100')
    await dlg.locator('#tr-uplink').blur()
    await dlg.locator('.tr-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.uplink-value', { hasText: '100.0%' }).waitFor()
    await shot('fund-detail')
  })

  await step('funds: a category plan is adjusted by a document; below what is approved is refused', async () => {
    await page.locator('.figures-table .el-table__row', { hasText: '农产品上行' }).locator('.plan-adjust').click()
    const dlg = page.locator('.plan-dialog')
    await dlg.waitFor()
    await dlg.locator('#plan-amount').fill('500000')
    await dlg.locator('#plan-document').fill('皖财建〔2019〕30号')
    await dlg.locator('#plan-reason').fill('压减')
    await dlg.locator('.plan-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '计划不能调低到' }).waitFor()
    await dlg.locator('#plan-amount').fill('5000000')
    await dlg.locator('#plan-reason').fill('追加上行品牌培育')
    await dlg.locator('.plan-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.fund-tabs .el-tabs__item', { hasText: '计划调整' }).click()
    await page.locator('.plan-changes-table .plan-after', { hasText: '5,000,000.00' }).waitFor()
  })

  await step('funds: the balance sheet and the chain check', async () => {
    await page.locator('.fund-tabs .el-tabs__item', { hasText: '账户余额' }).click()
    await page.locator('.balances-table .el-table__row', { hasText: '可用资金' }).waitFor()
    await page.locator('.fund-tabs .el-tabs__item', { hasText: '追回多付' }).click()
    await page.locator('.reclaims-table').waitFor()
    await page.locator('.fund-verify').click()
    await page.locator('.el-message--success', { hasText: '台账校验通过' }).waitFor()
  })

  await step('funds: the fund page fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('.fund-title').waitFor()
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width <= 400, `the fund page is ${width}px wide on a 390px screen`)
    await shot('fund-detail-phone')
    await page.setViewportSize({ width: 1366, height: 900 })
  })
}
