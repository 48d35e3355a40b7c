// End-to-end steps of the programme editor (issue 26 item 2), run by run.mjs after the programme
// steps as `staff` (county_staff of 341302, programme:edit). A clerk types a programme into the
// forms; the checker's error shows on the target while its source is missing and clears when it is
// filled; saving makes version 1; an edit makes version 2 whose changes are listed in words; the
// version history compares them; the exported file uploaded again is the same version.
const KEY = `e2e_form_${Date.now().toString(36)}`
const NAME = 'E2E 表单录入的农村电商工作方案'

/** ctx: { step, expect, shot, page: () => Page, BASE, log, login, logout, password } */
export async function editorSteps(ctx) {
  const { step, expect, shot, BASE, log } = ctx
  const page = () => ctx.page()
  const s = {}

  async function pick(selectLocator, text) {
    await selectLocator.click()
    await page().keyboard.type(text)
    await page().locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
  }
  async function typeDate(locator, date) {
    await locator.locator('input').fill(date)
    await locator.locator('input').press('Enter')
  }
  async function waitClean() {
    await page().locator('.ed-state-clean').waitFor({ timeout: 20000 })
  }

  await step('editor: a programme typed into forms, checked as the clerk types, saved as version 1', async () => {
    await ctx.login('staff', ctx.password)
    await page().waitForURL(BASE + '/')
    await page().goto(BASE + '/programmes')
    await page().locator('.programme-new').click()
    await page().waitForURL(/\/programmes\/new$/)
    const ed = page().locator('.programme-editor')
    await ed.locator('.ed-key input').fill(KEY)
    await ed.locator('.ed-name input').fill(NAME)
    await ed.locator('.ed-issuers').click()
    await page().keyboard.type('埇桥区人民政府办公室')
    await page().keyboard.press('Enter')
    await page().keyboard.press('Escape')
    await ed.locator('.ed-docno input').fill('埇政办〔2020〕9号')
    await typeDate(ed.locator('.ed-start'), '2020-01-01')
    await typeDate(ed.locator('.ed-end'), '2020-12-31')
    await ed.locator('.ed-source-doc input').fill('埇政办〔2020〕9号.pdf')
    await ed.locator('.ed-tabs .el-tabs__item', { hasText: '目标' }).click()
    await ed.locator('.ed-add-target').click()
    const tg = ed.locator('.ed-target').first()
    await pick(tg.locator('.tg-indicator'), 'new_entities')
    await tg.locator('.tg-value input').fill('100')
    await typeDate(tg.locator('.tg-deadline'), '2020-12-31')
    await tg.locator('.tg-text textarea').fill('新增农村电商经营主体100个以上')
    // No source yet: the checker's error appears on the target (its field and the tab badge).
    await tg.locator('.el-form-item.is-error', { hasText: '出处' }).waitFor({ timeout: 20000 })
    // the tag is replaced with a transition: the leaving copy may still be there
    const state = await ed.locator('.ed-state-errors:not(.el-zoom-in-center-leave-active)').innerText()
    expect(/处问题/.test(state), 'the error count is not shown: ' + state)
    await shot('e01-editor-target-error')
    await tg.locator('.tg-source input').fill('一、目标要求, l.3')
    await waitClean()
    await ed.locator('.ed-save').click()
    const dlg = page().locator('.ed-saved')
    await dlg.waitFor()
    expect((await dlg.innerText()).includes('第 1 版'), 'saved dialog: ' + (await dlg.innerText()))
    await dlg.locator('.ed-open-saved').click()
    await page().waitForURL(/\/programmes\/\d+$/)
    s.v1 = Number(page().url().split('/').pop())
    await page().locator('.pd-name', { hasText: NAME }).waitFor()
    const meta = await page().locator('.pd-meta').innerText()
    expect(meta.includes('埇政办〔2020〕9号'), '文号 missing on the detail page: ' + meta)
  })

  await step('editor: an edit makes version 2 with its changes in words; history compares the versions', async () => {
    await page().locator('.pd-edit-link').click()
    await page().waitForURL(new RegExp(`/programmes/${s.v1}/edit$`))
    const ed = page().locator('.programme-editor')
    await waitClean()
    await ed.locator('.ed-tabs .el-tabs__item', { hasText: '目标' }).click()
    const tg = ed.locator('.ed-target').first()
    await tg.locator('.el-collapse-item__header').click()
    await tg.locator('.tg-value input').fill('120')
    await page().waitForTimeout(100)
    await waitClean()
    await ed.locator('.ed-save').click()
    const dlg = page().locator('.ed-saved')
    await dlg.waitFor()
    const text = await dlg.innerText()
    expect(text.includes('第 2 版') && text.includes('目标 T01 · 数值') && text.includes('100') && text.includes('120'), 'changes: ' + text)
    await shot('e02-editor-saved-changes')
    await dlg.locator('.ed-open-saved').click()
    await page().waitForURL(/\/programmes\/\d+$/)
    s.v2 = Number(page().url().split('/').pop())
    expect(s.v2 !== s.v1, 'version 2 has the id of version 1')
    await page().locator('.pd-versions-link').click()
    await page().waitForURL(new RegExp(`/programmes/${s.v2}/versions$`))
    const rows = page().locator('.programme-versions .el-table__body-wrapper .el-table__row')
    await rows.nth(1).waitFor()
    expect((await rows.count()) === 2, 'expected two versions')
    expect((await rows.first().innerText()).includes('在线编辑（staff）'), 'who saved: ' + (await rows.first().innerText()))
    await rows.first().locator('.ver-compare').click()
    const diff = page().locator('.ver-diff')
    await diff.waitFor()
    expect((await diff.innerText()).includes('第 1 版 → 第 2 版'), 'diff title: ' + (await diff.innerText()))
    await shot('e03-versions-diff')
  })

  await step('editor: the exported file uploaded again is the same version', async () => {
    const r = await page().request.get(`${BASE}/api/v1/programmes/${s.v2}/export`)
    expect(r.ok(), 'export: HTTP ' + r.status())
    const buffer = await r.body()
    expect(buffer.toString().includes(`id: ${KEY}`), 'the export is not the programme file')
    await page().goto(BASE + '/programmes')
    await page().locator('.programme-upload').click()
    const dlg = page().locator('.programme-upload-dialog')
    await dlg.waitFor()
    await dlg.locator('.programme-upload-input').setInputFiles({ name: `${KEY}.yaml`, mimeType: 'application/yaml', buffer })
    await dlg.locator('.programme-upload-start').click()
    await page().waitForURL(new RegExp(`/programmes/${s.v2}$`))
    await page().locator('.el-message', { hasText: '内容未变化' }).waitFor()
    log(`       ${KEY}: versions ${s.v1} → ${s.v2}, export re-imported unchanged`)
    await ctx.logout()
  })
}
