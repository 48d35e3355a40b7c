// Page-load times of the console in Debian's Chromium (issue 26 item 1): `first` = a new browser
// profile opening /login until the login form shows (nothing cached); `reload` = F5 on the
// signed-in regions page until its table shows data (cache warm: hashed assets come from the
// cache, index.html revalidates). Prints the median, min and max of RUNS each.
// Usage (from web/): node bench/pageload.mjs BASE_URL USERNAME PASSWORD [RUNS]
import { chromium } from 'playwright-core'

const [base, username, password, runsArg] = process.argv.slice(2)
const RUNS = Number(runsArg || 7)
const launch = { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] }

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] }
}

async function timed(fn) {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

const browser = await chromium.launch(launch)
const first = []
const reload = []
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext() // empty cache and cookies
  const page = await context.newPage()
  first.push(await timed(async () => {
    await page.goto(base + '/login')
    await page.locator('#login-username').waitFor()
  }))
  await page.locator('#login-username').fill(username)
  await page.locator('#login-password').fill(password)
  await page.locator('.login-submit').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.goto(base + '/regions')
  await page.locator('.el-table__row').first().waitFor()
  reload.push(await timed(async () => {
    await page.reload()
    await page.locator('.el-table__row').first().waitFor()
  }))
  await context.close()
}
await browser.close()
const f = stats(first)
const r = stats(reload)
console.log(`first load to login form: median ${f.median.toFixed(0)} ms (min ${f.min.toFixed(0)}, max ${f.max.toFixed(0)})`)
console.log(`reload to data shown:     median ${r.median.toFixed(0)} ms (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})`)
