#!/usr/bin/env node
// End-to-end scenario for the web console, driving Debian's Chromium through playwright-core.
// Started by scripts/test-e2e, which runs a fresh server and passes:
//   RURALEC_URL       http://127.0.0.1:PORT
//   ADMIN_PASSWORD    password of `admin` (system_admin of county 341302)
//   AUDITOR_PASSWORD  password of `auditor` (audit_admin), optional
//   SECURITY_PASSWORD password of `security` (security_admin), optional
//   STAFF_PASSWORD    password of `staff` (county_staff; programme steps in programmes.mjs), optional
//   ARTIFACTS         directory for screenshots (default build/e2e-artifacts)
// Prints one line per step and ends with "e2e: N passed, N failed, N skipped".
import { chromium } from 'playwright-core'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { programmeSteps } from './programmes.mjs'
import { editorSteps } from './editor.mjs'
import { salesSteps } from './sales.mjs'
import { conventionSteps } from './conventions.mjs'
import { awardSteps } from './awards.mjs'
import { localSteps } from './local.mjs'
import { stationSteps } from './stations.mjs'
import { logisticsSteps } from './logistics.mjs'
import { productsSteps } from './products.mjs'
import { trainingSteps } from './training.mjs'
import { designationSteps } from './designations.mjs'
import { fundSteps } from './funds.mjs'
import { findingSteps } from './findings.mjs'
import { projectSteps } from './projects.mjs'
import { householdSteps } from './households.mjs'
import { matchingSteps } from './matching.mjs'
import { reportSteps } from './reports.mjs'
import { disclosureSteps } from './disclosure.mjs'
import { townTaskSteps } from './towns.mjs'
import { logExportSteps, systemSteps } from './system.mjs'
import { homeSteps } from './home.mjs'
import { dashboardSteps } from './dashboard.mjs'

const BASE = process.env.RURALEC_URL || 'http://127.0.0.1:8080'
const ADMIN_PW = process.env.ADMIN_PASSWORD || ''
const AUDITOR_PW = process.env.AUDITOR_PASSWORD || ''
const SECURITY_PW = process.env.SECURITY_PASSWORD || ''
const STAFF_PW = process.env.STAFF_PASSWORD || ''
const ART = resolve(process.env.ARTIFACTS || join(import.meta.dirname, '../../build/e2e-artifacts'))
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const COUNTY = '341302000000'
const TIMEOUT = Number(process.env.E2E_TIMEOUT) || 15000 // E2E_TIMEOUT (ms) for a loaded machine

mkdirSync(ART, { recursive: true })
const profile = mkdtempSync(join(tmpdir(), 'ruralec-e2e-chromium-'))

const results = []
const consoleProblems = []
let aborted = false
const state = {}

function log(s) {
  process.stdout.write(s + '\n')
}

async function step(name, fn) {
  if (aborted) {
    results.push({ name, status: 'skipped' })
    log(`skip - ${name}`)
    return
  }
  const t0 = Date.now()
  try {
    await fn()
    results.push({ name, status: 'passed' })
    log(`ok   - ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    results.push({ name, status: 'failed' })
    log(`FAIL - ${name}: ${e?.message?.split('\n').slice(0, 6).join('\n       ') || e}`)
    try {
      await page.screenshot({ path: join(ART, `FAIL-${name.replace(/[^\w-]+/g, '_')}.png`), fullPage: true })
    } catch {
      /* page may be gone */
    }
    aborted = true
  }
}

function expect(cond, msg) {
  if (!cond) throw new Error(msg)
}

async function shot(name, opts = {}) {
  await page.waitForTimeout(250) // let transitions settle
  await page.screenshot({ path: join(ART, name + '.png'), fullPage: !!opts.fullPage })
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic',
  ],
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
})
context.setDefaultTimeout(TIMEOUT)
let page = context.pages()[0] || (await context.newPage())
function watchPage(p) {
  p.on('console', (m) => {
    const text = m.text()
    if (m.type() === 'error' && /Content Security Policy|Refused to|Uncaught/i.test(text)) consoleProblems.push(text)
  })
  p.on('pageerror', (e) => consoleProblems.push('pageerror: ' + e.message))
}
watchPage(page)

const api = (path, init = {}) => page.request.fetch(BASE + '/api/v1' + path, init)

async function login(username, password) {
  await page.goto(BASE + '/login')
  await page.locator('#login-username').fill(username)
  await page.locator('#login-password').fill(password)
  await page.locator('.login-submit').click()
}

async function logout() {
  await page.locator('.nav-user').click()
  await page.locator('.nav-logout').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.waitForURL(/\/login/)
}

try {
  await step('login page renders in Chinese', async () => {
    await page.goto(BASE + '/')
    await page.waitForURL(/\/login/)
    await page.locator('.login-box h1').waitFor()
    expect((await page.locator('.login-box').innerText()).includes('用户名'), 'no Chinese labels on the login page')
    await shot('01-login')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot('m00-login-390')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('admin logs in from the keyboard and sees the menu built from permissions', async () => {
    await page.locator('#login-username').click()
    await page.keyboard.type('admin')
    await page.keyboard.press('Tab')
    await page.keyboard.type(ADMIN_PW)
    await page.keyboard.press('Enter')
    await page.waitForURL(BASE + '/')
    await page.locator('.welcome').waitFor()
    const menu = await page.locator('.app-aside .menu').textContent()
    expect(menu.includes('行政区划') && menu.includes('用户管理') && menu.includes('工作日历'), 'menu lacks entries: ' + menu)
    expect(!menu.includes('审计日志'), 'system admin must not see the audit log menu')
    await page.locator('.echart canvas').waitFor()
    await shot('02-admin-home')
  })

  await step('county 341302 has 38 towns', async () => {
    const r = await api(`/regions/${COUNTY}/children?page_size=200`)
    expect(r.ok(), 'children of the county: HTTP ' + r.status())
    const body = await r.json()
    expect(body.total === 38, 'expected 38 towns, got ' + body.total)
    const towns = body.items.filter((t) => t.child_count > 1)
    state.town = towns[0]
    state.sibling = towns.find((t) => t.code !== state.town.code)
    log(`       town ${state.town.name} ${state.town.code} (${state.town.child_count} villages), sibling ${state.sibling.name}`)
  })

  await step('admin browses the region tree', async () => {
    await page.goto(BASE + '/regions')
    await page.locator('.region-name').filter({ hasText: '埇桥区' }).waitFor()
    await page.locator('.region-children .dt-table .el-table__row').first().waitFor()
    expect((await page.locator('.region-children .el-pagination__total').innerText()).includes('38'), 'children total is not 38')
    await shot('03-admin-regions')
    // search by name within the scope
    await page.locator('.region-search input').fill(state.sibling.name.slice(0, 2))
    await page.locator('.el-autocomplete-suggestion li', { hasText: state.sibling.name }).first().click()
    await page.locator('.region-name', { hasText: state.sibling.name }).waitFor()
    expect(page.url().endsWith('/regions/' + state.sibling.code), 'search did not open the region: ' + page.url())
  })

  await step('admin creates a town-staff user scoped to one town', async () => {
    await page.goto(BASE + '/users')
    await page.locator('.users-page .el-table__row').first().waitFor()
    await shot('04-users')
    await page.locator('.user-create').click()
    const dlg = page.locator('.user-dialog')
    await dlg.waitFor()
    state.username = 'town' + Date.now().toString(36).slice(-5)
    await page.locator('#user-username').fill(state.username)
    await page.locator('#user-display-name').fill(state.town.name + '电商专干')
    await dlg.locator('.user-roles').click()
    await page.locator('.el-select-dropdown__item[data-role="town_staff"]').click()
    await page.keyboard.press('Escape')
    // region: open the cascader, expand the county, pick the town
    await dlg.locator('.user-region').click()
    const panel = page.locator('.el-cascader__dropdown:visible')
    await panel.locator('.el-cascader-node', { hasText: '埇桥区' }).click()
    const townNode = panel.locator('.el-cascader-node', { hasText: state.town.name })
    await townNode.waitFor()
    await townNode.locator('.el-radio').click()
    await page.keyboard.press('Escape')
    await page.locator('#user-mobile').fill('13800138000')
    await shot('05-user-dialog')
    await page.locator('.user-save').click()
    const pw = page.locator('.secret-dialog .initial-password')
    await pw.waitFor()
    state.initialPassword = (await pw.innerText()).trim()
    expect(state.initialPassword.length >= 8, 'no initial password shown')
    await shot('06-initial-password')
    await page.locator('.secret-close').click()
    const row = page.locator('.users-page .el-table__row', { hasText: state.username })
    await row.waitFor()
    expect((await row.innerText()).includes(state.town.name), 'new user row does not show the town')
  })

  await step('the mobile number is masked and "显示" reveals it', async () => {
    const row = page.locator('.users-page .el-table__row', { hasText: state.username }).first()
    expect((await row.innerText()).includes('138****8000'), 'mobile not masked in the list')
    await row.locator('.masked-show').click()
    await row.locator('.masked-value', { hasText: '13800138000' }).waitFor()
  })

  await step('an API field error lands on its form field (duplicate username)', async () => {
    await page.locator('.user-create').click()
    const dlg = page.locator('.user-dialog')
    await dlg.waitFor()
    await page.locator('#user-username').fill('admin')
    await page.locator('#user-display-name').fill('重复用户')
    await dlg.locator('.user-roles').click()
    await page.locator('.el-select-dropdown__item[data-role="county_staff"]').click()
    await page.keyboard.press('Escape')
    await dlg.locator('.user-region').click()
    const panel = page.locator('.el-cascader__dropdown:visible')
    await panel.locator('.el-cascader-node', { hasText: '埇桥区' }).locator('.el-radio').click()
    await page.keyboard.press('Escape')
    await page.locator('.user-save').click()
    const err = dlg.locator('.el-form-item.is-error .el-form-item__error')
    await err.waitFor()
    expect((await err.innerText()).includes('已存在'), 'field error text: ' + (await err.innerText()))
    await shot('06b-field-error')
    await dlg.locator('.el-dialog__headerbtn').click()
    await dlg.waitFor({ state: 'hidden' })
  })

  await step("admin resets the town user's password", async () => {
    const row = page.locator('.users-page .el-table__row', { hasText: state.username }).first()
    await row.locator('.act-reset').click()
    await page.locator('.confirm-dialog .confirm-ok').click()
    const pw = page.locator('.secret-dialog .initial-password')
    await pw.waitFor()
    const next = (await pw.innerText()).trim()
    expect(next && next !== state.initialPassword, 'no new initial password')
    state.initialPassword = next
    await page.locator('.secret-close').click()
  })

  await step('admin disables and re-enables a user with confirmation', async () => {
    const row = () => page.locator('.users-page .el-table__row', { hasText: state.username }).first()
    await row().locator('.act-toggle').click()
    await page.locator('.confirm-dialog').waitFor()
    await shot('06c-confirm-disable')
    await page.locator('.confirm-dialog .confirm-ok').click()
    await row().locator('.dict-tag[data-value="disabled"]').waitFor()
    await row().locator('.act-toggle').click()
    await page.locator('.confirm-dialog .confirm-ok').click()
    await row().locator('.dict-tag[data-value="active"]').waitFor()
    if (AUDITOR_PW) {
      // 三员分立: the audit admin's account is the security admin's to manage, so the system admin
      // is offered none of its buttons (the server would answer 403).
      await page.locator('#f-user-q').fill('auditor')
      await page.locator('.users-page .dt-search').click()
      const admin = page.locator('.users-page .el-table__row', { hasText: 'auditor' }).first()
      await admin.waitFor()
      for (const b of ['.act-edit', '.act-toggle', '.act-reset'])
        expect(!(await admin.locator(b).count()), `system admin must not see ${b} on an admin account`)
      await page.locator('#f-user-q').fill('')
      await page.locator('.users-page .dt-search').click()
    }
  })

  await step("admin edits the user's name", async () => {
    const row = () => page.locator('.users-page .el-table__row', { hasText: state.username }).first()
    await row().locator('.act-edit').click()
    const dlg = page.locator('.user-dialog')
    await dlg.waitFor()
    expect((await page.locator('#user-username').isDisabled()), 'username must not be editable')
    await page.locator('#user-display-name').fill(state.town.name + '电商专员')
    await page.locator('#user-display-name').press('Enter') // forms submit from the keyboard
    await dlg.waitFor({ state: 'hidden' })
    await row().filter({ hasText: state.town.name + '电商专员' }).waitFor()
  })

  await step('admin adds a calendar year', async () => {
    await page.goto(BASE + '/calendar')
    await page.locator('.years-table .el-table__row').first().waitFor()
    const years = (await page.locator('.years-table .el-table__row td:first-child').allInnerTexts()).map(Number)
    const next = Math.max(...years) + 1
    await page.locator('.cal-add').click()
    const dlg = page.locator('.year-dialog')
    await dlg.waitFor()
    const date = dlg.locator('.day-date input').first()
    await date.fill(`${next}-01-01`)
    await date.press('Enter')
    await dlg.locator('.day-name input').first().fill('元旦')
    await shot('07b-calendar-add-year')
    await dlg.locator('.el-dialog__footer .el-button--primary').click()
    await page.locator('.years-table .el-table__row', { hasText: String(next) }).waitFor()
  })

  await step('the region picker narrows the working region to a town', async () => {
    await page.locator('.nav-region').click()
    const picker = page.locator('.region-picker-dialog')
    await picker.waitFor()
    await picker.locator('.el-cascader').click()
    const panel = page.locator('.nav-region-popper')
    await panel.locator('.el-cascader-node', { hasText: '埇桥区' }).click()
    await panel.locator('.el-cascader-node', { hasText: state.sibling.name }).locator('.el-radio').click()
    await page.locator('.nav-region-name', { hasText: state.sibling.name }).waitFor()
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '行政区划' }).click()
    await page.locator('.region-name', { hasText: state.sibling.name }).waitFor()
    await page.reload()
    await page.locator('.region-name', { hasText: state.sibling.name }).waitFor()
    await shot('07c-region-picked')
    // back to the whole county
    await page.locator('.nav-region').click()
    await picker.locator('.el-cascader').click()
    await page.locator('.nav-region-popper .el-cascader-node', { hasText: '埇桥区' }).locator('.el-radio').click()
    await page.locator('.nav-region-name', { hasText: '埇桥区' }).waitFor()
  })

  await step('calendar and roles pages render', async () => {
    await page.goto(BASE + '/calendar')
    await page.locator('.years-table .el-table__row').first().waitFor()
    await shot('07-calendar')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot('m07-calendar-390')
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(BASE + '/roles')
    await page.locator('.admin-role').first().waitFor()
    await shot('08-roles')
  })

  await step('language switch to English and back', async () => {
    await page.locator('.nav-lang').click()
    await page.locator('.el-dropdown-menu__item', { hasText: 'English' }).click()
    await page.locator('.app-aside .menu', { hasText: 'Regions' }).waitFor()
    await shot('08b-english')
    await page.locator('.nav-lang').click()
    await page.locator('.el-dropdown-menu__item', { hasText: '简体中文' }).click()
    await page.locator('.app-aside .menu', { hasText: '行政区划' }).waitFor()
  })

  await step('mobile layout (390x844): drawer menu, pages fit', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(BASE + '/')
    await page.locator('.welcome').waitFor()
    await shot('m01-home-390')
    await page.locator('.nav-toggle').click()
    await page.locator('.app-drawer .menu').waitFor()
    await shot('m02-drawer-390')
    await page.keyboard.press('Escape')
    await page.goto(BASE + '/users')
    await page.locator('.users-page .el-table__row').first().waitFor()
    await shot('m03-users-390')
    await page.goto(BASE + '/regions')
    await page.locator('.region-children .el-table__row').first().waitFor()
    await shot('m04-regions-390')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow <= 1, 'page scrolls horizontally at 390 px by ' + overflow + ' px')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('admin logs out', async () => {
    await page.goto(BASE + '/')
    await page.locator('.welcome').waitFor()
    await logout()
    await page.locator('.login-notice').waitFor()
  })

  await step('town user must change the initial password at first login', async () => {
    await login(state.username, state.initialPassword)
    await page.waitForURL(/\/password/)
    await page.locator('.force-reason').waitFor()
    await shot('09-force-password')
    state.password = 'Town#' + Math.random().toString(36).slice(2, 10) + 'x9Q'
    await page.locator('#pw-old').fill(state.initialPassword)
    await page.locator('#pw-new').fill(state.password)
    await page.locator('#pw-confirm').fill(state.password)
    await page.locator('.password-submit').click()
    await page.waitForURL(BASE + '/')
    await page.locator('.welcome').waitFor()
    const menu = await page.locator('.app-aside .menu').textContent()
    expect(menu.includes('行政区划') && !menu.includes('用户管理'), 'town staff menu wrong: ' + menu)
    await shot('10-town-home')
  })

  await step("town user sees only the town's villages", async () => {
    await page.goto(BASE + '/regions')
    await page.locator('.region-name').filter({ hasText: state.town.name }).waitFor()
    await page.locator('.region-children .el-table__row').first().waitFor()
    const total = await page.locator('.region-children .el-pagination__total').innerText()
    expect(total.includes(String(state.town.child_count)), `expected ${state.town.child_count} villages, got "${total}"`)
    const tree = await page.locator('.region-tree').innerText()
    expect(tree.includes(state.town.name) && !tree.includes('埇桥区'), 'tree root is not the town: ' + tree.slice(0, 80))
    const r = await api(`/regions/${COUNTY}/children`)
    expect(r.status() === 403, 'county children should be 403 for town staff, got ' + r.status())
    await shot('11-town-regions')
  })

  await step('town user edits a village tag', async () => {
    const link = page.locator('.region-children .child-link').first()
    state.village = (await link.innerText()).trim()
    await link.click()
    await page.locator('.region-name').filter({ hasText: state.village }).waitFor()
    await page.locator('.edit-tags').click()
    await page.locator('.tag-dialog').waitFor()
    await page.locator('.tag-dialog .el-checkbox[data-tag="poverty_village"]').click()
    await shot('12-tag-dialog')
    await page.locator('.save-tags').click()
    await page.locator('.region-detail .region-tags [data-tag="poverty_village"]').waitFor()
    await shot('13-village-tagged')
  })

  await step("sibling town's URL shows the 403 page", async () => {
    await page.goto(BASE + '/regions/' + state.sibling.code)
    await page.locator('.forbidden-page').waitFor()
    await shot('14-forbidden')
  })

  await step('unknown URL shows the 404 page', async () => {
    await page.goto(BASE + '/no/such/page')
    await page.locator('.not-found-page').waitFor()
    await shot('15-not-found')
  })

  await step('profile page', async () => {
    await page.goto(BASE + '/profile')
    await page.locator('.password-form').waitFor()
    await shot('16-profile')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot('m05-profile-390', { fullPage: true })
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  await step('session loss redirects to the login page with a message', async () => {
    await context.clearCookies()
    await page.goto(BASE + '/regions')
    await page.waitForURL(/\/login/)
    await page.goto(BASE + '/')
    await page.waitForURL(/\/login/)
    // now log in, then kill the session behind the page's back and act
    await login(state.username, state.password)
    await page.waitForURL(BASE + '/')
    await page.locator('.welcome').waitFor()
    await context.clearCookies()
    await page.locator('.app-aside .menu .el-menu-item', { hasText: '行政区划' }).click()
    await page.waitForURL(/\/login\?.*reason=/)
    await page.locator('.login-notice').waitFor()
    await shot('17-session-expired')
  })

  if (AUDITOR_PW) {
    await step('audit admin searches the log and verifies the chain', async () => {
      await login('auditor', AUDITOR_PW)
      await page.waitForURL(/\/(password)?$/)
      await page.goto(BASE + '/audit')
      await page.locator('.audit-page .el-table__row').first().waitFor()
      await page.locator('#f-audit-user').fill('admin')
      await page.locator('.dt-search').click()
      await page.locator('.audit-page .el-table__row').first().waitFor()
      await page.locator('.audit-verify').click()
      await page.locator('.verify-result[data-ok="true"]').waitFor()
      await shot('18-audit')
      await page.setViewportSize({ width: 390, height: 844 })
      await shot('m06-audit-390')
      await page.setViewportSize({ width: 1366, height: 768 })
      await logout()
    })
    await logExportSteps({ step, expect, shot, page: () => page, BASE, login, logout }, AUDITOR_PW) // 登录日志 export (issue 26 item 10): e2e/system.mjs
  }

  await step('five wrong passwords lock the account', async () => {
    await page.goto(BASE + '/login')
    let locked = false
    for (let i = 1; i <= 6 && !locked; i++) {
      await page.locator('#login-username').fill(state.username)
      await page.locator('#login-password').fill('wrong-password-' + i)
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'))
      await page.locator('.login-submit').click()
      const status = (await answer).status()
      const err = page.locator('.login-error')
      await err.waitFor()
      await page.waitForFunction(() => !document.querySelector('.login-submit.is-loading'))
      locked = status === 423 && (await err.getAttribute('data-code')) === 'account_locked'
    }
    expect(locked, 'no lockout message after five wrong passwords')
    const text = await page.locator('.login-error').innerText()
    expect(/锁/.test(text), 'lockout message is not the server message: ' + text)
    await shot('19-lockout')
  })

  if (SECURITY_PW) {
    await step('security admin unlocks the account and the user signs in again', async () => {
      await login('security', SECURITY_PW)
      await page.waitForURL(BASE + '/')
      await page.locator('.app-aside .menu .el-sub-menu__title', { hasText: '系统管理' }).click()
      await page.locator('.app-aside .menu .el-menu-item', { hasText: '密码策略' }).click()
      await page.locator('.policy-form #policy-min').waitFor()
      await shot('20a-password-policy')
      await page.goto(BASE + '/users')
      const row = page.locator('.users-page .el-table__row', { hasText: state.username }).first()
      await row.locator('.locked-tag').waitFor()
      for (const b of ['.act-edit', '.act-toggle', '.act-reset'])
        expect(!(await row.locator(b).count()), `security admin must not see ${b} on a business account`)
      await shot('20-security-users')
      await row.locator('.act-unlock').click()
      await page.locator('.confirm-dialog .confirm-ok').click()
      await row.locator('.locked-tag').waitFor({ state: 'detached' })
      if (AUDITOR_PW) {
        await page.locator('#f-user-q').fill('auditor')
        await page.locator('.users-page .dt-search').click()
        const admin = page.locator('.users-page .el-table__row', { hasText: 'auditor' }).first()
        await admin.waitFor()
        for (const b of ['.act-toggle', '.act-reset'])
          expect((await admin.locator(b).count()) === 1, `security admin must see ${b} on an admin account`)
      }
      await logout()
      await login(state.username, state.password)
      await page.waitForURL(BASE + '/')
      await page.locator('.welcome').waitFor()
    })
  }

  // programme pages (实施方案): the steps live in e2e/programmes.mjs
  if (STAFF_PW) {
    await programmeSteps({ step, expect, shot, page: () => page, context, BASE, ART, login, logout, log, password: STAFF_PW })
    await editorSteps({ step, expect, shot, page: () => page, BASE, log, login, logout, password: STAFF_PW }) // programme editor (issue 26 item 2): e2e/editor.mjs
    const townClerk = await townTaskSteps({ step, expect, shot, page: () => page, context, BASE, login, logout, adminPassword: ADMIN_PW, staffPassword: STAFF_PW }) // town reports (issue 26 item 9): e2e/towns.mjs
    if (townClerk) await homeSteps({ step, expect, shot, page: () => page, context, BASE, login, logout, staffPassword: STAFF_PW }, townClerk) // the home page's to-dos (issue 26 item 11): e2e/home.mjs
  }

  // entities, brands and the online-sales ledger (issue 6): the steps live in e2e/sales.mjs
  await salesSteps({ step, expect, shot, page: () => page, context, BASE, login, state, adminPassword: ADMIN_PW })
  await conventionSteps({ step, expect, shot, page: () => page, context, BASE, login, state, adminPassword: ADMIN_PW }) // tabs, columns, 导出选中 (issue 26 item 10): e2e/conventions.mjs
  const awardUsers = await awardSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // award pages (issue 7): e2e/awards.mjs
  await localSteps({ step, expect, shot, page: () => page, context, BASE, login }, awardUsers) // 地方设定 (issue 16 item 3): e2e/local.mjs
  await stationSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // station pages (issue 17): e2e/stations.mjs
  await logisticsSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // logistics pages (issue 22): e2e/logistics.mjs
  await productsSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // products pages (issue 23): e2e/products.mjs
  await designationSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // designation pages (issue 17): e2e/designations.mjs
  await reportSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // manual reporting (issue 26 item 3): e2e/reports.mjs
  await disclosureSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // disclosure portal (issue 25 item 5): e2e/disclosure.mjs
  await systemSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // 系统管理 (issue 26 item 10): e2e/system.mjs
  await householdSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // household pages (issue 19): e2e/households.mjs
  await matchingSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // matching pages (issue 19 items 2–4): e2e/matching.mjs
  await trainingSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // training pages (issue 18): e2e/training.mjs
  await fundSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // funds pages (issue 21): e2e/funds.mjs
  await findingSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // issue list (issue 21 item 9): e2e/findings.mjs
  await projectSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // project workflow walk (issue 21 items 7–8): e2e/projects.mjs
  await dashboardSteps({ step, expect, shot, page: () => page, context, BASE, login, adminPassword: ADMIN_PW }) // the monitoring screen (issue 25): e2e/dashboard.mjs

  await step('no CSP violations or uncaught errors in the console', async () => {
    expect(consoleProblems.length === 0, consoleProblems.slice(0, 5).join('\n'))
  })
} finally {
  await context.close().catch(() => {})
  rmSync(profile, { recursive: true, force: true })
}

const n = (s) => results.filter((r) => r.status === s).length
log(`screenshots: ${ART}`)
log(`e2e: ${n('passed')} passed, ${n('failed')} failed, ${n('skipped')} skipped`)
process.exit(n('failed') || n('skipped') ? 1 : 0)
