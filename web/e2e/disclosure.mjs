// End-to-end steps of the disclosure portal (信息公开, issue 25 items 5–6), run by run.mjs after the
// reporting block. The admin creates two county_staff users through the API. The first opens
// 信息公开, drafts the seed programme (a frozen snapshot previewed in the console) and submits it,
// and cannot publish it themself; the second publishes it. The public page then opens without a
// session at phone width: the title, version 1, the Beijing-time publication date and the same
// content hash the public JSON gives, and no horizontal overflow of the page.
import { apiHelpers } from './api.mjs'

const NAME = '埇桥区农村电商优化升级工作方案'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function disclosureSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const s = {}
  const { makeUser } = apiHelpers(ctx)

  await step('disclosure: a maker and a publisher are created through the API', async () => {
    s.maker = await makeUser('dca', 'county_staff', '县商务局信息员')
    s.checker = await makeUser('dcb', 'county_staff', '县商务局分管领导')
  })

  await step('disclosure: the maker drafts the programme, previews and submits it', async () => {
    await context.clearCookies()
    await login(s.maker.username, s.maker.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '信息公开' }).click()
    await page.waitForURL(/\/disclosure$/)
    await page.locator('.dc-add').click()
    const dlg = page.locator('.dc-draft-dialog')
    await dlg.waitFor()
    await dlg.locator('.dc-draft-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '请选择类别' }).waitFor() // Chinese field errors
    await dlg.locator('.dc-kind-select').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '实施方案与目标进度' }).click()
    await dlg.locator('.dc-source-select').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: NAME }).first().click()
    await shot('disclosure-draft-form')
    await dlg.locator('.dc-draft-save').click()
    await page.waitForURL(/\/disclosure\/\d+$/)
    s.id = Number(page.url().split('/').pop())
    await page.locator('.dc-status', { hasText: '草稿' }).waitFor()
    await page.locator('.dc-preview h4', { hasText: '目标任务与完成进度' }).waitFor()
    s.hash = (await page.locator('.dc-hash').innerText()).trim()
    expect(/^[0-9a-f]{64}$/.test(s.hash), 'no content hash: ' + s.hash)
    await shot('disclosure-draft', { fullPage: true })
    await page.locator('.dc-submit').click()
    await page.locator('.dc-status', { hasText: '待发布' }).waitFor()
    expect(await page.locator('.dc-publish').isDisabled(), 'the maker must not be able to publish their own draft')
    await page.locator('.dc-note', { hasText: '须由另一人发布' }).waitFor()
  })

  await step('disclosure: another user publishes it', async () => {
    await context.clearCookies()
    await login(s.checker.username, s.checker.password)
    await page.waitForURL(BASE + '/')
    await page.goto(`${BASE}/disclosure/${s.id}`)
    await page.locator('.dc-publish').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('.dc-status', { hasText: '已发布' }).waitFor()
    expect((await page.locator('.dc-version').innerText()).trim() === '1', 'version is not 1')
    s.path = await page.locator('.dc-public-link').getAttribute('href')
    expect(s.path === `/public/341302/publications/${s.id}`, 'public link: ' + s.path)
  })

  await step('disclosure: the public page opens without login at phone width', async () => {
    await context.clearCookies()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(BASE + s.path)
    await page.locator('main h1', { hasText: NAME }).waitFor()
    const text = await page.locator('main').innerText()
    expect(text.includes('第 1 版'), 'no version on the public page')
    expect(text.includes('北京时间'), 'no publication time on the public page')
    expect(text.includes(s.hash), 'the page does not show the content hash')
    expect(text.includes('目标任务与完成进度'), 'the targets are missing')
    expect((await page.title()).includes(NAME), 'title: ' + (await page.title()))
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 0, `the page overflows the phone width by ${overflow}px`)
    await shot('m-disclosure-public-390', { fullPage: true })
    const r = await page.request.fetch(`${BASE}/api/v1/public/341302/publications/${s.id}`)
    expect(r.ok(), 'public JSON: HTTP ' + r.status())
    const j = await r.json()
    expect(j.content_sha256 === s.hash && j.version === 1, 'public JSON disagrees: ' + JSON.stringify(j).slice(0, 200))
    await page.goto(BASE + '/public/341302')
    await page.locator(`a[href="${s.path}"]`).waitFor()
    await page.setViewportSize({ width: 1366, height: 768 })
  })
}
