// Helpers for unit tests: a fetch mock answering by "METHOD /path" (query ignored unless the key
// has one) and a flush for pending promises.
import { vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'

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
