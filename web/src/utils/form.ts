import { ElMessage } from 'element-plus'
import type { Ref } from 'vue'
import { ApiError } from '@/api/client'

/**
 * Shows an API error: when its `field` names a field of the form, the message goes on that field
 * (through the `errors` map bound to el-form-item :error); otherwise it is shown as a message.
 * Returns true when the error landed on a field.
 */
export function showApiError(
  err: unknown,
  errors?: Ref<Record<string, string>> | Record<string, string>,
  fields?: string[],
): boolean {
  const e = err as ApiError
  const map = errors && 'value' in errors ? (errors as Ref<Record<string, string>>).value : (errors as Record<string, string> | undefined)
  if (e instanceof ApiError || (e && typeof e === 'object' && 'code' in e)) {
    // 401 session loss is handled globally (redirect to login)
    if (e.status === 401 && (e.code === 'session_expired' || e.code === 'unauthenticated')) return false
    if (map && e.field && (!fields || fields.includes(e.field))) {
      map[e.field] = e.message
      return true
    }
    ElMessage.error(e.message)
    return false
  }
  ElMessage.error(String((err as Error)?.message || err))
  return false
}

/** Clears every field error of a map. */
export function clearErrors(errors: Record<string, string>): void {
  for (const k of Object.keys(errors)) errors[k] = ''
}
