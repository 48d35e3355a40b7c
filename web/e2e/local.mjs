// End-to-end steps of 地方设定 (issue 16 item 3), run by run.mjs after the award steps, with their
// users: the county maker opens programme 002, 地方设定, fills R02's tiers (seed: "100万元以内的一次性
// 分档奖励", tiers left to the county) with the local document number and date — first a top tier
// above the seed's cap, which is refused on that tier — and submits; the maker sees no approve
// button; the finance checker approves, which makes programme version 2; the award evaluation of
// the new version then shows the enterprise's amount (1200万元 of 2019 uplink sales, tier
// [1000万, 3000万) → 500,000.00 元) and names the local version it used.

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login }; users: the award steps' maker, checker, entityName, programmeName */
export async function localSteps(ctx, users) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const s = users || {}

  async function fillTier(k, from, to, amount) {
    const row = page.locator(`.local-form-dialog .pl-tier[data-tier="${k}"]`)
    if (from) await row.locator('.pl-tier-from input.el-input__inner').fill(from)
    if (to) await row.locator('.pl-tier-to input.el-input__inner').fill(to)
    await row.locator('.pl-tier-amount input.el-input__inner').fill(amount)
  }

  await step('local settings: the county maker opens 地方设定 of programme 002 and sees R02 待地方设定', async () => {
    expect(s.maker && s.checker, 'award steps did not create the users')
    await login(s.maker.username, s.maker.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/programmes')
    await page.locator('.programme-link', { hasText: s.programmeName }).first().click()
    await page.waitForURL(/\/programmes\/\d+$/)
    await page.locator('.pd-local-link').click()
    await page.waitForURL(/\/programmes\/\d+\/local$/)
    const r02 = page.locator('[data-test="local-items"] .el-table__row', { hasText: 'R02' }).first()
    await r02.waitFor()
    const text = await r02.innerText()
    expect(text.includes('待地方设定') && text.includes('不超过 100万元'), 'R02 row: ' + text)
    await shot('70-local-items', { fullPage: true })
  })

  await step('local settings: a top tier above the cap is refused on that tier; the maker submits the tiers', async () => {
    await page.locator('[data-test="local-items"] .el-table__row', { hasText: 'R02' }).first().locator('.pl-fill').click()
    const dlg = page.locator('.local-form-dialog')
    await dlg.locator('.pl-set-by input').fill('埇桥区商务局、区财政局')
    await dlg.locator('.pl-reference input').fill('埇商〔2020〕8号')
    await dlg.locator('.pl-decided-on input').fill('2020-03-02')
    await dlg.locator('.pl-decided-on input').press('Enter')
    await fillTier(0, '1000', '3000', '50')
    await fillTier(1, '3000', '', '150')
    await dlg.locator('.pl-submit').click()
    const err = dlg.locator('.pl-tier[data-tier="1"] .el-form-item__error')
    await err.waitFor()
    expect((await err.innerText()).includes('超过方案上限 100万元'), 'cap error: ' + (await err.innerText()))
    await shot('71-local-cap-refused')
    await fillTier(1, '', '', '100')
    await dlg.locator('.pl-submit').click()
    await page.locator('[data-test="local-pending"]').waitFor()
    expect((await page.locator('[data-test="local-pending"]').innerText()).includes('埇商〔2020〕8号'), 'pending change lacks the document number')
    expect((await page.locator('.pl-approve').count()) === 0, 'the maker must not see 审核通过')
    await context.clearCookies()
  })

  await step('local settings: the finance checker approves; the programme has version 2 with R02 set locally', async () => {
    await login(s.checker.username, s.checker.password)
    await page.waitForURL(BASE + '/')
    const progs = await (await page.request.get(BASE + '/api/v1/programmes?page_size=100')).json()
    const p = progs.items.find((x) => x.name === s.programmeName)
    await page.goto(BASE + `/programmes/${p.id}/local`)
    await page.locator('.pl-approve').click()
    await page.locator('.pl-version', { hasText: '第2版（地方设定变更' }).waitFor()
    const r02 = await page.locator('[data-test="local-items"] .el-table__row', { hasText: 'R02' }).first().innerText()
    expect(r02.includes('50万元') && r02.includes('埇商〔2020〕8号'), 'R02 after approval: ' + r02)
    await shot('72-local-approved', { fullPage: true })
  })

  await step('local settings: the award evaluation of version 2 shows the amount and the local version', async () => {
    await page.goto(BASE + '/awards')
    await page.locator('.aw-programme').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: s.programmeName + '（v2）' }).first().click()
    await page.locator('.aw-evaluate').click()
    const row = page.locator('.aw-lines .el-table__row', { hasText: s.entityName })
    await row.waitFor()
    const t = await row.innerText()
    expect(t.includes('500,000.00'), 'R02 line has no amount: ' + t)
    expect((await page.locator('.aw-local-version').innerText()).includes('地方设定变更'), 'evaluation does not name the local version')
    await shot('73-local-award-amounts', { fullPage: true })
    await context.clearCookies()
  })
}
