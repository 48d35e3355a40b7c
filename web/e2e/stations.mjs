// End-to-end steps of the station pages (issue 17), run by run.mjs after the award block. The
// admin creates, through the API, a county_staff user, who registers a village station in the
// first town of 埇桥区 (building since 2024-03-01) through the API; in the console the user opens
// 服务站点 from the menu, filters by status, opens the station (mobile masked, services by their
// Chinese labels), changes it to 运营中 with a date, reason and document (a missing document
// lands on its field first) and sees the change in the history. The detail fits a 390 px screen.
// Then a station_operator account bound to the station is made and, on a 390 px screen, enters the
// month's service figures on 服务记录填报, and corrects one (the old record stays in the history),
// records two single services of 社区团购 (the month's figure becomes their sum, read-only) and
// voids one, then adds a storefront photo there (a PDF refused); the county user sees its preview
// on the detail page and adds the operator agreement.
// The map (站点地图, from the list) shows the stations with coordinates. Finally the county user
// sets an assessment template (考核模板), assesses the station on its detail page (the total is
// computed as scores are typed), opens a rectification for the failed result and finds the
// station in the year's ranking (考核排名).

import { apiHelpers } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function stationSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const COUNTY = '341302000000'
  const s = {}

  const { apiLogin, post, makeUser } = apiHelpers(ctx)

  await step('stations: a county user registers a village station through the API', async () => {
    Object.assign(s, await makeUser('stn', 'county_staff', '县商务局站点专员'))
    const csrf = await apiLogin(s.username, s.password)
    const towns = await (await page.request.get(BASE + `/api/v1/regions/${COUNTY}/children?page_size=5`)).json()
    const villages = await (await page.request.get(BASE + `/api/v1/regions/${towns.items[0].code}/children?page_size=50`)).json()
    const village = villages.items.find((v) => v.name.endsWith('村委会')) || villages.items[0]
    s.name = village.name.replace(/委会$/, '') + '电商服务站' + Date.now().toString(36).slice(-4)
    const st = await post(csrf, '/stations', {
      region_code: village.code, level: 'village', name: s.name, lat: '33.812345', lng: '116.987654',
      manager_name: '赵站长', mobile: '13800138000', services: ['网上代买', 'parcel_service'], status: 'building', status_date: '2024-03-01',
    })
    s.id = st.id
    s.station = st
    s.village = village.code
    expect(st.mobile_masked === '138****8000', 'mobile not masked: ' + st.mobile_masked)
  })

  await step('stations: the list filters by status and opens the station with its labels', async () => {
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '服务站点' }).click()
    await page.waitForURL(/\/stations/)
    const row = page.locator('.stations-page .el-table__row', { hasText: s.name })
    await row.waitFor()
    await row.locator('.station-status', { hasText: '建设中' }).waitFor()
    await page.locator('#f-st-q').fill(s.name)
    await page.locator('.stations-page .el-table__row', { hasText: s.name }).first().waitFor()
    await row.locator('.station-link').click()
    await page.waitForURL(new RegExp(`/stations/${s.id}$`))
    await page.locator('.station-title', { hasText: s.name }).waitFor()
    await page.locator('.station-mobile', { hasText: '138****8000' }).waitFor()
    await page.locator('.station-service', { hasText: '快递代收代发' }).waitFor()
    const text = await page.locator('.station-detail-page').textContent()
    expect(!text.includes('13800138000'), 'the full mobile number is on the page')
    await shot('station-detail')
  })

  await step('stations: a status change needs its document, then shows in the history', async () => {
    await page.locator('.st-change').click()
    const dlg = page.locator('.status-dialog')
    await dlg.waitFor()
    await dlg.locator('#st-date').fill('2024-05-01')
    await dlg.locator('#st-date').press('Enter')
    await dlg.locator('#st-reason').fill('验收合格')
    await dlg.locator('.st-change-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '决定文件文号' }).waitFor()
    await dlg.locator('#st-doc').fill('埇商〔2024〕12号')
    await dlg.locator('.st-change-save').click()
    await page.locator('.station-detail-page .station-status', { hasText: '运营中' }).waitFor()
    await page.locator('.history-table .el-table__row', { hasText: '埇商〔2024〕12号' }).waitFor()
    await shot('station-history')
  })

  await step('stations: the map shows the stations of the region as points', async () => {
    await page.goto(BASE + '/stations')
    await page.locator('.st-map-link').click()
    await page.waitForURL(/\/stations\/map$/)
    await page.locator('.station-map canvas').first().waitFor()
    await page.locator('.map-count', { hasText: '地图上' }).waitFor()
    const text = await page.locator('.map-count').textContent()
    expect(/地图上 [1-9]\d* 个站点/.test(text), 'no station on the map: ' + text)
    await shot('station-map')
    await page.goto(BASE + `/stations/${s.id}`)
    await page.locator('.station-title').waitFor()
  })

  await step('stations: the detail fits a 390 px screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('.station-title').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'page wider than the screen by ' + overflow + ' px')
    await shot('station-mobile')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('stations: the operator enters this month\'s figures on a 390 px phone page', async () => {
    // The operator's account is bound to the station when it is made (item 8).
    const op = await makeUser('op', 'station_operator', '赵站长', { region_code: s.village, binding: { kind: 'station', id: s.id } })
    s.op = op.username
    s.opPassword = op.password
    await context.clearCookies()
    await page.setViewportSize({ width: 390, height: 844 })
    await login(s.op, s.opPassword)
    await page.waitForURL(BASE + '/')
    const started = Date.now()
    await page.goto(BASE + '/stations/report')
    const form = page.locator('.station-report-page .report-form')
    await form.waitFor()
    await page.locator('.rp-station-name', { hasText: s.name }).waitFor()
    await form.locator('.rp-purchase .rp-q input').fill('12')
    await form.locator('.rp-purchase .rp-a input').fill('3456')
    await form.locator('.rp-uplink .rp-q input').fill('30')
    await form.locator('.rp-uplink .rp-a input').fill('50000.5')
    await form.locator('.rp-parcel_in .rp-q input').fill('210')
    expect((await form.locator('.rp-parcel_in .rp-a').count()) === 0, 'parcels offer an amount')
    await form.locator('.rp-save').click()
    await page.locator('.el-message--success', { hasText: '已保存 3 项' }).waitFor()
    const took = Date.now() - started
    expect(took < 60000, 'entering the month took ' + took + ' ms')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'report page wider than the screen by ' + overflow + ' px')
    await shot('station-report-mobile')
    // A correction: the reason field appears, the old figure stays in the history.
    await page.reload()
    await form.waitFor()
    expect((await form.locator('.rp-uplink .rp-a input').inputValue()) === '50000.50', 'uplink amount not prefilled')
    await form.locator('.rp-purchase .rp-q input').fill('13')
    await form.locator('#rp-reason').fill('漏记一单')
    await form.locator('.rp-save').click()
    await page.locator('.el-message--success', { hasText: '已保存 1 项' }).waitFor()
    const hist = await (await page.request.get(BASE + `/api/v1/stations/${s.id}/records?item=purchase&history=true`)).json()
    expect(hist.total === 2 && hist.items[0].quantity === 13 && hist.items[0].correction_reason === '漏记一单' && !hist.items[1].current,
      'correction history: ' + JSON.stringify(hist.items))
    // Single services (单笔记录, item 2): two 社区团购 sales one by one; the month's figure of the item
    // becomes their sum, shown read-only; voiding one takes it out.
    const panel = page.locator('.ev-panel')
    await panel.locator('.ev-item').click()
    await page.locator('.el-select-dropdown__item', { hasText: '社区团购' }).click()
    for (const [q, yuan] of [['2', '36.5'], ['1', '10']]) {
      await panel.locator('#ev-quantity').fill(q)
      await panel.locator('#ev-amount').fill(yuan)
      await panel.locator('#ev-products').fill('酥梨、黄桃')
      await panel.locator('.ev-add').click()
      await panel.locator('.ev-entry', { hasText: yuan }).waitFor()
    }
    const row = form.locator('.rp-group_buying')
    await row.locator('.rp-per-event').waitFor()
    await page.waitForFunction(() => document.querySelector('.rp-group_buying .rp-a input')?.value === '46.50')
    expect(await row.locator('.rp-a input').isDisabled(), 'a per-event item can be typed over')
    await panel.locator('.ev-entry', { hasText: '10元' }).locator('.ev-void').click()
    await page.locator('.el-message-box input').fill('录重了')
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await panel.locator('.ev-voided').waitFor()
    await page.waitForFunction(() => document.querySelector('.rp-group_buying .rp-a input')?.value === '36.50')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(wide <= 1, 'report page with single services wider than the screen by ' + wide + ' px')
    await shot('station-events-mobile')
    // The station's detail charts the months' records.
    await page.goto(BASE + `/stations/${s.id}`)
    await page.locator('.records-chart canvas').first().waitFor()
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('stations: the operator adds a storefront photo on the phone page; the detail previews it', async () => {
    // A 1×1 PNG: the server sniffs the bytes (jpg/png only for photos).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(BASE + '/stations/report')
    const photos = page.locator('.rp-photos')
    await photos.locator('.att-slot-photo_outside').waitFor()
    expect((await photos.locator('.att-slot-agreement').count()) === 0, 'the phone page offers the agreement')
    // A PDF is refused with the server's message; the photo is accepted and previewed.
    await photos.locator('.att-input-photo_outside').setInputFiles({ name: '门头.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%\xE2\xE3\n') })
    await page.locator('.el-message--error', { hasText: 'jpg 或 png' }).waitFor()
    await photos.locator('.att-input-photo_outside').setInputFiles({ name: '门头.png', mimeType: 'image/png', buffer: png })
    await page.locator('.el-message--success', { hasText: '已上传' }).waitFor()
    await photos.locator('.att-slot-photo_outside .att-thumb').first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'report page with photos wider than the screen by ' + overflow + ' px')
    await shot('station-photo-mobile')
    await page.setViewportSize({ width: 1366, height: 768 })
    // The county user sees the photo on the station's detail and adds the operator agreement.
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + `/stations/${s.id}`)
    const files = page.locator('.station-files')
    await files.locator('.att-slot-photo_outside .att-thumb img').first().waitFor()
    await files.locator('.att-input-agreement').setInputFiles({ name: '承办协议.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%\xE2\xE3\n') })
    await files.locator('.att-slot-agreement .att-file-link', { hasText: '承办协议.pdf' }).waitFor()
    const list = await (await page.request.get(BASE + `/api/v1/stations/${s.id}/files`)).json()
    expect(list.total === 2 && list.items[0].slot === 'photo_outside' && list.items[1].slot === 'agreement', 'station files: ' + JSON.stringify(list.items))
    await shot('station-files')
  })

  await step('stations: the county sets an assessment template, assesses the station and ranks it', async () => {
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/stations/assessment-templates')
    await page.locator('.at-new').click()
    const dlg = page.locator('.template-dialog')
    s.template = '站点年度考核' + Date.now().toString(36).slice(-4)
    await dlg.locator('#at-name').fill(s.template)
    await dlg.locator('.ti-name input').first().fill('服务量')
    await dlg.locator('.ti-weight input').first().fill('60')
    await dlg.locator('.ti-add').click()
    await dlg.locator('.ti-name input').nth(1).fill('群众满意度')
    await dlg.locator('.ti-max input').nth(1).fill('10')
    await dlg.locator('.ti-max input').nth(1).blur()
    await dlg.locator('.weight-sum', { hasText: '100%' }).waitFor()
    await dlg.locator('.at-save').click()
    await page.locator('.template-card .at-name', { hasText: s.template }).waitFor()
    await shot('station-assessment-templates')
    // The station's detail: assess it (60/100 × 60 + 5/10 × 40 = 56: below the pass mark 60).
    await page.goto(BASE + `/stations/${s.id}`)
    await page.locator('.as-new').click()
    const form = page.locator('.assess-dialog')
    await form.locator('.el-select', { hasText: s.template }).first().waitFor() // the county's only template, preselected
    const scores = form.locator('.as-score input')
    await scores.nth(0).fill('60')
    await scores.nth(1).fill('5')
    await scores.nth(1).blur()
    await form.locator('.as-preview', { hasText: '总分 56' }).waitFor()
    await form.locator('.as-save').click()
    await page.locator('.el-message--success', { hasText: '总分 56' }).waitFor()
    const row = page.locator('.assessment-table .el-table__row').first()
    await row.locator('.as-result', { hasText: '不合格' }).waitFor()
    // A failed assessment: a rectification with a deadline.
    await row.locator('.as-rectify').click()
    const fu = page.locator('.follow-dialog')
    await fu.locator('#fu-deadline').fill(new Date().getFullYear() + 1 + '-01-31')
    await fu.locator('#fu-deadline').press('Enter')
    await fu.locator('.fu-save').click()
    await row.locator('.as-follow', { hasText: '整改中' }).waitFor()
    await shot('station-assessments')
    // The ranking of the county for the year lists it.
    await page.goto(BASE + '/stations/assessments/ranking')
    await page.locator('.ranking-filters .el-select', { hasText: s.template }).first().waitFor()
    await page.locator('.ranking-table .rk-station', { hasText: s.name }).waitFor()
  })
}
