// End-to-end steps of the award pages (issue 7), run by run.mjs after the sales block. The admin
// creates, through the API, a county_staff maker and a finance_staff checker; the maker records an
// enterprise in a 埇桥区 town with 2019 uplink sales over 1000万元 (seed 002 R02). The maker opens 奖补 from the
// menu, picks programme 002 and 2019, reads the rules (source line, 待地方设定, words not codes),
// evaluates, expands the enterprise's line (the ledger record ids are shown), saves a draft and
// proposes it; the checker approves it and sees the frozen approved version.
// Seed 002 leaves R02's tiers to the county and no local value is loaded, so the line is honestly
// 待地方设定 with no amount (docs/AWARDS.md §1): the e2e checks that, not a made-up amount.

import { readFile } from 'node:fs/promises'
import { readXlsx } from './xlsx.mjs'
import { apiHelpers, usccWithCheck } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function awardSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const COUNTY = '341302000000'
  const s = {}

  const { apiLogin, post, makeUser } = apiHelpers(ctx)

  await step('awards: admin creates a maker and a finance checker; the maker records an enterprise over 1000万元 in 2019', async () => {
    s.maker = await makeUser('awm', 'county_staff', '县商务局奖补经办')
    s.checker = await makeUser('awf', 'finance_staff', '县财政局复核')
    const csrf = await apiLogin(s.maker.username, s.maker.password) // county staff keep the ledger
    const towns = await (await page.request.get(BASE + `/api/v1/regions/${COUNTY}/children?page_size=5`)).json()
    const town = towns.items[0]
    const stamp = Date.now().toString(36).toUpperCase().replace(/[IOZSV]/g, 'B').slice(-5).padStart(5, '0')
    s.entityName = '埇桥区奖补测试电商' + stamp + '有限公司'
    const ent = await post(csrf, '/entities', {
      uscc: usccWithCheck('91341302MA3P' + stamp), name: s.entityName, kind: 'enterprise', region_code: town.code, registered_on: '2018-01-10',
    })
    s.records = []
    for (const [period, amount_fen] of [['2019-03', 700000000], ['2019-09', 500000000]]) {
      const r = await post(csrf, '/sales', { entity_id: ent.id, period, platform: '淘宝', direction: 'uplink', agricultural: true, amount_fen })
      s.records.push(r.id)
    }
    const progs = await (await page.request.get(BASE + '/api/v1/programmes?page_size=100')).json()
    const p002 = progs.items.find((p) => p.name.includes('埇桥'))
    expect(p002, 'programme 002 not loaded: ' + JSON.stringify(progs.items.map((p) => p.name)))
    s.programmeName = p002.name
    await context.clearCookies()
  })

  await step('awards: the maker opens 奖补 from the menu and reads the rules of programme 002', async () => {
    await login(s.maker.username, s.maker.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '奖补' }).click()
    await page.waitForURL(/\/awards/)
    await page.locator('.aw-programme').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: s.programmeName }).first().click()
    const rules = page.locator('[data-test="award-rules"]')
    await rules.locator('.el-table__row').first().waitFor()
    const text = await rules.innerText()
    expect(text.includes('二（二）, l.79-85'), 'R02 source line not shown')
    expect(text.includes('待地方设定'), 'open tiers not flagged 待地方设定')
    // every subject of 002 has a data source now (stations, designations, trainees, purchases)
    expect(!text.includes('暂无数据来源'), 'a rule of 002 is flagged 暂无数据来源 although its subject has data')
    // words, not codes (issue 26 item 4)
    expect(text.includes('农产品上行网络销售额') && text.includes('限企业') && text.includes('服务站点'), 'rules in words: ' + text.slice(0, 300))
    const codes = ['uplink_online_sales', 'enterprise', 'station', 'set_locally', '>=']
    expect(!codes.some((c) => text.includes(c)), 'codes on the rules table: ' + codes.filter((c) => text.includes(c)).join(', '))
    await shot('60-awards-rules', { fullPage: true })
  })

  await step('awards: evaluation lists the enterprise and explains the line with its ledger records', async () => {
    await page.locator('.aw-evaluate').click()
    const row = page.locator('.aw-lines .el-table__row', { hasText: s.entityName })
    await row.waitFor()
    expect((await row.innerText()).includes('待地方设定'), 'R02 line is not 待地方设定: ' + (await row.innerText()))
    await row.locator('.el-table__expand-icon').click()
    const ex = page.locator('.aw-lines [data-test="award-explanation"]')
    await ex.waitFor()
    const t = await ex.innerText()
    expect(t.includes('12,000,000.00 元'), 'explanation lacks the 2019 uplink sum: ' + t)
    for (const id of s.records) expect(t.includes('#' + id), `explanation lacks ledger record #${id}: ` + t)
    expect((await page.locator('.aw-eval').innerText()).includes('尚无已审核版本'), 'diff should say there is no approved version yet')
    await shot('61-awards-evaluation', { fullPage: true })
  })

  await step('awards: the maker saves a draft and proposes it; no approve button for the maker', async () => {
    await page.locator('.aw-save').click()
    const v1 = page.locator('.aw-version-table .el-table__row').first()
    await v1.locator('.aw-list-status', { hasText: '草稿' }).waitFor()
    await v1.locator('.aw-propose').click()
    await page.locator('.el-message-box', { hasText: '提交第' }).waitFor() // 提交审核 asks first
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await v1.locator('.aw-list-status', { hasText: '待审核' }).waitFor()
    expect((await page.locator('.aw-approve').count()) === 0, 'the maker must not see 审核通过')
    await context.clearCookies()
  })

  await step('awards: the finance checker approves and sees the frozen approved version', async () => {
    await login(s.checker.username, s.checker.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/awards')
    await page.locator('.aw-programme').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: s.programmeName }).first().click()
    const v1 = page.locator('.aw-version-table .el-table__row').first()
    await v1.locator('.aw-list-status', { hasText: '待审核' }).waitFor()
    await v1.locator('.aw-approve').click()
    await page.locator('.el-message-box', { hasText: '清单冻结' }).waitFor() // 审核通过 asks first
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await v1.locator('.aw-list-status', { hasText: '已审核' }).waitFor()
    await v1.locator('.aw-by', { hasText: '县商务局奖补经办' }).waitFor()
    await v1.locator('.aw-approved-by', { hasText: '县财政局复核' }).waitFor()
    await page.locator('.aw-selected-title', { hasText: '已冻结' }).waitFor()
    await page.locator('.aw-selected-lines .el-table__row', { hasText: s.entityName }).waitFor()
    expect((await page.locator('.aw-selected .export-button').count()) === 2, 'export and publish downloads should both be offered')
    expect((await page.locator('.aw-approve').count()) === 0, 'an approved list has no approve button')
    await shot('62-awards-approved', { fullPage: true })
    // The 公示 workbook is for the public: words and numbers, no internal token.
    const dl = page.waitForEvent('download')
    await page.locator('.aw-selected .export-button').nth(1).click()
    const file = await dl
    expect(/奖补公示_第\d+版\.xlsx$/.test(file.suggestedFilename()), 'publish file name: ' + file.suggestedFilename())
    const { rows, shared } = readXlsx(await readFile(await file.path()))
    expect(rows[0].map((c) => c.value).join('|') === '序号|单位名称|所在乡镇|奖补项目|依据|金额（元）', 'publish header: ' + rows[0].map((c) => c.value).join('|'))
    // R02 waits for its local tiers (no payable line yet), so the table has only its header;
    // the API case awards.test checks a payable line's words and number cells.
    expect(!rows.slice(1).some((r) => r[1]?.value === s.entityName), 'a line 待地方设定 is not published')
    const words = shared.join('\n')
    const tokens = ['uplink_online_sales', 'online_sales', 'fen', 'approved', 'payable', 'entity', 'enterprise', 'set_locally', 'tiers', '341302', '#', '>=']
    const leaked = tokens.filter((t) => words.includes(t))
    expect(leaked.length === 0, 'internal tokens in the public workbook: ' + leaked.join(', '))
    await context.clearCookies()
  })
  return s // the maker, the checker and the enterprise, for the local-settings steps (local.mjs)
}
