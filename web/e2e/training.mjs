// End-to-end steps of the training pages (issue 18), run by run.mjs after the designation block.
// Through the API the admin creates a county_staff user and a trainer; the county user registers
// a course, a one-day session of yesterday taught by the trainer and two trainees, and enrols
// them. On a 390 px phone the trainer opens 培训签到 from the menu, ticks both trainees present,
// saves, scores and assesses them (both 合格) — the page never shows a full ID number and fits
// the screen. The certificate code then verifies on the public page without a session (name
// masked), and the county user sees the trainee register masked.

/** ctx: { step, expect, shot, page: () => Page, context, BASE, login, adminPassword } */
export async function trainingSteps(ctx) {
  const { step, expect, shot, context, BASE, login } = ctx
  const page = ctx.page()
  const COUNTY = '341302000000'
  const s = {}
  const shanghai = (days) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)

  async function apiLogin(username, password) {
    await context.clearCookies()
    const res = await page.request.post(BASE + '/api/v1/auth/login', { data: { username, password } })
    expect(res.ok(), `API login ${username}: HTTP ${res.status()}`)
    return (await res.json()).csrf_token
  }
  const post = async (csrf, path, data) => {
    const r = await page.request.post(BASE + '/api/v1' + path, { headers: { 'X-CSRF-Token': csrf }, data })
    expect(r.ok(), `POST ${path}: HTTP ${r.status()} ${await r.text()}`)
    return r.json()
  }
  async function user(admin, role, prefix) {
    const name = prefix + Date.now().toString(36).slice(-5)
    const u = await post(admin, '/users', { username: name, display_name: role === 'trainer' ? '周老师' : '县人社局培训专员', roles: [role], region_code: COUNTY })
    const password = 'Trn#' + Math.random().toString(36).slice(2, 10) + 'q7P'
    const c1 = await apiLogin(name, u.initial_password)
    await post(c1, '/auth/password', { old_password: u.initial_password, new_password: password })
    return { name, password }
  }

  await step('training: a county user registers a course, a session and trainees through the API', async () => {
    const admin = await apiLogin('admin', ctx.adminPassword)
    s.county = await user(admin, 'county_staff', 'trc')
    s.trainer = await user(await apiLogin('admin', ctx.adminPassword), 'trainer', 'trt')
    const csrf = await apiLogin(s.county.name, s.county.password)
    s.title = '网店运营初级班' + Date.now().toString(36).slice(-4)
    const course = await post(csrf, '/training/courses', { region_code: COUNTY, title: s.title, level: '初级班', tags: ['网店运营'], organiser_name: '埇桥区人社局' })
    const day = shanghai(-1)
    const session = await post(csrf, '/training/sessions', { course_id: course.id, name: '第1期', starts_on: day, ends_on: day, capacity: 30, trainers: [s.trainer.name] })
    s.session = session.id
    const towns = await (await page.request.get(BASE + `/api/v1/regions/${COUNTY}/children?page_size=5`)).json()
    const villages = await (await page.request.get(BASE + `/api/v1/regions/${towns.items[0].code}/children?page_size=50`)).json()
    const village = villages.items.find((v) => v.name.endsWith('村委会')) || villages.items[0]
    const a = await post(csrf, '/training/trainees', { id_number: '341302199001010016', name: '张三', region_code: village.code, mobile: '13800138000' })
    const b = await post(csrf, '/training/trainees', { id_number: '341302198512120028', name: '李芳', region_code: village.code })
    s.trainees = [a.id, b.id]
    await post(csrf, `/training/sessions/${s.session}/enrolments`, { trainee_ids: s.trainees })
  })

  await step('training: the trainer takes attendance and assesses on a 390 px phone page', async () => {
    await context.clearCookies()
    await page.setViewportSize({ width: 390, height: 844 })
    await login(s.trainer.name, s.trainer.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + `/training/attendance?session=${s.session}`)
    const card = page.locator('.training-attendance-page .att-card')
    await card.locator('.att-row', { hasText: '张三' }).waitFor()
    for (const name of ['张三', '李芳']) await card.locator('.att-row', { hasText: name }).locator('.att-check').click()
    await card.locator('.att-count', { hasText: '2 / 2' }).waitFor()
    await card.locator('.att-save').click()
    await page.locator('.el-message--success', { hasText: '新增 2' }).waitFor()
    await card.locator('.att-count', { hasText: '2 人次' }).waitFor()
    for (const name of ['张三', '李芳']) await card.locator('.att-row', { hasText: name }).locator('.att-score input').fill('80')
    await card.locator('.att-assess').click()
    await page.locator('.el-message--success', { hasText: '合格 2 人' }).waitFor()
    await card.locator('.att-row', { hasText: '张三' }).locator('.att-cert').waitFor()
    const text = await card.textContent()
    expect(!text.includes('341302199001010016'), 'the full ID number is on the page')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'attendance page wider than the screen by ' + overflow + ' px')
    await shot('training-attendance-mobile')
    const href = await card.locator('.att-row', { hasText: '张三' }).locator('.att-cert').getAttribute('href')
    s.code = href.split('/').pop()
    // the PDF certificate is a link of its own beside the printable page
    const pdf = await card.locator('.att-row', { hasText: '张三' }).locator('.att-pdf').getAttribute('href')
    expect(pdf.startsWith(`/api/v1/training/certificates/${s.code}/pdf`), 'PDF certificate link: ' + pdf)
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('training: anyone verifies the certificate without a session, name masked', async () => {
    await context.clearCookies()
    await page.goto(BASE + `/verify/${s.code}`)
    await page.locator('.certificate .cert-code', { hasText: s.code }).waitFor()
    const text = await page.locator('.certificate').textContent()
    expect(text.includes('张*') && !text.includes('张三'), 'certificate name not masked: ' + text)
    expect(text.includes(s.title), 'certificate lacks the course')
    await shot('training-certificate')
    await page.locator('#verify-code').fill('AAAAAAAAAAAA')
    await page.locator('.verify-go').click()
    await page.locator('.verify-error').waitFor()
  })

  await step('training: the county user sees the trainee register masked', async () => {
    await login(s.county.name, s.county.password)
    await page.waitForURL(BASE + '/')
    await page.goto(BASE + '/training/trainees')
    const row = page.locator('.training-trainees-page .el-table__row', { hasText: '张三' })
    await row.waitFor()
    await row.getByText('341302********0016').waitFor()
    const text = await page.locator('.training-trainees-page').textContent()
    expect(!text.includes('341302199001010016'), 'the register shows a full ID number')
  })
}
