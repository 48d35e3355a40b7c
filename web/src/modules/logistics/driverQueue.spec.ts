import { describe, expect, it } from 'vitest'
import { beijingTime, enqueue, flush, load, type Confirmation, type KeyValue, type SendResult } from './driverQueue'

function memory(): KeyValue {
  const m = new Map<string, string>()
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) }
}

const c = (stop: number): Confirmation => ({ plan_id: 1, stop_id: stop, client_key: 'key-' + stop, confirmed_at: '2026-12-07 09:00:00' })

describe('the driver page offline queue', () => {
  it('keeps confirmations made offline and sends them in order when back online', async () => {
    const store = memory()
    enqueue(store, c(1))
    enqueue(store, c(2))
    let online = false
    const sent: number[] = []
    const send = async (x: Confirmation): Promise<SendResult> => {
      if (!online) return 'offline'
      sent.push(x.stop_id)
      return 'done'
    }
    expect((await flush(store, send)).left.map((x) => x.stop_id)).toEqual([1, 2])
    expect(load(store)).toHaveLength(2)
    online = true
    expect((await flush(store, send)).left).toEqual([])
    expect(sent).toEqual([1, 2])
    expect(load(store)).toEqual([])
  })

  it('drops a refused confirmation, stops at the first unreachable one', async () => {
    const store = memory()
    for (const s of [1, 2, 3]) enqueue(store, c(s))
    const answers: SendResult[] = ['refused', 'offline']
    const r = await flush(store, async () => answers.shift() ?? 'done')
    expect(r.refused.map((x) => x.stop_id)).toEqual([1])
    expect(r.left.map((x) => x.stop_id)).toEqual([2, 3])
  })

  it('writes Beijing time as the server reads it', () => {
    expect(beijingTime(Date.UTC(2026, 11, 7, 1, 15, 2))).toBe('2026-12-07 09:15:02')
  })

  it('survives a corrupt store', () => {
    const store = memory()
    store.setItem('ruralec.driver.queue', '{oops')
    expect(load(store)).toEqual([])
  })
})
