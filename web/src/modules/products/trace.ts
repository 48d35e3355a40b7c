// Pure helpers of the trace pages (tested in products.spec.ts).

/** "2023-11-04T09:00:00+08:00" → "2023-11-04 09:00" (the local time as recorded). */
export function eventTimeText(t: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(t)
  return m ? `${m[1]} ${m[2]}` : t
}

/** Whether the page's identifiers (the /01/{key}/10/{lot} path the code was scanned from) are the batch's. */
export function linkMatches(key: string, lot: string, gtin: string, countyCode: string, batchLot: string): boolean {
  const item = gtin || countyCode
  return key.replace(/^0+/, '') === item.replace(/^0+/, '') && lot === batchLot
}

/** The code from the route: /t/{code} or /01/{key}/10/{lot}?t={code}. */
export function codeOf(params: Record<string, unknown>, query: Record<string, unknown>): string {
  const p = params.code ?? query.t
  return typeof p === 'string' ? p.trim() : ''
}
