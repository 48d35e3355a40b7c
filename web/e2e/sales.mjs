// End-to-end steps of the entity, brand and online-sales pages (issue 6), run by run.mjs as one
// block after the region steps (it needs state.town). A county_staff user, created here through the
// API by the admin, creates an entity (a bad USCC first: the server's message lands on the field),
// imports a generated sales csv (a file with a bad row is rolled back and lists the row, then the
// good file imports), sees the per-region summary and the entity's monthly chart with the imported
// figures, corrects one record and reads its history, and the pages fit at 390 px.

import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { readXlsx } from './xlsx.mjs'
import { apiHelpers, usccWithCheck } from './api.mjs'

function wrongCheck(uscc) {
  const good = uscc.slice(-1)
  return uscc.slice(0, 17) + (good === '0' ? '1' : '0')
}

/**
 * ctx: { step, expect, shot, page: () => Page, context, BASE, login, state: { town }, adminPassword }
 */
export async function salesSteps(ctx) {
  const { step, expect, shot, context, BASE, login, state } = ctx
  const ADMIN_PW = ctx.adminPassword
  const COUNTY = '341302000000'
  const page = ctx.page()
  const year = new Date().getFullYear()
  const s = {}
  const { apiLogin, post } = apiHelpers(ctx)
  await step('sales: admin creates a county-staff user for the sales pages', async () => {
    const csrf = await apiLogin('admin', ADMIN_PW)
    s.user = 'sales' + Date.now().toString(36).slice(-5)
    const u = await post(csrf, '/users', { username: s.user, display_name: '县商务局网销专员', roles: ['county_staff'], region_code: COUNTY })
    s.initial = u.initial_password
    await context.clearCookies()
    await login(s.user, s.initial)
    await page.waitForURL(/\/password/)
    s.password = 'Sales#' + Math.random().toString(36).slice(2, 10) + 'k7P'
    await page.locator('#pw-old').fill(s.initial)
    await page.locator('#pw-new').fill(s.password)
    await page.locator('#pw-confirm').fill(s.password)
    await page.locator('.password-submit').click()
    await page.waitForURL(BASE + '/')
    const menu = await page.locator('.app-aside .menu').textContent()
    expect(menu.includes('主体与网销'), 'no 主体与网销 menu group: ' + menu)
  })

  await step('sales: a bad USCC gets the server message on its field, then the entity is created', async () => {
    await page.locator('.app-aside .menu .el-sub-menu__title', { hasText: '主体与网销' }).click()
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '经营主体' }).click()
    await page.waitForURL(/\/entities$/)
    await page.locator('.entities-page .dt-table').waitFor()
    await page.locator('.entity-create').click()
    const dlg = page.locator('.entity-dialog')
    await dlg.waitFor()
    const stamp = Date.now().toString(36).toUpperCase().replace(/[IOZSV]/g, 'A').slice(-6).padStart(6, '0')
    s.uscc = usccWithCheck('91341302MA2N' + stamp.slice(0, 5))
    s.name = '埇桥区丰收电商' + stamp + '有限公司'
    await page.locator('#entity-uscc').fill(wrongCheck(s.uscc))
    await page.locator('#entity-name').fill(s.name)
    await dlg.locator('.entity-region').click()
    const panel = page.locator('.el-cascader__dropdown:visible')
    await panel.locator('.el-cascader-node', { hasText: '埇桥区' }).click()
    await panel.locator('.el-cascader-node', { hasText: state.town.name }).locator('.el-radio').click()
    await page.keyboard.press('Escape')
    await page.locator('#entity-registered').fill(`${year}-03-15`)
    await page.locator('#entity-registered').press('Enter')
    await page.locator('#entity-contact').fill('张丰收')
    await page.locator('#entity-mobile').fill('13900139000')
    await page.locator('.entity-save').click()
    const err = dlg.locator('.el-form-item.is-error .el-form-item__error')
    await err.waitFor()
    const text = await err.innerText()
    expect(/统一社会信用代码.*校验/.test(text), 'USCC field error: ' + text)
    await shot('30-entity-uscc-error')
    await page.locator('#entity-uscc').fill(s.uscc)
    await page.locator('.entity-save').click()
    await dlg.waitFor({ state: 'hidden' })
    const row = page.locator('.entities-page .el-table__row', { hasText: s.name }).first()
    await row.waitFor()
    expect((await row.innerText()).includes('139****9000'), 'mobile not masked in the entity list')
    await shot('31-entities')
  })

  await step('sales: a csv with a bad row is rolled back with its reason, the good csv imports', async () => {
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '网络销售台账' }).click()
    await page.waitForURL(/\/sales$/)
    await page.locator('.sales-page .dt-table').waitFor()
    const head = '统一社会信用代码,主体名称,所属期,平台,方向,是否农产品,品类,网络销售额(元),订单数\n'
    const rows = [
      `${s.uscc},${s.name},${year}-01,淘宝,上行,是,水果,12.5万元,310`,
      `${s.uscc},${s.name},${year}-02,抖音,上行,否,茶叶,80000.00,95`,
      `${s.uscc},${s.name},${year}-03,拼多多,下行,否,日用品,3000,12`,
    ]
    const bad = head + rows.join('\n') + `\n${s.uscc},${s.name},${year}-13,京东,上行,是,水果,100,1\n`
    await page.locator('.sales-import').click()
    const dlg = page.locator('.import-dialog')
    await dlg.waitFor()
    await dlg.locator('.import-input').setInputFiles({ name: 'sales-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    await dlg.locator('.import-start').click()
    await dlg.locator('.import-result .import-rolled-back').waitFor()
    const cells = await dlg.locator('.import-error-rows tbody td').allInnerTexts()
    expect(cells[0] === '5' && /所属期/.test(cells[1]), 'rejected row not listed: ' + cells.join(' | '))
    expect(await dlg.locator('.import-errors-btn').isVisible(), 'no error workbook button')
    // all-or-nothing: the three good rows are counted as fine, not hidden behind "0 imported"
    const counts = await dlg.locator('.import-counts').innerText()
    expect(counts === '读取 4 行：3 行无误，1 行有错', 'counts: ' + counts)
    // the error workbook is the whole file back, the bad row with its reason, to fix in place
    const dl = page.waitForEvent('download')
    await dlg.locator('.import-errors-btn').click()
    const { rows: back } = readXlsx(await readFile(await (await dl).path()))
    const text = back.map((r) => r.map((c) => c?.value ?? '').join('|'))
    expect(text[0].startsWith('错误原因|原行号|统一社会信用代码|主体名称|所属期'), 'error workbook header: ' + text[0])
    expect(back.length === 5 && text[1].startsWith('|2|' + s.uscc), 'every row given back: ' + text.join(' / '))
    expect(/^所属期：.*\|5\|.*\|\d{4}-13\|/.test(text[4]), 'the bad row with its reason: ' + text[4])
    await shot('32-sales-import-rejected')
    // a chosen file leaves the input empty, so choosing the corrected file of the same name again
    // is a change the browser reports
    expect((await dlg.locator('.import-input').inputValue()) === '', 'file input not emptied after a choice')
    await dlg.locator('.import-input').setInputFiles({ name: 'sales-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(head + rows.join('\n') + '\n') })
    await dlg.locator('.import-start').click()
    await dlg.locator('.import-counts', { hasText: '读取 3 行，导入 3 行' }).waitFor()
    await shot('33-sales-import-ok')
    await dlg.locator('.el-dialog__footer .el-button', { hasText: '关闭' }).click()
    await page.locator('.sales-page .el-table__row', { hasText: s.name }).first().waitFor()
  })

  await step("sales: the region summary and the entity's monthly chart show the imported figures", async () => {
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '网销统计' }).click()
    await page.waitForURL(/\/sales\/summary$/)
    const townRow = page.locator('.sales-summary-page .el-table__row', { hasText: state.town.name }).first()
    await townRow.waitFor()
    expect((await townRow.innerText()).includes('205,000.00'), 'town uplink is not 205,000.00: ' + (await townRow.innerText()))
    expect((await page.locator('.summary-sum .sum-up').innerText()).includes('205,000.00'), 'county uplink total')
    await page.locator('.summary-chart canvas').waitFor()
    expect((await townRow.locator('td').nth(5).innerText()).trim() === '—', 'no threshold: entities over must be —')
    expect((await townRow.locator('td').nth(7).innerText()).trim() === '1', 'new entities of the town: ' + (await townRow.innerText()))
    // a threshold typed in 元: the town's one entity (205,000 元 uplink) is over 200,000 元, not over 205,000 元
    await page.locator('#f-sum-eth').fill('200000')
    await page.locator('.sales-summary-page .dt-search').click()
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('.sales-summary-page .el-table__row')].some((r) => r.textContent.includes(name) && r.querySelectorAll('td')[5]?.textContent.trim() === '1'),
      state.town.name,
    )
    // the over-threshold list names the entity
    await page.locator('.summary-tabs .el-tabs__item', { hasText: '超门槛名单' }).click()
    await page.locator('.sales-summary-page .el-table__row', { hasText: s.name }).waitFor()
    await page.locator('.summary-tabs .el-tabs__item', { hasText: '分区汇总' }).click()
    await page.locator('#f-sum-eth').fill('205000')
    await page.locator('.sales-summary-page .dt-search').click()
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('.sales-summary-page .el-table__row')].some((r) => r.textContent.includes(name) && r.querySelectorAll('td')[5]?.textContent.trim() === '0'),
      state.town.name,
    )
    await shot('34-sales-summary')
    // The export holds numbers Excel can sum, under a dated Chinese name; codes stay text.
    const dl = page.waitForEvent('download')
    await page.locator('.sales-summary-page .export-button').click()
    const file = await dl
    expect(/^\d{4}年网络销售汇总_\d{4}-\d{2}-\d{2}\.xlsx$/.test(file.suggestedFilename()), 'file name: ' + file.suggestedFilename())
    const { rows } = readXlsx(await readFile(await file.path()))
    const header = rows[0].map((c) => c.value)
    const up = header.indexOf('上行网络销售额(元)')
    expect(up > 0 && header[0] === '区划', 'header: ' + header.join('|'))
    const townCells = rows.find((r) => r[0]?.value === state.town.name)
    expect(townCells?.[up]?.type === 'number' && townCells[up].value === 205000, 'town uplink cell: ' + JSON.stringify(townCells?.[up]))
    const total = rows[rows.length - 1]
    const sum = rows.slice(1, -1).reduce((n, r) => n + (r[up]?.type === 'number' ? r[up].value : 0), 0)
    expect(total[0].value === '合计' && total[up].type === 'number' && Math.abs(total[up].value - sum) < 0.005, `合计 ${total[up]?.value} ≠ sum ${sum}`)
    expect(rows.every((r) => r[1]?.type !== 'number'), 'region codes must stay text (leading zeros)')
    await page.goto(BASE + '/entities')
    await page.locator('.entities-page .entity-link', { hasText: s.name }).click()
    await page.waitForURL(/\/entities\/\d+$/)
    s.entityId = page.url().split('/').pop()
    await page.locator('.entity-chart canvas').waitFor()
    expect((await page.locator('.total-up').innerText()) === '205,000.00', 'year uplink on the detail page')
    await page.locator('.entity-mobile .masked-show').click()
    await page.locator('.entity-mobile .masked-value', { hasText: '13900139000' }).waitFor()
    await shot('35-entity-detail', { fullPage: true })
  })

  await step('sales: correcting a record keeps the old one in its history', async () => {
    await page.locator('.ent-sales-link').click()
    await page.waitForURL(/\/sales\?entity_id=/)
    const row = page.locator('.sales-page .el-table__row', { hasText: `${year}-01` }).first()
    await row.waitFor()
    await row.locator('.act-correct').click()
    const dlg = page.locator('.sales-dialog')
    await dlg.waitFor()
    await page.locator('#sales-amount').fill('130000')
    await page.locator('.sales-save').click()
    await dlg.locator('.el-form-item.is-error', { hasText: '更正须填写原因' }).waitFor()
    await page.locator('#sales-reason').fill('乡镇复核：1月漏报一笔')
    await shot('36-sales-correct')
    await page.locator('.sales-save').click()
    await dlg.waitFor({ state: 'hidden' })
    const fixed = page.locator('.sales-page .el-table__row', { hasText: '130,000.00' }).first()
    await fixed.waitFor()
    await fixed.locator('.act-history').click()
    const hist = page.locator('.history-dialog')
    await hist.locator('.history-table .el-table__row').nth(1).waitFor()
    const text = await hist.locator('.history-table').innerText()
    expect(text.includes('125,000.00') && text.includes('130,000.00') && text.includes('乡镇复核'), 'history: ' + text)
    expect((await hist.locator('.h-by', { hasText: '县商务局网销专员' }).count()) === 2, 'history names who recorded each version: ' + text)
    expect((await hist.locator('.h-old').count()) === 1 && (await hist.locator('.h-current').count()) === 1, 'one old, one current version')
    await shot('37-sales-history')
    await hist.locator('.el-dialog__headerbtn').click()
  })

  await step('sales: an entities csv imports its valid rows only when asked, listing the bad one', async () => {
    await page.goto(BASE + '/entities')
    await page.locator('.entities-page .el-table__row').first().waitFor()
    await page.locator('.entity-import').click()
    const dlg = page.locator('.import-dialog')
    await dlg.waitFor()
    const stamp = Date.now().toString(36).toUpperCase().replace(/[IOZSV]/g, 'B').slice(-5).padStart(5, '0')
    const good = usccWithCheck('93341302MA2P' + stamp)
    s.coop = '埇桥区果蔬' + stamp + '专业合作社'
    // saved by Excel on Chinese Windows: GBK, no BOM; the town by its name, not its code
    const csv = '统一社会信用代码,主体名称,主体类型,所在区划代码,联系人,联系电话\n' +
      `${good},${s.coop},合作社,${state.town.name},李合作,13700137000\n` +
      `${wrongCheck(good)},错误代码合作社,合作社,${state.town.code},王,\n`
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: Buffer.from(csv) })
    await dlg.locator('.import-mode-valid').click()
    await dlg.locator('.import-input').setInputFiles({ name: 'entities.csv', mimeType: 'text/csv', buffer: gbk })
    await dlg.locator('.import-start').click()
    await dlg.locator('.import-counts', { hasText: '读取 2 行：导入 1 行，1 行有错未导入' }).waitFor()
    expect(/GBK/.test(await dlg.locator('.import-encoding').innerText()), 'GBK conversion not said')
    const cells = await dlg.locator('.import-error-rows tbody td').allInnerTexts()
    expect(cells[0] === '3' && /统一社会信用代码/.test(cells[1]), 'rejected entity row: ' + cells.join(' | '))
    await shot('38-entities-import-valid-only')
    await dlg.locator('.el-dialog__footer .el-button', { hasText: '关闭' }).click()
    await page.locator('.entities-page .el-table__row', { hasText: s.coop }).waitFor()
  })

  await step("sales: county staff opens the business's own account; its one-time password is shown once", async () => {
    await page.goto(BASE + '/entities/' + s.entityId)
    await page.locator('.ent-account').click()
    const dlg = page.locator('.entity-account-dialog')
    await dlg.waitFor()
    s.accountUser = 'shop_' + Date.now().toString(36)
    await page.locator('#ea-username').fill(s.accountUser)
    await page.locator('.ea-submit').click()
    const pw = dlg.locator('.account-password')
    await pw.waitFor()
    s.accountPassword = (await pw.innerText()).trim()
    expect(s.accountPassword.length >= 12, 'no one-time password shown: ' + s.accountPassword)
    await shot('36a-entity-account')
    await page.keyboard.press('Escape')
  })

  await step('sales: pages fit at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    for (const [path, sel, name] of [
      ['/entities', '.entities-page .el-table__row', 'm10-entities-390'],
      ['/sales', '.sales-page .el-table__row', 'm11-sales-390'],
      ['/sales/summary', '.sales-summary-page .el-table__row', 'm12-sales-summary-390'],
      ['/entities/' + s.entityId, '.entity-chart canvas', 'm13-entity-390'],
    ]) {
      await page.goto(BASE + path)
      await page.locator(sel).first().waitFor()
      await shot(name)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow <= 1, `${path} scrolls horizontally at 390 px by ${overflow} px`)
    }
    await page.setViewportSize({ width: 1366, height: 768 })
  })
}
