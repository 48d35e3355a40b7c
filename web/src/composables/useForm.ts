// Shared form logic: field errors, a busy flag and a submit that validates, saves and puts an API
// error on the field it names (else shows its message). Edit dialogs add opening and closing.
import { reactive, ref, watch, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { clearErrors, showApiError } from '@/utils/form'

/**
 * `save` runs after the el-form's rules pass (when `formRef` is bound); it returns false to stop
 * without an error (it set one itself), anything else counts as saved. An API error whose `field`
 * is one of `fields` lands in `errors[field]` (bind `:error="errors.x"`).
 */
export function useFormSubmit(fields: readonly string[], save: () => Promise<boolean | void>) {
  const errors = reactive<Record<string, string>>(Object.fromEntries(fields.map((f) => [f, ''])))
  const formRef = ref<FormInstance>()
  const busy = ref(false)
  async function submit(): Promise<boolean> {
    clearErrors(errors)
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return false
    busy.value = true
    try {
      return (await save()) !== false
    } catch (e) {
      showApiError(e, errors, [...fields])
      return false
    } finally {
      busy.value = false
    }
  }
  /** For FormDialog's `form-ref` (a template would unwrap the ref itself). */
  const setForm = (el: FormInstance | undefined) => (formRef.value = el)
  return { errors, formRef, setForm, busy, submit }
}

/**
 * An edit dialog's form: each time `open` turns true, errors and validation marks are cleared
 * and `onOpen` fills the form; a successful submit closes the dialog.
 */
export function useFormDialog(open: Ref<boolean>, fields: readonly string[], hooks: { onOpen: () => void; save: () => Promise<boolean | void> }) {
  const form = useFormSubmit(fields, hooks.save)
  watch(open, (v) => {
    if (!v) return
    clearErrors(form.errors)
    hooks.onOpen()
    form.formRef.value?.clearValidate()
  })
  async function submit() {
    if (await form.submit()) open.value = false
  }
  return { ...form, submit }
}

/** A list page's create/edit dialog: `open`, the row being edited (null: creating). */
export function useEditDialog<T>() {
  const open = ref(false)
  const editing = ref<T | null>(null) as Ref<T | null>
  return {
    open,
    editing,
    openCreate() {
      editing.value = null
      open.value = true
    },
    openEdit(row: T) {
      editing.value = row
      open.value = true
    },
  }
}
