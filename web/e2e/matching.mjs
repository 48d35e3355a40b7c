// End-to-end steps of the matching pages (issue 19 items 2–4), run by run.mjs after the household
// block. Through the API a county user registers an entity and a village station with
// coordinates, lists two lots of 酥梨 through it (one near, one without price) and posts a demand
// for the entity with a delivery point. In the console the user opens 采购需求与匹配 from the
// menu, opens the demand's proposals (ranked, each with its reasons), accepts the best one (a
// 产销对接 event) and sees the demand's matched quantity move; the produce board shows the lot as
// 已对接 and fits a 390 px screen; 合作协议 opens with its form.

import { apiHelpers, usccWithCheck } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function matchingSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const COUNTY = '341302000000'
  const s = {}
  const { apiLogin, post, makeUser } = apiHelpers(ctx)

  await step('matching: a county user lists produce and posts a demand through the API', async () => {
    Object.assign(s, await makeUser('mch', 'county_staff', '县商务局产销对接专员'))
    const csrf = await apiLogin(s.username, s.password)
    const towns = await (await page.request.get(BASE + `/api/v1/regions/${COUNTY}/children?page_size=5`)).json()
    const villages = await (await page.request.get(BASE + `/api/v1/regions/${towns.items[0].code}/children?page_size=50`)).json()
    const village = villages.items.find((v) => v.name.endsWith('村委会')) || villages.items[0]
    const stamp = Date.now().toString(36).slice(-5).toUpperCase().replace(/[IOSVZ]/g, 'A')
    s.entityName = '产销对接测试公司' + stamp
    const ent = await post(csrf, '/entities', { uscc: usccWithCheck('91341302MA4Q' + stamp), name: s.entityName, kind: 'enterprise', region_code: village.code })
    const st = await post(csrf, '/stations', { region_code: village.code, level: 'village', name: '对接测试站' + stamp, lat: '33.700000', lng: '116.964000' })
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)
    const later = new Date(Date.now() + 8 * 3600e3 + 40 * 86400e3).toISOString().slice(0, 10)
    s.product = '酥梨' + stamp
    const lot = { station_id: st.id, village_code: village.code, seller_name: '李四', contact: '13800138000', product: s.product, unit: '斤', available_from: today, available_to: later }
    s.near = await post(csrf, '/matching/listings', { ...lot, quantity: 800, price_fen: 250 })
    await post(csrf, '/matching/listings', { ...lot, quantity: 300 })
    s.demand = await post(csrf, '/matching/demands', { entity_id: ent.id, product: s.product, unit: '斤', quantity: 1000, price_max_fen: 300, wanted_from: today, wanted_to: later, lat: '33.646', lng: '116.964' })
  })

  await step('matching: the proposals are ranked with their reasons and one is accepted', async () => {
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '采购需求与匹配' }).click()
    await page.waitForURL(/\/matching\/demands$/)
    const row = page.locator('.demands-page .el-table__row', { hasText: s.product }).first()
    await row.waitFor()
    await row.locator('.dm-proposals').click()
    const cards = page.locator('.proposals-drawer .pr-card')
    await cards.first().waitFor()
    expect((await cards.count()) === 2, 'two proposals expected, got ' + (await cards.count()))
    await cards.first().locator('.pr-reason-distance', { hasText: '公里' }).waitFor()
    await cards.first().locator('.pr-reason-quantity', { hasText: '800 斤' }).waitFor()
    await shot('matching-proposals')
    await cards.first().locator('.pr-accept').click()
    await page.locator('.el-message', { hasText: '已确认产销对接' }).waitFor()
    await row.locator('text=800 / 1000 斤').waitFor()
    await page.locator('.proposals-drawer .el-drawer__close-btn').click()
    await page.locator('.proposals-drawer').waitFor({ state: 'hidden' })
  })

  await step('matching: the board shows the lot matched and fits a phone', async () => {
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '供需信息板' }).click()
    await page.waitForURL(/\/matching\/listings$/)
    await page.locator('#f-ls-product').fill(s.product)
    await page.locator('.ls-search').click()
    await page.locator('.ls-card', { hasText: '已对接' }).first().waitFor()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('.ls-card').first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'page wider than the screen by ' + overflow + ' px')
    await shot('matching-board-phone')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('matching: the agreements page opens with its form', async () => {
    await page.goto(BASE + '/matching/agreements')
    await page.locator('.agreements-page').waitFor()
    await page.locator('.ag-add').click()
    await page.locator('.agreement-dialog #ag-no').waitFor()
  })
}
