/** ISO-8601 UTC timestamp → local "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai. */
export function formatTime(ts: string | null | undefined): string {
  if (!ts) return ''
  const d = new Date(ts)
  if (Number.isNaN(d.getTime())) return ts
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).formatToParts(d)
  const g = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}:${g('second')}`
}

/** 12-digit region codes; pads shorter NBS prefixes (341302 → 341302000000). */
export function fullRegionCode(code: string): string {
  const c = (code || '').trim()
  return /^\d{1,12}$/.test(c) ? c.padEnd(12, '0') : c
}

/** Who did something: the user's display name from the API, else "#id", else "—". */
export function userLabel(name: string | null | undefined, id: number | null | undefined): string {
  if (name) return name
  return id == null ? '—' : `#${id}`
}
