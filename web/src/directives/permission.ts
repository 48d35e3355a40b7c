import type { Directive } from 'vue'
import { useAuthStore } from '@/stores/auth'

/**
 * v-has-perm="'user:create'" (or an array: any of them) removes the element when the user lacks
 * the permission. For reactive cases prefer v-if="auth.has('...')".
 */
export const vHasPerm: Directive<HTMLElement, string | string[]> = {
  mounted(el, binding) {
    const auth = useAuthStore()
    if (!auth.has(binding.value)) el.parentNode?.removeChild(el)
  },
}
