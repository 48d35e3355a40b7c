// API helpers shared by the e2e blocks: a session by the API (its CSRF token), a checked POST,
// and a user created by the admin whose one-time password is changed through the API (so the
// console login that follows lands on the home page, not on the password form).

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** A unified social credit code: the 17 characters given plus their check character. */
export function usccWithCheck(body17) {
  let sum = 0
  let w = 1
  for (const c of body17) {
    sum += USCC_CHARS.indexOf(c) * w
    w = (w * 3) % 31
  }
  return body17 + USCC_CHARS[(31 - (sum % 31)) % 31]
}

/** ctx: { expect, page: () => Page, context, BASE, adminPassword } */
export function apiHelpers(ctx) {
  const { expect, context, BASE } = ctx
  const page = ctx.page()

  /** Signs in through the API (clearing the browser's session first); returns the CSRF token. */
  async function apiLogin(username, password) {
    await context.clearCookies()
    const res = await page.request.post(BASE + '/api/v1/auth/login', { data: { username, password } })
    expect(res.ok(), `API login ${username}: HTTP ${res.status()}`)
    return (await res.json()).csrf_token
  }

  /** POST with the CSRF token; fails the step unless 2xx; returns the JSON reply. */
  async function post(csrf, path, data) {
    const r = await page.request.post(BASE + '/api/v1' + path, { headers: { 'X-CSRF-Token': csrf }, data })
    expect(r.ok(), `POST ${path}: HTTP ${r.status()} ${await r.text()}`)
    return r.json()
  }

  /**
   * A user created by the admin (username `prefix` + a stamp) with its own password set.
   * `extra`: more fields of POST /users (region_code defaults to the demo county, binding, …).
   */
  async function makeUser(prefix, role, displayName, extra = {}) {
    const admin = await apiLogin('admin', ctx.adminPassword)
    const username = prefix + Date.now().toString(36).slice(-5)
    const u = await post(admin, '/users', { username, display_name: displayName, roles: [role], region_code: '341302000000', ...extra })
    const password = 'E2e#' + Math.random().toString(36).slice(2, 10) + 'q7P'
    const first = await apiLogin(username, u.initial_password)
    await post(first, '/auth/password', { old_password: u.initial_password, new_password: password })
    return { username, password, id: u.user?.id ?? u.id }
  }

  return { apiLogin, post, makeUser }
}
