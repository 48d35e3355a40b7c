// End-to-end steps of the home page as a work page (issue 26 item 11), run by run.mjs after the
// town-report block (whose 符离镇 clerk it reuses). The county clerk `staff` signs in and sees
// 今日待办 (the seed plan's overdue tasks to chase) and 关键指标 (targets behind, tasks overdue,
// this year's online sales) with the same figures GET /home/work gives, and follows the to-do to
// the programme's lagging tab. The town clerk signs in on a 390 px phone and sees only their own
// to-do (the town-led tasks their town has not reported on), no key figures, and follows it to
// the task table.

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, logout, staffPassword }; town: { username, password } */
export async function homeSteps(ctx, town) {
  const { step, expect, shot, BASE, login } = ctx
  const page = () => ctx.page()
  const work = async () => {
    const r = await page().request.fetch(BASE + '/api/v1/home/work')
    expect(r.ok(), `/home/work: HTTP ${r.status()}`)
    return r.json()
  }
  const count = async (key) => Number((await page().locator(`.todo-item[data-key="${key}"] .todo-count`).innerText()).replace(/\D/g, ''))

  await step('home: the county clerk sees the to-dos and key figures and follows a to-do', async () => {
    await ctx.context.clearCookies()
    await login('staff', ctx.staffPassword)
    await page().waitForURL(BASE + '/')
    await page().locator('.home-todos .todo-item[data-key="programme.overdue_to_chase"]').waitFor()
    const w = await work()
    const overdue = w.todos.find((x) => x.key === 'programme.overdue_to_chase')
    expect(overdue && (await count(overdue.key)) === overdue.count, 'overdue to-do count differs from the API: ' + JSON.stringify(overdue))
    expect(w.errors.length === 0, 'providers failed: ' + JSON.stringify(w.errors))
    for (const key of ['programme.targets_behind', 'programme.tasks_overdue', 'sales.online_year'])
      await page().locator(`.home-figures .figure[data-key="${key}"]`).waitFor()
    const text = await page().locator('.home-todos').innerText()
    expect(text.includes('逾期任务待督办'), 'to-do words: ' + text)
    await shot('h01-home-county')
    // the to-do opens its link: the programme's 督查 tab (one programme with overdue tasks)
    expect(/^\/programmes\/\d+\?tab=lagging$/.test(overdue.link), 'overdue link: ' + overdue.link)
    await page().locator('.todo-item[data-key="programme.overdue_to_chase"] a').click()
    await page().waitForURL(BASE + overdue.link)
    await page().locator('.pd-tabs .el-tabs__item.is-active', { hasText: '督查' }).waitFor({ timeout: 60000 })
    await ctx.logout()
  })

  await step('home: the town clerk sees only their own to-do on a phone and follows it', async () => {
    await ctx.context.clearCookies()
    await page().setViewportSize({ width: 390, height: 844 })
    await login(town.username, town.password)
    await page().waitForURL(BASE + '/')
    const item = page().locator('.home-todos .todo-item[data-key="programme.town_unreported"]')
    await item.waitFor()
    const w = await work()
    expect(w.figures.length === 0 && (await page().locator('.home-figures').count()) === 0, 'a town clerk gets no key figures')
    expect(w.todos.every((x) => x.key.startsWith('programme.town_')), 'town to-dos: ' + JSON.stringify(w.todos))
    const mine = w.todos.find((x) => x.key === 'programme.town_unreported')
    expect((await count(mine.key)) === mine.count, 'town to-do count differs from the API')
    const overflow = await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'home page wider than a 390 px screen by ' + overflow + ' px')
    await shot('h02-home-town-390')
    await item.locator('a').click()
    await page().waitForURL(BASE + mine.link)
    await page().locator('.task-table .el-table__row').first().waitFor({ timeout: 60000 })
    await page().setViewportSize({ width: 1366, height: 768 })
    await ctx.logout()
  })
}
