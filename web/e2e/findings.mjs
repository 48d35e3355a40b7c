// End-to-end steps of the issue list (问题清单, issue 21 item 9), run by run.mjs after the funds
// block. A county clerk created through the API records an audit finding on the county's
// programme (an empty form lands on its fields first), the list flags it overdue once its
// deadline has passed (recorded with a deadline before today), the clerk reports the
// rectification in the drawer (a missing text is refused on its field), and closes it; the list
// then shows it closed and not overdue. The drawer fits a 390 px screen. The same clerk sets a
// project type's required materials for the county (项目申报 → 申报材料清单).

import { apiHelpers } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function findingSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const s = {}
  const { makeUser } = apiHelpers(ctx)
  const title = '站点服务价格未公示' + Date.now().toString(36).slice(-4)
  const row = () => page.locator('.findings-page .el-table__row', { hasText: title })

  async function fillDate(selector, value) {
    await page.locator(selector).fill(value)
    await page.locator(selector).press('Enter')
  }

  await step('findings: a county clerk records a finding on the programme', async () => {
    Object.assign(s, await makeUser('fdc', 'county_staff', '县商务局督查专员'))
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '问题清单' }).click()
    await page.waitForURL(/\/findings$/)
    await page.locator('.fd-add').click()
    const dlg = page.locator('.finding-dialog')
    await dlg.waitFor()
    await dlg.locator('.fd-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '请填写问题概述' }).waitFor()
    await dlg.locator('.el-form-item__error', { hasText: '请选择所属区划' }).waitFor()
    await dlg.locator('.fd-region').click()
    const panel = page.locator('.el-cascader__dropdown:visible')
    await panel.locator('.el-cascader-node', { hasText: '埇桥区' }).locator('.el-radio').click()
    await page.keyboard.press('Escape')
    await dlg.locator('.el-select', { has: page.locator('#fd-source') }).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '审计' }).first().click()
    await dlg.locator('#fd-title').fill(title)
    await dlg.locator('#fd-requirement').fill('各站点张贴服务价格表')
    await dlg.locator('#fd-owner').fill('县商务局')
    await fillDate('#fd-found', '2023-03-01')
    await fillDate('#fd-due', '2023-03-31')
    await dlg.locator('.fd-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await page.locator('.finding-drawer .fd-overdue').waitFor()
    await page.locator('.finding-drawer .el-drawer__close-btn').click()
    await row().locator('.fd-row-overdue').waitFor()
    await shot('findings-list')
  })

  await step('findings: the office extends the deadline (延期), so it is no longer overdue', async () => {
    await row().locator('.fd-handle').click()
    const drawer = page.locator('.finding-drawer')
    await drawer.locator('.fd-to-open').click()
    await drawer.locator('#fd-note').fill('汛期无法张贴，申请延期')
    await drawer.locator('.fd-move-save').click()
    await drawer.locator('.el-form-item__error', { hasText: '请选择延期后的整改期限' }).waitFor()
    const later = new Date(Date.now() + 8 * 3600e3 + 30 * 86400e3).toISOString().slice(0, 10)
    await fillDate('#fd-new-due', later)
    await drawer.locator('.fd-move-save').click()
    await drawer.locator('.fd-move-extended', { hasText: later }).waitFor()
    // The tag leaves with el-tag's fade: wait until it is gone (it never goes while overdue).
    await drawer.locator('.fd-overdue').waitFor({ state: 'detached' })
    await drawer.locator('.el-drawer__close-btn').click()
  })

  await step('findings: the rectification is reported with its evidence (its text required), then closed', async () => {
    await row().locator('.fd-handle').click()
    const drawer = page.locator('.finding-drawer')
    await drawer.locator('.fd-files .att-input-evidence').setInputFiles({ name: '价格表照片.txt', mimeType: 'text/plain', buffer: Buffer.from('各站点价格表照片\n') })
    await drawer.locator('.fd-files', { hasText: '价格表照片.txt' }).waitFor()
    await drawer.locator('.fd-to-submitted').click()
    await drawer.locator('.fd-move-save').click()
    await drawer.locator('.el-form-item__error', { hasText: '请填写整改情况' }).waitFor()
    await drawer.locator('.fd-evidence .el-checkbox', { hasText: '价格表照片.txt' }).click()
    await drawer.locator('#fd-note').fill('各站点已张贴价格表，附照片')
    await drawer.locator('.fd-move-save').click()
    await drawer.locator('.fd-status', { hasText: '整改待核实' }).waitFor()
    await drawer.locator('.fd-move-evidence', { hasText: '价格表照片.txt' }).waitFor()
    await drawer.locator('.fd-to-closed').click()
    await drawer.locator('.fd-move-save').click()
    await drawer.locator('.fd-status', { hasText: '已销号' }).waitFor()
    expect((await drawer.locator('.fd-moves .el-timeline-item').count()) === 3, 'three moves in the timeline (the extension, the report, the close)')
    await shot('finding-drawer')
    await drawer.locator('.el-drawer__close-btn').click()
    await row().locator('.fd-row-status', { hasText: '已销号' }).waitFor()
    expect((await row().locator('.fd-row-overdue').count()) === 0, 'a closed finding is not overdue')
  })

  await step('projects: the county office sets the required materials of a type', async () => {
    await page.goto(BASE + '/projects')
    await page.locator('.pj-materials').click()
    const dlg = page.locator('.material-set-dialog')
    await dlg.waitFor()
    await dlg.locator('.ms-source', { hasText: '004 附件2' }).waitFor()
    const before = await dlg.locator('.ms-row').count()
    await dlg.locator('.ms-row').last().locator('.ms-remove').click()
    await dlg.locator('.ms-add').click()
    await dlg.locator('.ms-row').last().locator('.ms-code', { hasText: 'extra_1' }).waitFor()
    await dlg.locator('.ms-row').last().locator('input').fill('项目公示截图（县门户网站）')
    await dlg.locator('.ms-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '请填写此项' }).waitFor()
    await dlg.locator('#ms-reason').fill('本县要求公示截图')
    await dlg.locator('.ms-save').click()
    await dlg.locator('.ms-source', { hasText: '本县设置' }).waitFor()
    expect((await dlg.locator('.ms-row').count()) === before, 'one material removed, one added')
    await shot('project-material-sets')
    await page.keyboard.press('Escape')
    await dlg.waitFor({ state: 'hidden' })
    await page.goto(BASE + '/findings')
  })

  await step('findings: the drawer fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await row().locator('.fd-handle').click()
    await page.locator('.finding-drawer .fd-status').waitFor()
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width <= 400, `the findings page is ${width}px wide on a 390px screen`)
    await shot('finding-drawer-phone')
    await page.locator('.finding-drawer .el-drawer__close-btn').click()
    await page.setViewportSize({ width: 1366, height: 900 })
  })
}
