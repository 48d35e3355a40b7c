// End-to-end steps of the logistics pages (issue 22), run by run.mjs after the station block. A
// county_staff user opens 物流网络, registers a town hub of the first town through the dialog
// (a hub whose region is no town is refused, in words) and finds it in the list; on 快递查询
// they import a carrier's csv (one scan twice, one bad row, valid-only) and read the receipt —
// new, duplicates, rejected —, then open the waybill's timeline: 签收 stays the state although a
// later 到达 was scanned. On 通达与频次 the county's towns are listed with their rates and the
// villages not reached; on 共配计划 the user makes the day's plan (a parcel waiting at a new hub
// for a village point) and publishes it; the driver page (390 px) confirms the stop and the
// parcel is signed. On 物流网络 again the user registers a cold vehicle, a branch line from the new
// hub to the point (through the dialog's lists) and a 冷库 at the hub (a reversed temperature range
// refused on its field first), then sees the nodes and the line on the 地图 tab; the plan's
// routes show on the plan page's map.

import { apiHelpers } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function logisticsSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const COUNTY = '341302000000'
  const s = { stamp: Date.now().toString(36).slice(-5).toUpperCase() }
  const { makeUser } = apiHelpers(ctx)

  await step('logistics: a county user registers a town hub on 物流网络', async () => {
    Object.assign(s, await makeUser('lgs', 'county_staff', '县商务局物流专员'))
    const towns = await (await page.request.get(BASE + `/api/v1/regions/${COUNTY}/children?page_size=5`)).json()
    s.town = towns.items[0]
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/logistics/network')
    await page.locator('.ln-add').click()
    const dlg = page.locator('.ln-dialog')
    // the select's box, not its input: with a value chosen the input has no width to click
    await dlg.locator('.el-select', { has: page.locator('#ln-level') }).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '镇级快递物流中转站' }).first().click()
    await dlg.locator('#ln-region').fill(COUNTY)
    await dlg.locator('#ln-code').fill('HUB' + s.stamp)
    await dlg.locator('#ln-name').fill(s.town.name + '快递物流中转站')
    await dlg.locator('#ln-hours').fill('08:00-18:00')
    await dlg.locator('.ln-save').click()
    await page.locator('.el-message', { hasText: '乡镇' }).waitFor()
    await dlg.locator('#ln-region').fill(s.town.code)
    await dlg.locator('.ln-save').click()
    await page.locator('.el-message', { hasText: '网点已登记' }).waitFor()
    await page.locator('.ln-nodes .el-table__row', { hasText: 'HUB' + s.stamp }).waitFor()
    await shot('logistics-network')
  })

  await step('logistics: a carrier file is ingested with a receipt and a waybill shows its timeline', async () => {
    s.number = '7531' + Date.now().toString().slice(-10)
    const rows = [
      '快递公司,运单号,扫描类型,扫描时间,网点,收件人手机',
      `中通,${s.number},到达,2024-05-01 09:00:00,HUB${s.stamp},13912345678`,
      `中通,${s.number},签收,2024-05-01 15:30:00,,`,
      `中通,${s.number},签收,2024-05-01 15:30:00,,`,
      `中通,${s.number},到达,2024-05-01 18:00:00,HUB${s.stamp},`,
      `中通,${s.number},飞走,2024-05-01 10:00:00,,`,
    ]
    await page.goto(BASE + '/logistics/parcels')
    await page.locator('.lp-import').click()
    const dlg = page.locator('.import-dialog')
    await dlg.locator('.import-mode-valid').click()
    await dlg.locator('.import-input').setInputFiles({ name: 'zto.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') })
    await dlg.locator('.import-start').click()
    await dlg.locator('.import-result').waitFor()
    await dlg.locator('.import-error-rows', { hasText: '扫描类型' }).waitFor()
    await dlg.locator('.el-dialog__headerbtn').click()
    const receipt = page.locator('.lp-receipt')
    await receipt.waitFor()
    const text = await receipt.innerText()
    expect(text.includes('新增 3 条') && text.includes('重复 1 条') && text.includes('未通过 1 行'), 'the receipt: ' + text)
    await page.locator('#f-lp-q').fill(s.number)
    await page.locator('#f-lp-q').press('Enter')
    const row = page.locator('.lp-waybills .el-table__row', { hasText: s.number })
    await row.waitFor()
    expect((await row.innerText()).includes('签收'), 'the state is 签收: ' + (await row.innerText()))
    await row.locator('.lp-view').click()
    const drawer = page.locator('.lp-drawer')
    await drawer.locator('.lp-event').nth(2).waitFor()
    expect((await drawer.locator('.lp-event').count()) === 3, 'three events in the timeline')
    expect((await drawer.locator('.lp-state').innerText()).includes('签收'), 'the drawer shows 签收')
    await shot('logistics-timeline')
  })

  await step('logistics: coverage by town lists the villages not reached', async () => {
    await page.goto(BASE + '/logistics/coverage')
    const rows = page.locator('.lc-towns .el-table__row')
    await rows.first().waitFor()
    expect((await rows.count()) > 1, 'several towns of the county')
    const rate = await page.locator('.lc-total .lc-rate').innerText()
    expect(/%|—/.test(rate), 'the county rate: ' + rate)
    expect((await page.locator('.lc-not-reached').first().innerText()).length > 0, 'a town names its villages not reached')
    await shot('logistics-coverage')
  })

  await step('logistics: the day\'s co-delivery plan is made, published and confirmed on the driver page', async () => {
    const { apiLogin, post } = apiHelpers(ctx)
    const csrf = await apiLogin(s.username, s.password)
    const villages = await (await page.request.get(BASE + `/api/v1/regions/${s.town.code}/children?page_size=1`)).json()
    const village = villages.items[0]
    const hub = await post(csrf, '/logistics/nodes', { region_code: s.town.code, level: 'town_hub', code: 'H2' + s.stamp, name: s.town.name + '共配中转站', lat: '33.800000', lng: '117.050000' })
    await post(csrf, '/logistics/nodes', { region_code: village.code, level: 'village_point', code: 'VP' + s.stamp, name: village.name + '物流服务点', lat: '33.820000', lng: '117.060000', opening_hours: '00:00-24:00' })
    await post(csrf, '/logistics/vehicles', { region_code: s.town.code, plate: '皖L' + s.stamp, capacity_parcels: 100, home_node_id: hub.id })
    const at = new Date(Date.now() + 8 * 3600_000 - 3600_000).toISOString().slice(0, 19).replace('T', ' ')
    s.parcel = '7532' + Date.now().toString().slice(-10)
    await post(csrf, '/logistics/scans', { carrier: '中通', waybill_no: s.parcel, scan_type: '到达', scanned_at: at, node: 'H2' + s.stamp, next_node: 'VP' + s.stamp })
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/logistics/plans')
    await page.locator('.lpl-make').click()
    await page.locator('.el-message', { hasText: '计划已生成' }).waitFor()
    await page.locator('.lpl-route', { hasText: '皖L' + s.stamp }).waitFor()
    expect((await page.locator('.lpl-status').innerText()).includes('草稿'), 'a draft')
    await page.locator('.lpl-lock').first().click()
    await page.locator('.el-message', { hasText: '已调整' }).waitFor()
    await page.locator('.lpl-resolve').click()
    await page.locator('.el-message', { hasText: '已重新求解' }).waitFor()
    await page.locator('.lpl-route', { hasText: '皖L' + s.stamp }).waitFor()
    await shot('logistics-plan')
    await page.locator('.lpl-publish').click()
    await page.locator('.lpl-status', { hasText: '已发布' }).waitFor()
    expect((await page.locator('.lpl-publish').count()) === 0, 'a published plan offers no more publishing')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(BASE + '/logistics/driver')
    const stop = page.locator('.ld-stop', { hasText: s.parcel })
    await stop.waitFor()
    await stop.locator('.ld-confirm').click()
    await stop.locator('.ld-state', { hasText: '已确认' }).waitFor()
    await shot('logistics-driver')
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(BASE + '/logistics/plans')
    await page.locator('.lpl-route', { hasText: '皖L' + s.stamp }).locator('.lpl-confirmed').waitFor()
    expect((await page.locator('.lpl-progress').innerText()).includes('1/1'), 'the dispatcher sees the stop confirmed')
    const w = await (await page.request.get(BASE + `/api/v1/logistics/waybills/zto/${s.parcel}`)).json()
    expect(w.state === 'signed', 'the driver\'s confirmation signed the parcel: ' + w.state)
  })

  await step('logistics: vehicle, line and cold store through the forms, the network map', async () => {
    const pick = async (selectClass, text) => {
      await page.locator(selectClass).click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
    }
    await page.goto(BASE + '/logistics/network')
    await page.locator('#tab-vehicles').click()
    await page.locator('.lv-add').click()
    const vd = page.locator('.lv-dialog')
    await vd.locator('#lv-plate').fill('皖LC' + s.stamp)
    await vd.locator('#lv-owner').fill('符离冷链车队')
    await vd.locator('#lv-parcels').fill('300')
    await vd.locator('.lv-cold').click()
    await vd.locator('.lv-save').click()
    await page.locator('.el-message', { hasText: '车辆已保存' }).waitFor()
    const vrow = page.locator('.ln-vehicles .el-table__row', { hasText: '皖LC' + s.stamp })
    await vrow.waitFor()
    expect((await vrow.innerText()).includes('❄'), 'the vehicle is listed as cold')

    await page.locator('#tab-lines').click()
    await page.locator('.ll-add').click()
    const ld = page.locator('.ll-dialog')
    await ld.locator('#ll-code').fill('LB' + s.stamp)
    await ld.locator('#ll-name').fill(s.town.name + '冷链支线')
    await pick('.ll-from', 'H2' + s.stamp)
    await pick('.ll-pick', 'VP' + s.stamp)
    await ld.locator('.ll-stop', { hasText: 'VP' + s.stamp }).waitFor()
    await ld.locator('.ll-day-6').click()
    await ld.locator('#ll-departure').fill('08:30')
    await ld.locator('.ll-save').click()
    await page.locator('.el-message', { hasText: '线路已保存' }).waitFor()
    const lrow = page.locator('.ln-lines .el-table__row', { hasText: 'LB' + s.stamp })
    await lrow.waitFor()
    expect((await lrow.innerText()).includes('一二三四五六'), 'the line runs Monday to Saturday: ' + (await lrow.innerText()))

    await page.locator('#tab-cold').click()
    await page.locator('.lcr-add').click()
    const cd = page.locator('.lcr-dialog')
    await cd.locator('#lcr-name').fill(s.town.name + '冷库' + s.stamp)
    await cd.locator('#lcr-operator').fill('符离果蔬合作社')
    await pick('.lcr-node', 'H2' + s.stamp)
    await cd.locator('#lcr-tonnes').fill('500')
    await cd.locator('#lcr-tmin').fill('4')
    await cd.locator('#lcr-tmax').fill('-18')
    await cd.locator('.lcr-save').click()
    await cd.locator('.el-form-item__error', { hasText: '最高温度' }).waitFor()
    await cd.locator('#lcr-tmin').fill('-18')
    await cd.locator('#lcr-tmax').fill('4')
    await cd.locator('.lcr-save').click()
    await page.locator('.el-message', { hasText: '冷链资源已保存' }).waitFor()
    const crow = page.locator('.ln-cold .el-table__row', { hasText: '冷库' + s.stamp })
    await crow.waitFor()
    expect((await crow.innerText()).includes('-18.0 ~ 4.0 ℃'), 'the range as stored: ' + (await crow.innerText()))
    await shot('logistics-cold')

    await page.locator('#tab-map').click()
    const map = page.locator('.ln-map')
    await map.locator('canvas').first().waitFor()
    // the hub and the point are drawn, and the line between them
    await page.waitForFunction(() => {
      const m = document.querySelector('.ln-map')
      return Number(m?.getAttribute('data-points')) >= 2 && Number(m?.getAttribute('data-paths')) >= 1
    })
    await shot('logistics-map')

    await page.goto(BASE + '/logistics/plans')
    await page.locator('.lpl-map-toggle .el-collapse-item__header').click()
    const pm = page.locator('.lpl-map')
    await pm.locator('canvas').first().waitFor()
    // the published route, from the hub (its coordinates read) through the point and back
    await page.waitForFunction(() => Number(document.querySelector('.lpl-map')?.getAttribute('data-paths')) >= 1)
  })
}
