// What the server says of itself before sign-in (GET /site), read once per page load.
import { siteApi } from '@/api'

type Site = Awaited<ReturnType<typeof siteApi.get>>
let pending: Promise<Site | null> | null = null

export function site(): Promise<Site | null> {
  if (!pending) pending = siteApi.get().catch(() => null)
  return pending
}

/** The largest upload the server accepts, in whole MB (8 when the server does not say). */
export async function uploadLimitMb(): Promise<number> {
  const s = await site()
  const bytes = s?.upload_limit_bytes
  return typeof bytes === 'number' && bytes > 0 ? Math.floor(bytes / (1024 * 1024)) : 8
}

/** For tests: forget the answer. */
export function resetSite(): void {
  pending = null
}
