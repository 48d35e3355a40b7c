// End-to-end steps of 系统管理 (issue 26 item 10), run by run.mjs after the reporting block:
// a county_staff user opens 字典管理, finds 网店平台 among the dictionaries (in words), adds
// 小红书 for the county and disables it after a confirmation (the sales dialog's choices come
// from GET /dicts/platforms, which then leaves it out); in 参数设置 they change 单次导入最多行数
// and see it kept after a reload, the change in the audit log with old → new; in 导入批次 they
// undo a wrong sales import (after a confirmation) and are refused, in words, undoing the
// entities those sales name. logExportSteps: the audit admin exports the login log.
import { readFile } from 'node:fs/promises'
import { apiHelpers, usccWithCheck } from './api.mjs'
import { readXlsx } from './xlsx.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function systemSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const s = {}
  const { makeUser } = apiHelpers(ctx)
  const json = async (path) => {
    const r = await page.request.fetch(BASE + '/api/v1' + path)
    expect(r.ok(), `${path}: HTTP ${r.status()}`)
    return r.json()
  }

  await step('system: county staff add a platform in 字典管理 and disable it again', async () => {
    s.clerk = await makeUser('sys', 'county_staff', '县商务局系统管理员')
    await context.clearCookies()
    await login(s.clerk.username, s.clerk.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/system/dicts')
    await page.locator('#f-dict-q').fill('平台')
    await page.locator('#f-dict-q').press('Enter')
    const row = page.locator('.dicts-page .el-table__row', { hasText: '网店平台' }).first()
    await row.waitFor()
    expect((await row.innerText()).includes('可扩展'), 'the platforms dictionary is extensible: ' + (await row.innerText()))
    await row.locator('.dict-open').click()
    const drawer = page.locator('.dict-drawer')
    await drawer.locator('.el-table__row', { hasText: '淘宝' }).waitFor()
    await drawer.locator('#dict-add-label').fill('小红书')
    await drawer.locator('.dict-add-save').click()
    const added = drawer.locator('.el-table__row', { hasText: '小红书' })
    await added.waitFor()
    let choices = await json('/dicts/platforms')
    expect(choices.some((d) => d.label === '小红书'), 'the new platform is a choice')
    await shot('dicts-added')
    await added.locator('.dict-toggle').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await added.locator('.el-tag', { hasText: '停用' }).waitFor()
    choices = await json('/dicts/platforms')
    expect(!choices.some((d) => d.label === '小红书'), 'a disabled platform is no new choice')
    const all = await json('/dicts/platforms?all=true')
    expect(all.some((d) => d.label === '小红书'), 'a disabled platform keeps its label')
  })

  await step('system: 参数设置 keeps a changed parameter and audits old → new', async () => {
    await page.goto(BASE + '/system/params')
    const input = page.locator('#param-imports-max-rows')
    await input.waitFor()
    expect((await input.inputValue()) === '1000000', 'default 1000000, got ' + (await input.inputValue()))
    await input.fill('5000')
    await input.blur()
    await page.locator('.params-save').click()
    await page.locator('.el-message--success').first().waitFor()
    await page.reload()
    await page.locator('#param-imports-max-rows').waitFor()
    expect((await page.locator('#param-imports-max-rows').inputValue()) === '5000', 'the value stays after a reload')
    await page.locator('.param-restore').first().waitFor()
    await shot('params')
    const params = await json('/settings/params?module=imports')
    expect(params.items[0].value === 5000 && params.items[0].is_default === false, JSON.stringify(params.items[0]))
  })

  await undoSteps(ctx, s)
}

/** The audit admin exports the login log: words, numbers as numbers, a dated Chinese name. */
export async function logExportSteps(ctx, password) {
  const { step, expect, shot, BASE, login, logout } = ctx
  const page = ctx.page()
  await step('audit admin exports the login log as a workbook in words', async () => {
    await login('auditor', password)
    await page.waitForURL(/\/(password)?$/)
    await page.goto(BASE + '/audit/logins')
    await page.locator('.login-log-page .el-table__row').first().waitFor()
    await shot('login-log')
    const dl = page.waitForEvent('download')
    await page.locator('.login-export').click()
    const file = await dl
    expect(/^登录日志_\d{4}-\d{2}-\d{2}\.xlsx$/.test(file.suggestedFilename()), 'file name: ' + file.suggestedFilename())
    const { rows } = readXlsx(await readFile(await file.path()))
    const header = rows[0].map((c) => c.value)
    expect(header[0] === '序号' && header.includes('操作') && header.includes('结果'), 'header: ' + header.join('|'))
    const act = header.indexOf('操作')
    expect(rows.length > 1 && rows.slice(1).every((r) => r[0]?.type === 'number'), '序号 must be numbers')
    expect(rows.slice(1).some((r) => r[act]?.value === '登录'), 'actions in words')
    expect(rows.slice(1).every((r) => !String(r[act]?.value).startsWith('auth.')), 'no action codes')
    await logout()
  })
}

/** The steps of 导入批次 (undo), run by systemSteps with the clerk signed in. */
async function undoSteps(ctx, s) {
  const { step, expect, shot, BASE } = ctx
  const page = ctx.page()
  const upload = async (path, name, text) => {
    const csrf = (await (await page.request.fetch(BASE + '/api/v1/auth/me')).json()).csrf_token
    const r = await page.request.post(BASE + '/api/v1' + path, {
      headers: { 'X-CSRF-Token': csrf },
      multipart: { file: { name, mimeType: 'text/csv', buffer: Buffer.from(text) } },
    })
    expect(r.ok(), `${path}: HTTP ${r.status()} ${await r.text()}`)
    return r.json()
  }
  await step('system: a wrong sales import is undone from 导入批次; its entities are refused in words', async () => {
    const uscc = usccWithCheck('91341302MA2NUND' + String(Date.now() % 90 + 10))
    const ent = await upload('/entities/import', '撤销主体.csv', `统一社会信用代码,主体名称,主体类型,所在区划代码\n${uscc},撤销测试合作社,合作社,符离镇\n`)
    expect(ent.rows_imported === 1, JSON.stringify(ent))
    const sales = await upload('/sales/import', '错的网销.csv', `统一社会信用代码,所属期,平台,方向,是否农产品,网络销售额(元)\n${uscc},2019-05,淘宝,上行,是,88888\n`)
    expect(sales.rows_imported === 1, JSON.stringify(sales))
    await page.goto(BASE + '/system/imports')
    const row = page.locator('.import-batches-page .el-table__row', { hasText: '错的网销.csv' }).first()
    await row.waitFor()
    await row.locator('.batch-undo').click()
    await page.locator('.el-message-box', { hasText: '错的网销.csv' }).waitFor()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await row.locator('.batch-undone').waitFor()
    await shot('import-undone')
    const left = await (await page.request.fetch(BASE + '/api/v1/sales?from=2019-05&to=2019-05&page_size=200')).json()
    expect(!left.items.some((r) => r.batch_id === sales.batch_id), 'the undone rows are no longer current')
    const entRow = page.locator('.import-batches-page .el-table__row', { hasText: '撤销主体.csv' }).first()
    await entRow.locator('.batch-undo').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('.el-message--error', { hasText: '网络销售额引用' }).waitFor()
  })
}
