// End-to-end steps of the products pages (issue 23), run by run.mjs after the logistics block. A
// county_staff user's business, product, admission and batch are made through the API; in the
// console the user finds the product admitted on 特色产品库, opens the batch on 溯源批次 (the
// chain verifies, the QR code shows), records an inspection through the capture form and sees it
// on the timeline; then, signed out, a phone (390 px) opens the batch's public page /t/{code}:
// the product, the business name, the chain's verdict and the event.

import { apiHelpers, usccWithCheck } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function productsSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const COUNTY = '341302000000'
  const s = {}
  const { apiLogin, post, makeUser } = apiHelpers(ctx)

  await step('products: an admitted product of a business and its batch (by the API)', async () => {
    Object.assign(s, await makeUser('prd', 'county_staff', '县商务局产品库专员'))
    const csrf = await apiLogin(s.username, s.password)
    const towns = await (await page.request.get(BASE + `/api/v1/regions/${COUNTY}/children?page_size=5`)).json()
    const stamp = Date.now().toString(36).toUpperCase().replace(/[IOZSV]/g, 'B').slice(-5).padStart(5, '0')
    s.entity = '符离集溯源测试' + stamp + '食品有限公司'
    const ent = await post(csrf, '/entities', { uscc: usccWithCheck('91341302MA4P' + stamp), name: s.entity, kind: '企业', region_code: towns.items[0].code })
    s.product = '符离集烧鸡' + stamp
    const p = await post(csrf, '/products', { entity_id: ent.id, name: s.product, category: '农副加工品', specs: '每只 500 克' })
    await post(csrf, `/products/${p.id}/admission`, { to: 'applied', idempotency_key: 'e2e-a' })
    await post(csrf, `/products/${p.id}/admission`, { to: 'admitted', idempotency_key: 'e2e-b', checklist: ['certification', 'grade', 'packaging', 'business'] })
    s.lot = 'E2E' + stamp
    const b = await post(csrf, '/trace/batches', { product_id: p.id, lot: s.lot, quantity: '500', uom: 'KGM' })
    s.code = b.public_code
    await context.clearCookies()
  })

  await step('products: the library shows it admitted and the batch drawer records an inspection', async () => {
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/products')
    await page.locator('#f-pr-q').fill(s.product)
    await page.locator('#f-pr-q').press('Enter')
    const row = page.locator('.pr-list .el-table__row', { hasText: s.product })
    await row.waitFor()
    await row.locator('.pr-view').click()
    await page.locator('.pr-drawer .pr-detail-state', { hasText: '已入库' }).waitFor()
    await shot('products-library')
    await page.goto(BASE + '/products/batches')
    const brow = page.locator('.pb-list .el-table__row', { hasText: s.lot })
    await brow.waitFor()
    await brow.locator('.pb-view').click()
    const drawer = page.locator('.pb-drawer')
    await drawer.locator('.pb-chain-ok').waitFor()
    await drawer.locator('.pb-qr').waitFor()
    expect((await drawer.locator('.pb-uri').innerText()).includes(`/10/${s.lot}?t=${s.code}`), 'the Digital Link names the lot and the code')
    await drawer.locator('.el-select', { has: page.locator('#pb-step') }).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '检测' }).first().click()
    await drawer.locator('#pb-time').fill('2024-05-01T09:00')
    await drawer.locator('#pb-report').fill('JC-E2E-1')
    await drawer.locator('.pb-pass').click()
    await drawer.locator('.pb-record').click()
    await page.locator('.el-message', { hasText: '事件已登记' }).waitFor()
    await drawer.locator('.pb-event', { hasText: 'JC-E2E-1' }).waitFor()
    await shot('products-batch')
    await context.clearCookies()
  })

  await step('products: a phone opens the public trace page without signing in', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(BASE + '/t/' + s.code)
    await page.locator('.trace-product', { hasText: s.product }).waitFor()
    await page.locator('.trace-chain-ok').waitFor()
    expect((await page.locator('.trace-producer').innerText()).includes(s.entity), 'the business name')
    await page.locator('.trace-event', { hasText: '检测' }).waitFor()
    await shot('products-public-trace')
    await page.goto(BASE + '/t/AAAAAAAAAAAAAAAA')
    await page.locator('.trace-error', { hasText: '未查到' }).waitFor()
    await page.setViewportSize({ width: 1366, height: 768 })
  })
}
