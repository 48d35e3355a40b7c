// End-to-end steps of the programme pages (实施方案), run by run.mjs as one block. scripts/test-e2e
// loads programmes/002_yongqiao_2019_upgrade.yaml and creates `staff` (county_staff of 341302,
// programme:read + programme:edit) with STAFF_PASSWORD. Every figure the page shows is compared
// with what the API answers for the same user.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SEED = join(import.meta.dirname, '../../programmes/002_yongqiao_2019_upgrade.yaml')
const NAME = '埇桥区农村电商优化升级工作方案'

/**
 * ctx: { step, expect, shot, page: () => Page, context, BASE, ART, login, logout, log, password }
 */
export async function programmeSteps(ctx) {
  const { step, expect, shot, BASE, ART, log } = ctx
  const page = () => ctx.page()
  const api = async (path) => {
    const r = await page().request.fetch(BASE + '/api/v1' + path)
    expect(r.ok(), `${path}: HTTP ${r.status()}`)
    return r.json()
  }
  const s = {}

  await step('county staff finds the seed programme in the menu and the list', async () => {
    await ctx.context.clearCookies()
    await ctx.login('staff', ctx.password)
    await page().waitForURL(BASE + '/')
    const menu = await page().locator('.app-aside .menu').textContent()
    expect(menu.includes('实施方案'), 'no programmes menu entry for county staff: ' + menu)
    await page().locator('.app-aside .menu .el-menu-item', { hasText: '实施方案' }).click()
    await page().waitForURL(/\/programmes$/)
    const row = page().locator('.programmes-page .el-table__row', { hasText: NAME })
    await row.waitFor()
    expect((await row.innerText()).includes('埇政办秘〔2019〕38号'), 'list row lacks the 文号')
    expect(await page().locator('.programme-upload').isVisible(), 'county staff must see the upload button')
    const list = await api('/programmes?page_size=100')
    s.row = list.items.find((x) => x.name === NAME)
    expect(s.row, 'seed programme not in GET /programmes')
    await shot('p01-programmes')
  })

  await step('programme detail: header, progress bars, 暂无数据来源 for lines without a source', async () => {
    await page().locator('.programmes-page .programme-link', { hasText: NAME }).click()
    await page().waitForURL(new RegExp(`/programmes/${s.row.id}$`))
    // the server parses and checks the plan against the division files on its first read (~2 s
    // of CPU: well over 15 s on a loaded machine)
    await page().locator('.pd-name', { hasText: NAME }).waitFor({ timeout: 90000 })
    const meta = await page().locator('.pd-meta').innerText()
    expect(meta.includes('埇政办秘〔2019〕38号') && meta.includes('2019-10-12') && meta.includes('宿州市埇桥区人民政府办公室'), 'header: ' + meta)
    s.progress = await api(`/programmes/${s.row.id}/progress`)
    const items = page().locator('.target-item')
    await items.first().waitFor()
    expect((await items.count()) === s.progress.targets.length, `expected ${s.progress.targets.length} targets, page shows ${await items.count()}`)
    const noSource = s.progress.targets.filter((t) => t.region.status === 'no_data_source')
    const measured = s.progress.targets.filter((t) => t.region.actual !== null && t.region.status !== 'no_data_source')
    expect((await page().locator('.target-item .pl-no-source').count()) === noSource.length, 'wrong number of 暂无数据来源 lines')
    expect((await page().locator('.target-item .el-progress').count()) === measured.length, 'wrong number of progress bars')
    for (const t of noSource.slice(0, 3)) {
      const text = await page().locator(`.target-item[data-target="${t.target_id}"]`).innerText()
      expect(text.includes('暂无数据来源') && !/实际\s*0/.test(text), `${t.target_id} must say 暂无数据来源, not 0: ${text}`)
    }
    for (const t of measured.slice(0, 3)) {
      const line = page().locator(`.target-item[data-target="${t.target_id}"] .progress-line`)
      expect((await line.getAttribute('data-status')) === t.region.status, `${t.target_id} status`)
      if (t.region.percent !== null) expect((await line.locator('.pl-percent').innerText()) === `${t.region.percent}%`, `${t.target_id} percent`)
    }
    log(`       ${s.progress.targets.length} targets: ${measured.length} measured, ${noSource.length} without a data source`)
    await shot('p02-programme-targets', { fullPage: true })
  })

  await step('quota matrix and task table with lead units, deadlines and overdue flags', async () => {
    await page().locator('.pd-tabs .el-tabs__item', { hasText: '配额矩阵' }).click()
    const quotaLines = s.progress.targets.reduce((n, t) => n + t.quotas.length, 0)
    if (quotaLines) {
      await page().locator('.qm-table .qm-cell').first().waitFor()
      expect((await page().locator('.qm-table .el-table__body-wrapper .qm-cell').count()) === quotaLines, `expected ${quotaLines} quota cells`)
    }
    await shot('p03-quota-matrix')
    await page().locator('.pd-tabs .el-tabs__item', { hasText: '任务分解' }).click()
    const rows = page().locator('.task-table .el-table__body-wrapper .el-table__row')
    await rows.first().waitFor()
    const detail = await api(`/programmes/${s.row.id}`)
    s.tasks = detail.tasks
    expect((await rows.count()) === detail.tasks.length, `expected ${detail.tasks.length} task rows, got ${await rows.count()}`)
    const first = await rows.first().innerText()
    expect(first.includes(detail.tasks[0].lead_units[0]), 'first task row lacks its lead unit: ' + first)
    const overdue = s.progress.tasks.filter((t) => t.overdue).length
    expect((await page().locator('.task-table .el-table__body-wrapper .task-overdue').count()) === overdue, `expected ${overdue} overdue flags`)
    await shot('p04-tasks')
  })

  await step('a progress note with an attachment is saved and listed', async () => {
    const row = page().locator('.task-table .el-table__body-wrapper .el-table__row').first()
    await row.locator('.task-notes').click()
    const dlg = page().locator('.task-notes-dialog')
    await dlg.waitFor()
    await page().locator('#note-text').fill('已召开推进会，印发任务分工')
    await dlg.locator('.el-radio', { hasText: '推进中' }).click()
    await dlg.locator('.note-files-input').setInputFiles({ name: '推进会纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('推进会纪要：任务分工已印发。\n') })
    await dlg.locator('.note-save').click()
    await dlg.locator('.tn-note', { hasText: '已召开推进会' }).waitFor()
    await dlg.locator('.tn-attachment', { hasText: '推进会纪要.txt' }).waitFor()
    await shot('p05-task-note')
    const dl = page().waitForEvent('download')
    await dlg.locator('.tn-attachment', { hasText: '推进会纪要.txt' }).click()
    const file = await dl
    expect(file.suggestedFilename() === '推进会纪要.txt', 'attachment name: ' + file.suggestedFilename())
    await dlg.locator('.el-dialog__headerbtn').click()
    await dlg.waitFor({ state: 'hidden' })
    await row.locator('.task-status[data-status="in_progress"]').waitFor()
  })

  await step('lagging list (督查) grouped by lead unit', async () => {
    const lagging = await api(`/programmes/${s.row.id}/lagging`)
    await page().locator('.pd-tabs .el-tabs__item', { hasText: '督查滞后' }).click()
    if (lagging.groups.length) {
      await page().locator('.lag-group').first().waitFor()
      const units = await page().locator('.lag-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))
      expect(JSON.stringify(units) === JSON.stringify(lagging.groups.map((g) => g.lead_unit)), 'lead units: ' + units.join(','))
    } else await page().locator('.lagging-list .el-empty').waitFor()
    await shot('p06-lagging')
  })

  await step('quarterly report download', async () => {
    const probe = await page().request.fetch(`${BASE}/api/v1/programmes/${s.row.id}/report?quarter=2019Q4`)
    if (probe.status() === 404) {
      log('       GET /programmes/{id}/report answers 404: the report endpoint is not in this server; download not checked')
      return
    }
    expect(probe.ok(), 'report: HTTP ' + probe.status())
    const quarter = await page().locator('#pd-quarter').inputValue().catch(() => '')
    const dl = page().waitForEvent('download')
    await page().locator('.pd-report-btn').click()
    const file = await dl
    const name = file.suggestedFilename()
    expect(/\.xlsx$/.test(name) && name.includes(quarter || 'Q'), 'report file name: ' + name)
    const path = join(ART, 'p-report.xlsx')
    await file.saveAs(path)
    expect(readFileSync(path).subarray(0, 2).toString() === 'PK', 'the report is not an xlsx (zip) file')
    log(`       ${name}`)
  })

  await step('a bad programme file is refused with line-numbered errors', async () => {
    const lines = readFileSync(SEED, 'utf8').split('\n')
    const at = lines.findIndex((l) => /^\s+indicator: /.test(l))
    expect(at >= 0, 'no indicator line in the seed')
    lines[at] = lines[at].replace(/indicator: .*/, 'indicator: no_such_indicator')
    // the checker names the changed line or the line of the target entry holding it
    let entry = at
    while (entry > 0 && !/^\s*- /.test(lines[entry])) entry--
    const badLines = [String(at + 1), String(entry + 1)]
    const bad = join(ART, 'bad-programme.yaml')
    writeFileSync(bad, lines.join('\n'))
    const before = await api('/programmes?page_size=100')
    await page().goto(BASE + '/programmes')
    await page().locator('.programme-upload').click()
    const dlg = page().locator('.programme-upload-dialog')
    await dlg.waitFor()
    await dlg.locator('.programme-upload-input').setInputFiles(bad)
    await dlg.locator('.programme-upload-start').click()
    const table = dlg.locator('.pu-check-errors')
    await table.waitFor()
    const rows = await table.locator('.el-table__body-wrapper .el-table__row').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
    )
    expect(rows.length > 0, 'no error rows')
    expect(rows.every((r) => r[0] === 'bad-programme.yaml'), 'file column: ' + JSON.stringify(rows[0]))
    const hit = rows.find((r) => badLines.includes(r[1]))
    expect(hit && hit[2].includes('no_such_indicator'), `no error on line ${badLines.join(' or ')}: ` + JSON.stringify(rows.slice(0, 3)))
    await shot('p07-upload-errors')
    await dlg.locator('.el-dialog__headerbtn').click()
    const after = await api('/programmes?page_size=100')
    expect(after.total === before.total, `a refused file must store nothing: ${before.total} → ${after.total} programmes`)
  })

  await step('programme pages at 390 px', async () => {
    await page().setViewportSize({ width: 390, height: 844 })
    await page().goto(`${BASE}/programmes/${s.row.id}`)
    await page().locator('.target-item').first().waitFor()
    await shot('m08-programme-390', { fullPage: true })
    const overflow = await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'programme detail scrolls horizontally at 390 px by ' + overflow + ' px')
    await page().locator('.pd-tabs .el-tabs__item', { hasText: '任务分解' }).click()
    await page().locator('.task-table .el-table__row').first().waitFor()
    await shot('m09-programme-tasks-390')
    await page().goto(BASE + '/programmes')
    await page().locator('.programmes-page .el-table__row').first().waitFor()
    const overflow2 = await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow2 <= 1, 'programme list scrolls horizontally at 390 px by ' + overflow2 + ' px')
    await page().setViewportSize({ width: 1366, height: 768 })
    await ctx.logout()
  })
}
