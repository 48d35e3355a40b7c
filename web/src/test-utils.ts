// Helpers for unit tests: a fetch mock answering by "METHOD /path" (query ignored unless the key
// has one), a flush for pending promises, a signed-in user, typing into an input.
import { vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { User } from '@/api'
import { configureClient } from '@/api/client'
import { useAuthStore } from '@/stores/auth'

export type Handler = (url: URL, init: RequestInit) => unknown | Response | Promise<unknown | Response>

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

/** Installs a fetch mock; returns the vi.fn so tests can inspect calls. */
export function mockFetch(routes: Record<string, Handler | unknown>) {
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost')
    const method = (init.method || 'GET').toUpperCase()
    const keys = [`${method} ${url.pathname}${url.search}`, `${method} ${url.pathname}`]
    for (const k of keys) {
      if (k in routes) {
        const h = routes[k]
        const out = typeof h === 'function' ? await (h as Handler)(url, init) : h
        return out instanceof Response ? out : jsonResponse(out)
      }
    }
    return jsonResponse({ code: 'not_found', message: '未找到', field: '' }, 404)
  })
  vi.stubGlobal('fetch', fn)
  return fn
}

export async function settle(times = 3) {
  for (let i = 0; i < times; i++) await flushPromises()
}

/** Signs `user` in for a test: the auth store holds it and the API client sends `token` as CSRF token. */
export function signIn(user: Partial<User>, token = 'tok') {
  const auth = useAuthStore()
  auth.csrfToken = token
  auth.user = user as User
  configureClient({ getCsrfToken: () => auth.csrfToken })
  return auth
}

/** After each test: fetch and other mocks undone, dialogs appended to body removed. */
export function cleanUp() {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
}

/** Element Plus shows a form item's error message after a 100-ms debounce. */
export async function formErrorsShown() {
  await new Promise((r) => setTimeout(r, 150))
  await settle()
}

/** Types `value` into the input or textarea `selector` finds in the document, as a user would. */
export async function typeInto(selector: string, value: string) {
  const el = document.body.querySelector(selector) as HTMLInputElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await settle()
}
