// End-to-end steps of the household pages (issue 19), run by run.mjs after the designation block.
// The admin creates, through the API, a county_staff and a town_staff user of 符离镇; the town user
// registers a household through the API (willing and able). In the console the county user opens
// 贫困户登记簿 from the menu and sees the head's name masked, reveals the ID number (audited on the
// server), then opens 帮扶覆盖 (the household is not yet helped: listed under the uncovered
// households) and the purchases page. The town user sees the name unmasked. The coverage page
// fits a 390 px screen.

import { usccWithCheck } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function householdSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const COUNTY = '341302000000'
  const TOWN = '341302100000'
  const s = {}

  async function apiLogin(username, password) {
    await context.clearCookies()
    const res = await page.request.post(BASE + '/api/v1/auth/login', { data: { username, password } })
    expect(res.ok(), `API login ${username}: HTTP ${res.status()}`)
    return (await res.json()).csrf_token
  }
  const post = async (csrf, path, data) => {
    const r = await page.request.post(BASE + '/api/v1' + path, { headers: { 'X-CSRF-Token': csrf }, data })
    expect(r.ok(), `POST ${path}: HTTP ${r.status()} ${await r.text()}`)
    return r.json()
  }
  async function user(prefix, role, region) {
    const admin = await apiLogin('admin', ctx.adminPassword)
    const username = prefix + Date.now().toString(36).slice(-5)
    const u = await post(admin, '/users', { username, display_name: '扶贫专员', roles: [role], region_code: region })
    const password = 'Hh#' + Math.random().toString(36).slice(2, 10) + 'q7P'
    const c = await apiLogin(username, u.initial_password)
    await post(c, '/auth/password', { old_password: u.initial_password, new_password: password })
    return { username, password, csrf: await apiLogin(username, password) }
  }

  await step('households: a county and a town user; the town registers a household', async () => {
    s.county = await user('hhc', 'county_staff', COUNTY)
    const stamp = Date.now().toString(36).slice(-5).toUpperCase().replace(/[IOSVZ]/g, 'A')
    s.entityName = '帮扶用工测试公司' + stamp
    await post(s.county.csrf, '/entities', { uscc: usccWithCheck('91341302MA5H' + stamp), name: s.entityName, kind: 'enterprise', region_code: '341302100201' })
    s.town = await user('hht', 'town_staff', TOWN)
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)
    s.household = await post(s.town.csrf, '/households', {
      region_code: '341302100201', head_name: '欧阳小明', id_number: '341302199005053216', members: 4, status: 'registered',
      willing: true, willing_on: today, able: true, able_on: today, products: ['酥梨'],
    })
  })

  await step('households: the county sees the register masked and reveals the ID number', async () => {
    await context.clearCookies()
    await login(s.county.username, s.county.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '贫困户登记簿' }).click()
    await page.waitForURL(/\/households$/)
    const row = page.locator('.households-page .el-table__row', { hasText: '欧***' }).first()
    await row.waitFor()
    await row.locator('.masked-value', { hasText: '341302********3216' }).waitFor()
    await row.locator('.masked-show').click()
    await row.locator('.masked-value.revealed', { hasText: '341302199005053216' }).waitFor()
    await shot('households-register')
  })

  await step('households: coverage lists the household as not yet helped', async () => {
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '帮扶覆盖' }).click()
    await page.waitForURL(/\/households\/coverage$/)
    await page.locator('.cov-rate').waitFor()
    await page.locator('.cov-uncovered .el-table__row', { hasText: '欧***' }).first().waitFor()
    await shot('households-coverage')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('.cov-rate').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'page wider than the screen by ' + overflow + ' px')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('households: the purchases page opens with its import', async () => {
    await page.goto(BASE + '/purchases')
    await page.locator('.purchases-page').waitFor()
    await page.locator('.pu-import').waitFor()
  })

  await step('households: the town user sees the name unmasked', async () => {
    await context.clearCookies()
    await login(s.town.username, s.town.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/households')
    await page.locator('.households-page .hh-head', { hasText: '欧阳小明' }).first().waitFor()
  })

  async function pickEntity(inputId) {
    await page.locator(inputId).click()
    await page.locator(inputId).fill(s.entityName.slice(0, 8))
    await page.locator('.el-select-dropdown__item:visible', { hasText: s.entityName }).first().click()
  }
  async function date(inputId, value) {
    await page.locator(inputId).fill(value)
    await page.locator(inputId).press('Enter')
  }

  await step('households: the town user adds employment, a shop and a purchase on the household page', async () => {
    await page.locator('.households-page a.hh-head', { hasText: '欧阳小明' }).first().click()
    await page.waitForURL(/\/households\/\d+$/)
    await page.locator('.household-detail-page .hh-title', { hasText: '欧阳小明' }).waitFor()
    await page.locator('.hh-detail-id .masked-value', { hasText: '341302********3216' }).waitFor()
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)

    await page.locator('.hh-add-employment').click()
    await page.locator('.hh-employment-dialog').waitFor()
    await pickEntity('#he-entity')
    await page.locator('#he-member').fill('欧阳小红')
    await page.locator('#he-position').fill('打包员')
    await date('#he-since', today)
    await page.locator('.hh-help-save').click()
    await page.locator('.hh-employments .el-table__row', { hasText: '欧阳小红' }).waitFor()

    await page.locator('.hh-add-shop').click()
    await page.locator('.hh-shop-dialog').waitFor()
    await page.locator('#hs-platform').fill('拼多多')
    await page.locator('#hs-name').fill('小明酥梨铺')
    await date('#hs-opened', today)
    await page.locator('.hh-help-save').click()
    await page.locator('.hh-shops .el-table__row', { hasText: '小明酥梨铺' }).waitFor()

    // The member leaves: the end date is required, then the row shows it and no 离职 button.
    const worker = page.locator('.hh-employments .el-table__row', { hasText: '欧阳小红' })
    await worker.locator('.hh-end-employment').click()
    const end = page.locator('.hh-end-dialog')
    await end.waitFor()
    await page.locator('.hx-save').click()
    await end.locator('.el-form-item.is-error', { hasText: '请填写此项' }).waitFor()
    await date('#hx-date', today)
    await page.locator('.hx-save').click()
    await end.waitFor({ state: 'hidden' })
    await worker.filter({ hasText: `${today} ~ ${today}` }).waitFor()
    expect((await worker.locator('.hh-end-employment').count()) === 0, 'an ended employment offers no 离职 button')

    await page.locator('.hh-add-purchase').click()
    const dlg = page.locator('.hh-purchase-dialog')
    await dlg.waitFor()
    await pickEntity('#hp-entity')
    await page.locator('#hp-product').fill('酥梨')
    await page.locator('#hp-quantity').fill('300')
    await page.locator('#hp-amount').fill('750')
    await date('#hp-date', today)
    await page.locator('#hp-evidence').fill('SJ-E2E-1')
    await page.locator('.hp-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.hh-purchases .el-table__row', { hasText: '750.00' }).waitFor()
    await shot('households-detail', { fullPage: true })
  })

  await step('households: a purchase corrected on the household page keeps its history', async () => {
    await page.locator('.hh-purchases .el-table__row', { hasText: '750.00' }).locator('.hh-correct').click()
    const dlg = page.locator('.hh-purchase-dialog')
    await dlg.waitFor()
    await page.locator('#hp-amount').fill('780')
    await page.locator('.hp-save').click()
    await dlg.locator('.el-form-item.is-error', { hasText: '请填写此项' }).waitFor()
    await page.locator('#hp-reason').fill('复核收据金额')
    await page.locator('.hp-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.hh-purchases .el-table__row', { hasText: '780.00' }).waitFor()
    await page.locator('.hh-history').click()
    await page.locator('.hh-purchases .el-table__row', { hasText: '750.00' }).locator('.el-tag', { hasText: '已更正' }).waitFor()
    await page.locator('.hh-purchase-sum', { hasText: '780.00' }).waitFor()
  })

  await step('households: the household page edits its own fields; the ID number is kept', async () => {
    await page.locator('.hh-edit').click()
    const dlg = page.locator('.household-dialog')
    await dlg.waitFor()
    expect((await page.locator('#hh-id').inputValue()) === '', 'the ID number is not sent back to the form')
    await page.locator('#hh-members').fill('6')
    await page.locator('#hh-members').press('Tab')
    await page.locator('.hh-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.hh-members', { hasText: /^6$/ }).waitFor()
    await page.locator('.hh-detail-id .masked-value', { hasText: '341302********3216' }).waitFor()
  })
}
