// The driver page's offline queue (issue 22 item 6): each confirmation gets its key on the phone
// when tapped and waits in localStorage until the server has answered it; a network failure
// leaves it (and the ones after it) for the next try, so confirmations made without a connection
// are sent when it comes back. The server is idempotent by the key: a confirmation sent twice
// (an answer lost on the way back) is stored once.

export interface Confirmation {
  plan_id: number
  stop_id: number
  client_key: string
  confirmed_at: string // "YYYY-MM-DD HH:MM:SS", Beijing time, when the driver tapped
  problem_waybill_ids?: number[]
  problem_reason?: string
}

/** Storage as the queue needs it (localStorage in the page, a map in tests). */
export interface KeyValue {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const KEY = 'ruralec.driver.queue'

export function newKey(): string {
  const c = globalThis.crypto as Crypto | undefined
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12)
}

/** Beijing wall-clock time of `ms` as the server reads it ("2026-12-07 09:15:02"). */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

export function load(store: KeyValue): Confirmation[] {
  try {
    const v = JSON.parse(store.getItem(KEY) ?? '[]')
    return Array.isArray(v) ? (v as Confirmation[]) : []
  } catch {
    return []
  }
}

export function save(store: KeyValue, queue: Confirmation[]): void {
  store.setItem(KEY, JSON.stringify(queue))
}

export function enqueue(store: KeyValue, c: Confirmation): Confirmation[] {
  const q = load(store)
  q.push(c)
  save(store, q)
  return q
}

/** What sending one confirmation came to: sent (or refused for good), or not reachable. */
export type SendResult = 'done' | 'refused' | 'offline'

/**
 * Sends the queued confirmations in order. 'done' and 'refused' (the server answered: a refusal
 * would be refused again) leave the queue; 'offline' stops the round and keeps the rest.
 * Returns the refused ones and what is left.
 */
export async function flush(
  store: KeyValue,
  send: (c: Confirmation) => Promise<SendResult>,
): Promise<{ refused: Confirmation[]; left: Confirmation[] }> {
  const q = load(store)
  const refused: Confirmation[] = []
  while (q.length) {
    const r = await send(q[0])
    if (r === 'offline') break
    const c = q.shift() as Confirmation
    if (r === 'refused') refused.push(c)
    save(store, q)
  }
  return { refused, left: q }
}
