// End-to-end walk of the project workflow pages (issue 21 items 7–8, 004 附件2), run by run.mjs
// after the issue list. A county clerk created through the API (county staff hold both the
// applicant's and the office's permissions) files an application in 项目申报 (the form shows the
// type's materials checklist), is refused submission while materials are missing (named in the
// dialog), uploads a file per material, submits, and sees the review deadline at the 5th working
// day on the official calendar (the server's own calendar answer) and in 评审待办. The office then
// takes 初审 and the review, publishes the conclusion (a note is required), the applicant requests
// acceptance, the office records the 验收意见, grades the evaluation 合格 and sends it for
// approval. Every stage's deadline is closed, the timeline holds each move; a finding recorded on
// the project is listed on its page and opens its drawer; the page fits a 390 px screen.

import { apiHelpers } from './api.mjs'

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function projectSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const s = {}
  const { makeUser, post } = apiHelpers(ctx)
  const name = '县级物流配送中心' + Date.now().toString(36).slice(-4)
  const statusTag = (label) => page.locator('.project-detail-page .project-status', { hasText: label })
  // pages stay alive in the console's tabs (keep-alive): every look is inside the project page
  const detail = page.locator('.project-detail-page')
  const deadlineRow = (stage) => detail.locator('.deadlines-table .el-table__row', { hasText: stage })

  /** Takes the next step `to` from the project page; `fill` completes the dialog. */
  async function moveTo(to, label, fill) {
    await detail.locator(`.pj-move-${to}`).click()
    const dlg = page.locator('.move-dialog')
    await dlg.waitFor()
    if (fill) await fill(dlg)
    await dlg.locator('.pj-move-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await statusTag(label).waitFor()
  }

  await step('projects: a county clerk files an application with the type\'s checklist', async () => {
    Object.assign(s, await makeUser('pjw', 'county_staff', '县商务局项目专员'))
    await context.clearCookies()
    await login(s.username, s.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '项目申报' }).click()
    await page.waitForURL(/\/projects$/)
    await page.locator('.pj-add').click()
    const dlg = page.locator('.project-dialog')
    await dlg.waitFor()
    await dlg.locator('.el-cascader').click()
    const panel = page.locator('.el-cascader__dropdown:visible')
    await panel.locator('.el-cascader-node', { hasText: '埇桥区' }).locator('.el-radio').click()
    await page.keyboard.press('Escape')
    await dlg.locator('.el-select', { has: page.locator('#pj-type') }).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '物流' }).first().click()
    await dlg.locator('.pj-checklist .pj-material').first().waitFor()
    s.materials = await dlg.locator('.pj-checklist .pj-material').count()
    expect(s.materials >= 1, 'the form lists the type\'s materials')
    await dlg.locator('#pj-name').fill(name)
    await dlg.locator('#pj-applicant').fill('埇桥物流有限公司')
    await dlg.locator('#pj-subsidy').fill('500000')
    await dlg.locator('.pj-save').click()
    await page.waitForURL(/\/projects\/\d+$/)
    await detail.locator('.project-title', { hasText: name }).waitFor()
    await statusTag('草稿').waitFor()
    s.url = page.url()
  })

  await step('projects: submission is refused while materials are missing, then made with every file', async () => {
    await detail.locator('.pj-move-submitted').click()
    const dlg = page.locator('.move-dialog')
    await dlg.waitFor()
    await dlg.locator('.pj-move-save').click()
    await dlg.locator('.pj-missing').waitFor()
    await page.keyboard.press('Escape')
    await dlg.waitFor({ state: 'hidden' })
    expect((await detail.locator('.pj-checklist li').count()) === s.materials, 'the page lists the materials the form showed')
    const codes = await detail.locator('.attachment-list .att-slot').evaluateAll((els) =>
      els.map((e) => [...e.classList].find((c) => c.startsWith('att-slot-')).slice('att-slot-'.length)).filter((c) => c !== 'evidence'))
    expect(codes.length === s.materials, `one file slot per material (${codes.length})`)
    for (const [i, code] of codes.entries()) {
      await detail.locator(`.att-input-${code}`).setInputFiles({ name: `材料${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`申报材料 ${code}\n`) })
      await detail.locator('.pj-checklist li.is-present').nth(i).waitFor()
    }
    expect((await detail.locator('.pj-checklist li.is-missing').count()) === 0, 'no material missing')
    await moveTo('submitted', '已申报')
  })

  await step('projects: the review deadline is the 5th working day on the official calendar, in the inbox', async () => {
    const received = (await detail.locator('.project-timeline .el-timeline-item__timestamp').first().textContent()).trim()
    const r = await page.request.get(`${BASE}/api/v1/calendar/workdays-after?date=${received}&n=5`)
    if (!r.ok()) {
      // late in December the 5th working day may fall in a year the calendar does not know yet
      await deadlineRow('评审').locator('.deadline-state', { hasText: '期限暂定' }).waitFor()
      s.due = '—'
    } else {
      s.due = (await r.json()).date
      await deadlineRow('评审').locator('.deadline-due', { hasText: s.due }).waitFor()
      await deadlineRow('评审').locator('.deadline-state', { hasText: '进行中' }).waitFor()
    }
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '项目申报' }).click()
    await page.locator('.pj-inbox-link').click()
    await page.waitForURL(/\/projects\/inbox$/)
    const row = page.locator('.inbox-table .el-table__row', { hasText: name })
    await row.locator('.inbox-due', { hasText: s.due }).waitFor()
    await shot('project-inbox')
    await row.locator('.inbox-project').click()
    await page.waitForURL(s.url)
    await statusTag('已申报').waitFor()
  })

  await step('projects: 初审 and review; the conclusion is published with its note', async () => {
    await moveTo('pre_review', '初审')
    await moveTo('review', '评审')
    await detail.locator('.pj-move-implementing').click()
    const dlg = page.locator('.move-dialog')
    await dlg.waitFor()
    await dlg.locator('.pj-move-save').click()
    await dlg.locator('.el-form-item__error', { hasText: '请填写说明' }).waitFor()
    await dlg.locator('#pj-move-note').fill('评审通过：建设内容符合要求，核定补助50万元')
    await dlg.locator('.pj-move-save').click()
    await dlg.waitFor({ state: 'hidden' })
    await statusTag('实施中').waitFor()
    await deadlineRow('评审').locator('.deadline-state', { hasText: '已结束' }).waitFor()
  })

  await step('projects: acceptance requested, 验收意见 recorded, evaluation 合格, sent for approval', async () => {
    await moveTo('acceptance_requested', '已申请验收')
    await deadlineRow('验收').locator('.deadline-state', { hasText: '进行中' }).waitFor()
    await moveTo('acceptance', '已验收', (dlg) => dlg.locator('#pj-move-note').fill('验收合格：配送中心建成投用'))
    await deadlineRow('评估').locator('.deadline-due').waitFor()
    await moveTo('evaluation', '已评估', async (dlg) => {
      await dlg.locator('.pj-move-save').click()
      await dlg.locator('.el-form-item__error', { hasText: '请选择评估结论' }).waitFor()
      await dlg.locator('.el-select', { has: page.locator('#pj-grade') }).click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: /^合格$/ }).first().click()
    })
    await detail.locator('.project-grade', { hasText: '合格' }).waitFor()
    await moveTo('approval', '审批')
    expect((await detail.locator('.deadlines-table .deadline-state', { hasText: '已结束' }).count()) === 3, 'review, acceptance and evaluation closed')
    expect((await detail.locator('.project-timeline .el-timeline-item').count()) === 8, 'eight moves in the timeline')
    await shot('project-walk')
  })

  await step('projects: a finding on the project is listed on its page and opens its drawer', async () => {
    await detail.locator('.project-findings').waitFor()
    // the console's own session (its CSRF token from /auth/me): no second sign-in
    const me = await page.request.get(BASE + '/api/v1/auth/me')
    expect(me.ok(), `auth/me: HTTP ${me.status()}`)
    const csrf = (await me.json()).csrf_token
    const projectId = Number(s.url.split('/').pop())
    const title = '验收发现设备台账不全' + Date.now().toString(36).slice(-4)
    await post(csrf, '/findings', { project_id: projectId, source: 'acceptance', title, owner_unit: '埇桥物流有限公司', due_on: '2030-12-31' })
    await page.reload()
    await detail.locator('.project-findings .pf-link', { hasText: title }).click()
    await page.locator('.finding-drawer:visible .fd-status', { hasText: '待整改' }).waitFor()
    await page.locator('.finding-drawer:visible .el-drawer__close-btn').click()
  })

  await step('projects: the project page fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await detail.locator('.project-title').waitFor()
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width <= 400, `the project page is ${width}px wide on a 390px screen`)
    await shot('project-detail-phone')
    await page.setViewportSize({ width: 1366, height: 900 })
  })
}
