// End-to-end steps of the matching pages (issue 19 items 2–4), run by run.mjs after the household
// block. Through the API a county user registers an entity and a village station with
// coordinates, lists two lots of 酥梨 through it (one near, one without price) and posts a demand
// for the entity with a delivery point. In the console the user opens 采购需求与匹配 from the
// menu, opens the demand's proposals (ranked, each with its reasons), accepts the best one (a
// 产销对接 event) and sees the demand's matched quantity move; the produce board shows the lot as
// 已对接 and fits a 390 px screen; the open lot is edited (修改: quantity with a reason) and its
// 修改记录 shows the change; 合作协议 opens with its form, and an agreement's detail edits its
// title and lists the change.

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
    s.agreementTitle = '酥梨订单' + stamp
    await post(csrf, '/matching/agreements', {
      entity_id: ent.id, agreement_no: 'E2E-' + stamp, title: s.agreementTitle, model: 'order_farming', signed_on: today, valid_from: today,
      valid_to: later, parties: [{ kind: 'coop', name: '沈圩酥梨合作社' }], products: [{ product: s.product, quantity: 5000, unit: '斤' }],
    })
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
    const matched = page.locator('.ls-card', { hasText: '已对接' }).first()
    await matched.waitFor()
    // The seller's mobile is masked on the card; 显示 fetches it through the audited pii route.
    await matched.locator('.masked-value', { hasText: '138****8000' }).waitFor()
    await matched.locator('.masked-show').click()
    await matched.locator('.masked-value.revealed', { hasText: '13800138000' }).waitFor()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('.ls-card').first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'page wider than the screen by ' + overflow + ' px')
    await shot('matching-board-phone')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('matching: the open lot is edited and its change history shows before → after', async () => {
    await page.locator('#f-ls-product').fill(s.product)
    await page.locator('.ls-search').click()
    const open = page.locator('.ls-card', { hasText: '在售' }).first()
    await open.waitFor()
    await open.locator('.ls-edit').click()
    const dialog = page.locator('.listing-edit-dialog')
    await dialog.locator('.le-quantity input').fill('500')
    await dialog.locator('#le-reason').fill('补收了一批')
    await dialog.locator('.le-save').click()
    await page.locator('.el-message', { hasText: '已保存' }).waitFor()
    await dialog.waitFor({ state: 'hidden' })
    await open.locator('.ls-qty', { hasText: '500 / 500 斤' }).waitFor()
    await open.locator('.ls-history').click()
    const drawer = page.locator('.listing-history-drawer')
    await drawer.locator('.eh-change', { hasText: '300斤' }).waitFor()
    await drawer.locator('.eh-after', { hasText: '500斤' }).waitFor()
    await drawer.locator('.eh-reason', { hasText: '补收了一批' }).waitFor()
    await shot('matching-listing-history')
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })
  })

  await step('matching: the agreements page opens with its form and edits an agreement', async () => {
    await page.goto(BASE + '/matching/agreements')
    await page.locator('.agreements-page').waitFor()
    await page.locator('.ag-add').click()
    await page.locator('.agreement-dialog #ag-no').waitFor()
    await page.locator('.agreement-dialog .el-dialog__headerbtn').click()
    await page.locator('.agreement-dialog').waitFor({ state: 'hidden' })
    const row = page.locator('.agreements-page .el-table__row', { hasText: s.agreementTitle }).first()
    await row.locator('.ag-open').click()
    const drawer = page.locator('.agreement-drawer')
    await drawer.locator('.ag-edit').click()
    await page.locator('.agreement-dialog #ag-title').fill(s.agreementTitle + '（补充）')
    await page.locator('.agreement-dialog #ag-reason').fill('签订补充协议')
    await page.locator('.agreement-dialog .ag-save').click()
    await page.locator('.el-message', { hasText: '已保存' }).waitFor()
    await drawer.locator('.ag-history .eh-after', { hasText: s.agreementTitle + '（补充）' }).waitFor()
    await drawer.locator('.ag-history .eh-reason', { hasText: '签订补充协议' }).waitFor()
    await shot('matching-agreement-history')
  })
}
