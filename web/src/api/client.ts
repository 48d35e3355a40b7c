// A small fetch wrapper for the ruralec HTTP API (docs/API.md).
// - prefixes /api/v1, encodes query strings, sends/parses JSON;
// - adds X-CSRF-Token on every state-changing request;
// - sends a FormData body as multipart/form-data, any other body as JSON;
// - turns every non-2xx answer into an ApiError {status, code, message, field, details};
// - tells the app (via configureClient hooks) about 401 session loss and forced password change.

export const API_BASE = '/api/v1'

export class ApiError extends Error {
  status: number
  code: string
  field: string
  /** The whole JSON error body, for answers that carry more than code/message/field. */
  details: Record<string, unknown>
  constructor(status: number, code: string, message: string, field = '', details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    this.details = details
  }
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export type Query = Record<string, string | number | boolean | null | undefined | Array<string | number>>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not run the global 401 handler (used by login and the first /auth/me probe). */
  noAuthRedirect?: boolean
  signal?: AbortSignal
}

interface Hooks {
  getCsrfToken: () => string
  onUnauthenticated: (err: ApiError) => void
  onPasswordChangeRequired: (err: ApiError) => void
}

const hooks: Hooks = {
  getCsrfToken: () => '',
  onUnauthenticated: () => {},
  onPasswordChangeRequired: () => {},
}

export function configureClient(h: Partial<Hooks>): void {
  Object.assign(hooks, h)
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Builds `/api/v1/path?query`, dropping empty values. Absolute `/api/...` paths are kept as is. */
export function apiUrl(path: string, query?: Query): string {
  let url = path.startsWith('/api/') ? path : API_BASE + (path.startsWith('/') ? path : '/' + path)
  if (query) {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue
      if (Array.isArray(v)) v.forEach((x) => params.append(k, String(x)))
      else params.append(k, String(v))
    }
    const s = params.toString()
    if (s) url += (url.includes('?') ? '&' : '?') + s
  }
  return url
}

export function csrfHeaders(method: string): Record<string, string> {
  const token = hooks.getCsrfToken()
  return UNSAFE.has(method.toUpperCase()) && token ? { 'X-CSRF-Token': token } : {}
}

/** Maps an HTTP answer that is not ok to an ApiError (reads the JSON error body when there is one). */
export async function toApiError(res: Response): Promise<ApiError> {
  let code = 'http_' + res.status
  let message = ''
  let field = ''
  let details: Record<string, unknown> = {}
  try {
    const data = await res.json()
    if (data && typeof data === 'object') {
      code = data.code || code
      message = data.message || ''
      field = data.field || ''
      details = data
    }
  } catch {
    /* not JSON */
  }
  if (!message) message = defaultMessage(res.status)
  return new ApiError(res.status, code, message, field, details)
}

function defaultMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return '没有权限执行此操作'
  if (status === 404) return '请求的资源不存在'
  if (status === 413) return '文件过大'
  if (status >= 500) return '服务器错误，请稍后重试'
  return `请求失败（${status}）`
}

/** Runs the global handlers for an error; returns it for throwing. */
export function dispatchError(err: ApiError, opts: { noAuthRedirect?: boolean } = {}): ApiError {
  if (err.status === 401 && !opts.noAuthRedirect && (err.code === 'session_expired' || err.code === 'unauthenticated')) {
    hooks.onUnauthenticated(err)
  } else if (err.status === 403 && err.code === 'password_change_required') {
    hooks.onPasswordChangeRequired(err)
  }
  return err
}

export async function request<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...csrfHeaders(method) }
  let body: BodyInit | undefined
  if (opts.body instanceof FormData) {
    body = opts.body // the browser sets the multipart Content-Type with its boundary
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  let res: Response
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试')
  }
  if (!res.ok) throw dispatchError(await toApiError(res), opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body: body ?? {} }),
  del: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
}

/** Filename from a Content-Disposition header (RFC 5987 filename* first). */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1].trim() : fallback
}

/** Saves a Blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** GETs a file (template, export, error workbook) with the session cookie and saves it. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  let res: Response
  try {
    res = await fetch(apiUrl(path, query), { credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试')
  }
  if (!res.ok) throw dispatchError(await toApiError(res))
  const name = filenameFrom(res.headers.get('Content-Disposition'), fallbackName)
  saveBlob(await res.blob(), name)
  return name
}

export interface UploadResult {
  status: number
  /** Parsed JSON body, when the answer was JSON. */
  json?: unknown
  /** The body as a Blob when the server answered with a file (e.g. an error workbook). */
  blob?: Blob
  filename?: string
}

/**
 * Uploads one file as multipart/form-data (field `file`) with progress reports (XMLHttpRequest:
 * fetch has no upload progress). Resolves for 2xx answers and for 422 answers carrying a file;
 * rejects with ApiError otherwise.
 */
export function upload(
  path: string,
  file: File,
  onProgress?: (percent: number) => void,
  fields: Record<string, string> = {},
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', apiUrl(path))
    xhr.withCredentials = true
    xhr.responseType = 'blob'
    for (const [k, v] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', '网络连接失败，请检查网络后重试'))
    xhr.onload = async () => {
      const blob = xhr.response as Blob
      const type = xhr.getResponseHeader('Content-Type') || ''
      const isJson = type.includes('json')
      const result: UploadResult = { status: xhr.status }
      if (isJson) {
        try {
          result.json = JSON.parse(await blob.text())
        } catch {
          /* ignore */
        }
      } else if (blob && blob.size) {
        result.blob = blob
        result.filename = filenameFrom(xhr.getResponseHeader('Content-Disposition'), 'errors.xlsx')
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(result)
      if (result.blob) return resolve(result) // error workbook answered with a non-2xx status
      const j = (result.json || {}) as { code?: string; message?: string; field?: string }
      reject(
        dispatchError(
          new ApiError(xhr.status, j.code || 'http_' + xhr.status, j.message || defaultMessage(xhr.status), j.field || ''),
        ),
      )
    }
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    form.append('file', file, file.name)
    xhr.send(form)
  })
}
