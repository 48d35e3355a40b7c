// End-to-end steps of the monitoring screen (issue 25 items 1–3, 6), run by run.mjs after the
// funds block (so the county has entities, sales, stations and a fund). A county clerk created
// through the API opens 统计监测大屏 from the menu, opens the screen (a page without the console
// chrome) at 1920×1080 and at 3840×2160: the page does not scroll either way, no panel's content
// overflows its box, every figure shows a value with its as-of line or 暂无数据, a screenshot of
// each size lands in ARTIFACTS, and the year-to-date online sales shown equals GET /indicators
// for the same region and period. An entity given a position (PUT /entities/{id}) is on the
// point map's entities layer; the tile grid and the point map switch; the screen's JSON for
// another county is refused. The clerk uploads a boundary GeoJSON of three towns with its 审图号
// and the screen draws the choropleth, showing the number.
import { readFile } from 'node:fs/promises'
import { apiHelpers } from './api.mjs'

const COUNTY = '341302000000'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function dashboardSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const { makeUser, apiLogin } = apiHelpers(ctx)
  const s = {}

  const month = () => {
    const d = new Date(Date.now() + 8 * 3600 * 1000)
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  }

  /** Page and panel overflow of the open screen: what spills, in px (0 when nothing does). */
  async function overflow() {
    return page.evaluate(() => {
      const doc = document.documentElement
      const out = { x: doc.scrollWidth - window.innerWidth, y: doc.scrollHeight - window.innerHeight, panels: [] }
      for (const b of document.querySelectorAll('.dash-panel-body')) {
        const p = b.closest('.dash-panel')
        if (b.scrollHeight - b.clientHeight > 1 || b.scrollWidth - b.clientWidth > 1) out.panels.push(p?.getAttribute('data-panel') || p?.className)
      }
      return out
    })
  }

  await step('dashboard: a county clerk opens the screen from the menu', async () => {
    Object.assign(s, await makeUser('dash', 'county_staff', '县商务局统计员'))
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '统计监测大屏' }).click()
    await page.waitForURL(/\/dashboard$/)
    await page.locator('.dashboard-page .dash-package-month').waitFor()
    await page.locator('#dash-month').fill(month())
    await page.locator('#dash-month').press('Enter')
    await page.locator('.dash-open').click()
    await page.waitForURL(/\/screen\//)
    await page.locator('.dash-grid .figure-panel').first().waitFor()
    expect((await page.locator('.app-aside').count()) === 0, 'the screen must have no console menu')
  })

  for (const [w, h] of [[1920, 1080], [3840, 2160]]) {
    await step(`dashboard: the screen fits ${w}×${h} without scrolling or clipped panels`, async () => {
      await page.setViewportSize({ width: w, height: h })
      await page.goto(`${BASE}/screen/${COUNTY}?month=${month()}`)
      await page.locator('.dash-grid [data-panel="sales"] .figure').first().waitFor()
      await page.locator('.tiles .tile').first().waitFor()
      await page.waitForTimeout(800) // charts draw
      const o = await overflow()
      expect(o.x <= 1 && o.y <= 1, `page overflows by ${o.x}×${o.y} px`)
      expect(o.panels.length === 0, 'panels with clipped content: ' + o.panels.join(', '))
      const figures = await page.locator('.figure').count()
      const asof = await page.locator('.figure .figure-asof').count()
      expect(figures >= 25 && asof === figures, `figures ${figures}, as-of lines ${asof}`)
      const texts = await page.locator('.figure .figure-value').allInnerTexts()
      expect(texts.every((t) => t.trim() !== ''), 'a figure shows nothing: ' + JSON.stringify(texts))
      await shot(`d0${w === 1920 ? 1 : 2}-screen-${w}x${h}`)
    })
  }

  await step('dashboard: the whole screen exports as one PNG of the screen\'s size', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(`${BASE}/screen/${COUNTY}?month=${month()}`)
    await page.locator('.dash-grid [data-panel="sales"] .figure').first().waitFor()
    await page.locator('.tiles .tile').first().waitFor()
    await page.waitForTimeout(800) // charts draw
    const dl = page.waitForEvent('download')
    await page.locator('.dash-screen-png').click()
    const file = await dl
    expect(/^大屏_.+_整屏\.png$/.test(file.suggestedFilename()), 'file name: ' + file.suggestedFilename())
    const png = await readFile(await file.path())
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'not a PNG')
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)]
    expect(w === 1920 && h === 1080, `PNG is ${w}×${h}, the screen 1920×1080`)
    // One colour over 1920×1080 compresses to a few KB; the figures, charts and map do not.
    expect(png.length > 100_000, `PNG of ${png.length} bytes: the screen's content is missing`)
  })

  await step('dashboard: the year-to-date sales on the screen equal the indicator API', async () => {
    const m = month()
    const [y, mm] = m.split('-').map(Number)
    const last = new Date(Date.UTC(y, mm, 0)).getUTCDate()
    const r = await page.request.fetch(`${BASE}/api/v1/indicators/rural_online_sales?region=${COUNTY}&from=${y}-01-01&to=${m}-${String(last).padStart(2, '0')}&direction=all`)
    expect(r.ok(), 'indicator API: HTTP ' + r.status())
    const api = await r.json()
    const shown = await page.locator('[data-panel="sales"] .figure[data-key="sales_ytd"]').getAttribute('data-value')
    expect(String(api.value ?? '') === String(shown ?? ''), `screen ${shown} ≠ indicator API ${api.value}`)
    const text = await page.locator('[data-panel="sales"] .figure[data-key="sales_ytd"] .figure-value').innerText()
    expect(api.status === 'ok' ? text.includes((api.value / 1e6).toFixed(2)) || text.includes((api.value / 1e10).toFixed(2)) : text.includes('暂无数据'), 'shown text ' + text)
  })

  await step('dashboard: the point map shows an entity at the position entered; tiles switch; another county is refused', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    const csrf = await apiLogin(s.username, s.password)
    const list = await (await page.request.fetch(`${BASE}/api/v1/entities?page_size=1`)).json()
    expect(list.items?.length === 1, 'the county has no entity to place')
    const put = await page.request.put(`${BASE}/api/v1/entities/${list.items[0].id}`, { headers: { 'X-CSRF-Token': csrf }, data: { lat: '33.645200', lng: '116.964400' } })
    expect(put.ok(), `entity position: HTTP ${put.status()} ${await put.text()}`)
    await page.goto(`${BASE}/screen/${COUNTY}?month=${month()}`)
    await page.locator('.map-mode[data-mode="points"]').click()
    await page.locator('.screen-map .map-body[data-layers*="经营主体:"]').waitFor()
    const layers = await page.locator('.screen-map .map-body').getAttribute('data-layers')
    expect(/经营主体:[1-9]/.test(layers || ''), 'entities layer: ' + layers)
    await page.locator('.screen-map .echart').first().waitFor()
    await shot('d03-screen-points')
    await page.locator('.map-mode[data-mode="tiles"]').click()
    await page.locator('.tiles .tile').first().waitFor()
    const other = await page.request.fetch(`${BASE}/api/v1/dashboard/341321`)
    expect(other.status() === 403, 'another county: HTTP ' + other.status())
  })

  await step('dashboard: a county boundary upload draws the choropleth with its 审图号', async () => {
    const towns = (await (await page.request.fetch(`${BASE}/api/v1/regions/${COUNTY}/children?page_size=3`)).json()).items
    const square = (code, i) => ({
      type: 'Feature',
      properties: { code },
      geometry: { type: 'Polygon', coordinates: [[[116.9 + i * 0.1, 33.6], [117.0 + i * 0.1, 33.6], [117.0 + i * 0.1, 33.7], [116.9 + i * 0.1, 33.6]]] },
    })
    const geo = JSON.stringify({ type: 'FeatureCollection', features: towns.map((t, i) => square(t.code, i)) })
    const csrf = await apiLogin(s.username, s.password)
    const r = await page.request.post(`${BASE}/api/v1/dashboard/${COUNTY}/boundary`, {
      headers: { 'X-CSRF-Token': csrf },
      multipart: { file: { name: 'yq.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(geo) }, approval_number: '皖S(2026)001号' },
    })
    expect(r.status() === 201, `boundary upload: HTTP ${r.status()} ${await r.text()}`)
    await page.goto(`${BASE}/screen/${COUNTY}?month=${month()}`)
    await page.locator('.map-mode[data-mode="boundary"]').click()
    await page.locator('.screen-map .echart canvas').first().waitFor()
    const note = await page.locator('.screen-map .map-note').innerText()
    expect(note.includes('皖S(2026)001号'), 'approval number not shown: ' + note)
    await shot('d04-screen-boundary')
    await page.setViewportSize({ width: 1366, height: 768 })
  })
}
