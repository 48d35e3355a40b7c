#!/usr/bin/env node
// A small in-memory stand-in for `ruralec serve` (docs/API.md), for working on the console without
// the C++ server: `node e2e/mock-server.mjs --port 8080 [--web dist]`. Users: admin / Admin#12345678
// (system_admin), auditor / Audit#12345678 (audit_admin). Regions: county 341302 with 38 generated
// towns of 10 villages. Not used by scripts/test-e2e, which runs the real server.
import { createServer } from 'node:http'
import { readFileSync, existsSync, statSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []))
const PORT = Number(args.port || 8080)
const WEB = args.web ? resolve(args.web) : ''
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"

const ROLES = [
  { name: 'system_admin', label: '系统管理员', admin: true, permissions: ['region:read', 'region:import', 'region:tag:define', 'calendar:read', 'calendar:edit', 'user:read', 'user:create', 'user:edit', 'user:disable', 'user:reset_password', 'role:read'] },
  { name: 'security_admin', label: '安全管理员', admin: true, permissions: ['region:read', 'user:read', 'user:unlock', 'user:reset_password', 'user:disable', 'user:role:grant_admin', 'role:read', 'security:policy:read', 'security:policy:edit'] },
  { name: 'audit_admin', label: '审计管理员', admin: true, permissions: ['region:read', 'audit:read'] },
  { name: 'county_staff', label: '县级工作人员', admin: false, permissions: ['region:read', 'region:tag:edit', 'region:tag:define', 'calendar:read', 'user:read', 'role:read'] },
  { name: 'town_staff', label: '乡镇工作人员', admin: false, permissions: ['region:read', 'region:tag:edit', 'calendar:read'] },
  { name: 'auditor', label: '审计/纪检（只读）', admin: false, permissions: ['region:read', 'calendar:read', 'user:read', 'role:read'] },
]
const TAGS = [
  { name: 'poverty_county', label: '贫困县', builtin: true },
  { name: 'old_revolutionary_area', label: '大别山革命老区', builtin: true },
  { name: 'flood_storage_area', label: '行蓄洪区', builtin: true },
  { name: 'poverty_village', label: '贫困村', builtin: true },
]

// ---- regions
const regions = new Map()
function addRegion(code, name, level, parent, tags = []) {
  regions.set(code, { code, name, level, parent_code: parent, tags, child_count: 0 })
  if (parent && regions.has(parent)) regions.get(parent).child_count++
}
addRegion('340000000000', '安徽省', 'province', null)
addRegion('341300000000', '宿州市', 'city', '340000000000')
addRegion('341302000000', '埇桥区', 'county', '341300000000', ['poverty_county'])
const TOWN_NAMES = '符离 夹沟 曹村 栏杆 褚兰 永安 蒿沟 大店 大泽乡 桃园 祁县 灰古 西二铺 杨庄 朱仙庄 芦岭 解集 苗安 支河 顺河 时村 北杨寨 永镇 桃沟 城东 三八 汴河 沱河 道东 南关 东关 北关 西关 埇桥 西寺坡 大营 青龙 栏杆北'.split(' ')
for (let i = 0; i < 38; i++) {
  const t = `341302${String(100 + i).padStart(3, '0')}000`
  addRegion(t, TOWN_NAMES[i] + (i < 30 ? '镇' : '街道'), 'town', '341302000000')
  for (let j = 0; j < 10; j++) addRegion(t.slice(0, 9) + String(201 + j), `${TOWN_NAMES[i].slice(0, 1)}${'一二三四五六七八九十'[j]}村`, 'village', t)
}
addRegion('341322000000', '萧县', 'county', '341300000000')
const inScope = (code, root) => {
  for (let c = regions.get(code); c; c = regions.get(c.parent_code)) if (c.code === root) return true
  return false
}
const pathOf = (code) => {
  const out = []
  for (let c = regions.get(code); c; c = regions.get(c.parent_code)) out.unshift(c)
  return out
}

// ---- users, sessions, audit
let nextId = 1
const users = []
function addUser(username, password, roles, region, extra = {}) {
  const r = regions.get(region)
  const u = { id: nextId++, username, display_name: extra.display_name || username, password, roles, region_code: region, region_name: r.name, region_level: r.level, status: 'active', must_change_password: !!extra.must_change_password, mobile: extra.mobile || null, locked_until: null, last_login_at: null, created_at: new Date().toISOString(), failures: [] }
  users.push(u)
  return u
}
addUser('admin', 'Admin#12345678', ['system_admin'], '341302000000', { display_name: '系统管理员' })
addUser('auditor', 'Audit#12345678', ['audit_admin'], '341302000000', { display_name: '审计管理员' })
const mask = (m) => (m ? m.slice(0, 3) + '****' + m.slice(-4) : null)
const perms = (u) => [...new Set(u.roles.flatMap((r) => ROLES.find((x) => x.name === r)?.permissions || []))]
const view = (u) => ({ id: u.id, username: u.username, display_name: u.display_name, region_code: u.region_code, region_name: u.region_name, region_level: u.region_level, roles: u.roles, permissions: perms(u), status: u.status, must_change_password: u.must_change_password, mobile_masked: mask(u.mobile), locked_until: u.locked_until, last_login_at: u.last_login_at, created_at: u.created_at })
const sessions = new Map()
const audit = []
function log(u, action, type, id, outcome = 'success', detail = '') {
  audit.unshift({ seq: audit.length + 1, at: new Date().toISOString(), username: u?.username || '', role: u?.roles?.[0] || '', ip: '127.0.0.1', action, object_type: type, object_id: String(id ?? ''), outcome, detail })
}
const calendar = new Map([
  [2025, [{ date: '2025-01-01', kind: 'holiday', name: '元旦' }, { date: '2025-01-26', kind: 'workday', name: '春节' }, { date: '2025-01-28', kind: 'holiday', name: '春节' }]],
  [2026, [{ date: '2026-01-01', kind: 'holiday', name: '元旦' }, { date: '2026-02-14', kind: 'workday', name: '春节' }, { date: '2026-02-16', kind: 'holiday', name: '春节' }]],
])

// ---- http
class E extends Error {
  constructor(status, code, message, field = '') {
    super(message)
    Object.assign(this, { status, code, field })
  }
}
const page = (list, q) => {
  const p = Math.max(1, Number(q.get('page') || 1))
  const s = Math.min(200, Math.max(1, Number(q.get('page_size') || 20)))
  const sort = q.get('sort')
  if (sort) list = [...list].sort((a, b) => String(a[sort] ?? '').localeCompare(String(b[sort] ?? '')) * (q.get('order') === 'desc' ? -1 : 1))
  return { items: list.slice((p - 1) * s, p * s), total: list.length, page: p, page_size: s }
}
function cookies(req) {
  return Object.fromEntries((req.headers.cookie || '').split(';').map((c) => c.trim().split('=')).filter((x) => x[0]))
}
function newSession(res, u) {
  const id = randomBytes(16).toString('hex')
  const csrf = randomBytes(16).toString('hex')
  sessions.set(id, { user: u.id, csrf })
  res.setHeader('Set-Cookie', `ruralec_session=${id}; HttpOnly; SameSite=Strict; Path=/`)
  return csrf
}

async function handle(req, res, url) {
  const path = url.pathname.replace(/^\/api\/v1/, '')
  const q = url.searchParams
  const m = req.method
  let body = {}
  if (m !== 'GET') {
    const chunks = []
    for await (const c of req) chunks.push(c)
    const raw = Buffer.concat(chunks).toString()
    body = raw && (req.headers['content-type'] || '').includes('json') ? JSON.parse(raw) : {}
  }
  const sid = cookies(req).ruralec_session
  const sess = sid && sessions.get(sid)
  const me = sess && users.find((u) => u.id === sess.user)

  if (path === '/auth/login' && m === 'POST') {
    const u = users.find((x) => x.username === body.username)
    if (u?.locked_until && new Date(u.locked_until) > new Date()) {
      const min = Math.ceil((new Date(u.locked_until) - Date.now()) / 60000)
      throw new E(423, 'account_locked', `账号已锁定，请 ${min} 分钟后再试`)
    }
    if (!u || u.password !== body.password || u.status !== 'active') {
      if (u) {
        u.failures = u.failures.filter((t) => Date.now() - t < 15 * 60000).concat(Date.now())
        if (u.failures.length >= 5) {
          u.locked_until = new Date(Date.now() + 15 * 60000).toISOString()
          log(u, 'auth.lock', 'user', u.id, 'failure')
          throw new E(423, 'account_locked', '密码错误次数过多，账号已锁定，请 15 分钟后再试')
        }
      }
      log(u, 'auth.login', 'user', u?.id, 'failure')
      throw new E(401, 'unauthenticated', '用户名或密码错误')
    }
    u.failures = []
    const csrf = newSession(res, u)
    const first = u.must_change_password
    log(u, 'auth.login', 'user', u.id)
    const out = { csrf_token: csrf, must_change_password: first, user: view(u) }
    u.last_login_at = new Date().toISOString()
    return out
  }
  if (!me) throw new E(401, 'unauthenticated', '请先登录')
  if (m !== 'GET' && req.headers['x-csrf-token'] !== sess.csrf) throw new E(403, 'csrf_failed', 'CSRF 校验失败')
  if (path === '/auth/me') return { user: view(me), csrf_token: sess.csrf }
  if (path === '/auth/logout') return sessions.delete(sid), {}
  if (path === '/auth/password') {
    if (body.old_password !== me.password) throw new E(400, 'invalid_argument', '当前密码不正确', 'old_password')
    if ((body.new_password || '').length < 12) throw new E(400, 'invalid_argument', '新密码至少 12 位', 'new_password')
    me.password = body.new_password
    me.must_change_password = false
    for (const [k, v] of sessions) if (v.user === me.id) sessions.delete(k)
    log(me, 'auth.password', 'user', me.id)
    return { csrf_token: newSession(res, me) }
  }
  if (me.must_change_password) throw new E(403, 'password_change_required', '请先修改初始密码')
  if (path === '/security/password-policy') return { min_length: 12, require_classes: 3, max_age_days: 90, history: 5 }
  const need = (p) => {
    if (!perms(me).includes(p)) throw new E(403, 'forbidden', '没有权限')
  }
  const scoped = (code) => {
    const c = code.length < 12 ? code.padEnd(12, '0') : code
    if (!regions.has(c)) throw new E(404, 'not_found', '区划不存在')
    if (!inScope(c, me.region_code)) throw new E(403, 'forbidden', '该区划不在您的数据范围内')
    return regions.get(c)
  }
  let mm
  if (path === '/roles') return need('role:read'), ROLES
  if (path === '/home/work') return { todos: [], figures: [], errors: [] } // the home page's to-dos (none in the mock)
  if ((mm = /^\/dicts\/(\w+)$/.exec(path))) {
    const d = { roles: ROLES.map((r) => ({ value: r.name, label: r.label })), user_status: [{ value: 'active', label: '正常' }, { value: 'disabled', label: '停用' }], region_tags: TAGS.map((t) => ({ value: t.name, label: t.label })), region_levels: [], audit_actions: [{ value: 'auth.login', label: '登录' }, { value: 'user.create', label: '新增用户' }, { value: 'region.tags', label: '修改区划标签' }, { value: 'pii.view', label: '查看个人信息' }] }
    return d[mm[1]] || []
  }
  if (path === '/region-tags') {
    if (m === 'POST') return need('region:tag:define'), TAGS.push({ ...body, builtin: false }), TAGS.at(-1)
    return TAGS
  }
  if (path === '/regions') return need('region:read'), page([...regions.values()].filter((r) => inScope(r.code, me.region_code) && r.name.includes(q.get('q') || '')), q)
  if ((mm = /^\/regions\/(\d+)(\/children|\/path|\/tags)?$/.exec(path))) {
    need('region:read')
    const r = scoped(mm[1])
    if (!mm[2]) return r
    if (mm[2] === '/children') return page([...regions.values()].filter((x) => x.parent_code === r.code), q)
    if (mm[2] === '/path') return pathOf(r.code)
    need('region:tag:edit')
    r.tags = body.tags
    log(me, 'region.tags', 'region', r.code)
    return r
  }
  if (path === '/users' && m === 'GET') {
    need('user:read')
    let list = users.filter((u) => inScope(u.region_code, me.region_code))
    if (q.get('q')) list = list.filter((u) => u.username.includes(q.get('q')) || u.display_name.includes(q.get('q')))
    if (q.get('role')) list = list.filter((u) => u.roles.includes(q.get('role')))
    if (q.get('status')) list = list.filter((u) => u.status === q.get('status'))
    if (q.get('region_code')) list = list.filter((u) => inScope(u.region_code, q.get('region_code')))
    return page(list.map(view), q)
  }
  if (path === '/users' && m === 'POST') {
    need('user:create')
    if (users.some((u) => u.username === body.username)) throw new E(409, 'conflict', '用户名已存在', 'username')
    if (body.mobile && !/^1\d{10}$/.test(body.mobile)) throw new E(400, 'invalid_argument', '手机号格式不正确', 'mobile')
    scoped(body.region_code || '')
    const pw = 'Init-' + randomBytes(6).toString('base64url') + '9a'
    const u = addUser(body.username, pw, body.roles, body.region_code, { display_name: body.display_name, mobile: body.mobile, must_change_password: true })
    log(me, 'user.create', 'user', u.id)
    return { user: view(u), initial_password: pw }
  }
  if ((mm = /^\/users\/(\d+)(?:\/([\w-]+)(?:\/(\w+))?)?$/.exec(path))) {
    const u = users.find((x) => x.id === Number(mm[1]))
    if (!u || !inScope(u.region_code, me.region_code)) throw new E(404, 'not_found', '用户不存在')
    const act = mm[2]
    if (!act && m === 'GET') return view(u)
    if (!act && m === 'PUT') return need('user:edit'), Object.assign(u, body.display_name ? { display_name: body.display_name } : {}, body.roles ? { roles: body.roles } : {}, body.mobile ? { mobile: body.mobile } : {}), view(u)
    if (act === 'disable') return need('user:disable'), (u.status = 'disabled'), view(u)
    if (act === 'enable') return need('user:disable'), (u.status = 'active'), view(u)
    if (act === 'unlock') return need('user:unlock'), (u.locked_until = null), view(u)
    if (act === 'reset-password') return need('user:reset_password'), (u.password = 'Init-' + randomBytes(6).toString('base64url')), (u.must_change_password = true), { initial_password: u.password }
    if (act === 'pii') return log(me, 'pii.view', 'user', u.id), { mobile: u.mobile }
  }
  if (path === '/calendar/years') return [...calendar].map(([year, days]) => ({ year, source: 'chinese-days', holidays: days.filter((d) => d.kind === 'holiday').length, workdays: days.filter((d) => d.kind === 'workday').length }))
  if (path === '/calendar/workdays-after') return { date: q.get('date') }
  if ((mm = /^\/calendar\/(\d{4})$/.exec(path))) {
    if (m === 'PUT') return need('calendar:edit'), calendar.set(Number(mm[1]), body.days), {}
    return { year: Number(mm[1]), days: calendar.get(Number(mm[1])) || [] }
  }
  if (path === '/audit') {
    need('audit:read')
    const f = (k, fn) => (q.get(k) ? fn(q.get(k)) : () => true)
    const list = audit.filter(f('user', (v) => (e) => e.username.includes(v))).filter(f('action', (v) => (e) => e.action === v)).filter(f('outcome', (v) => (e) => e.outcome === v))
    return page(list, q)
  }
  if (path === '/audit/verify') return need('audit:read'), { ok: true, checked: audit.length, first_bad_seq: null, reason: '' }
  throw new E(404, 'not_found', '接口不存在')
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' }
createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x')
  res.setHeader('Content-Security-Policy', CSP)
  if (url.pathname === '/readyz' || url.pathname === '/healthz') {
    res.setHeader('Content-Type', 'application/json')
    return res.end('{"status":"ready"}')
  }
  if (url.pathname.startsWith('/api/')) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    try {
      const out = await handle(req, res, url)
      res.end(JSON.stringify(out ?? {}))
    } catch (e) {
      res.statusCode = e.status || 500
      res.end(JSON.stringify({ code: e.code || 'internal', message: e.status ? e.message : '服务器错误', field: e.field || '' }))
      if (!e.status) console.error(e)
    }
    return
  }
  if (!WEB) return (res.statusCode = 404), res.end()
  let file = join(WEB, url.pathname)
  if (!file.startsWith(WEB) || !existsSync(file) || statSync(file).isDirectory()) file = join(WEB, 'index.html')
  res.setHeader('Content-Type', TYPES[extname(file)] || 'application/octet-stream')
  res.end(readFileSync(file))
}).listen(PORT, '127.0.0.1', () => console.log(`mock ruralec on http://127.0.0.1:${PORT}`))
