// Words for the editor's codes: a field's name, a closed list's word, a comparator; the code
// itself when the locale has no word (a word list the server grew since).
import { useI18n } from 'vue-i18n'

const CMP: Record<string, string> = { '>=': 'ge', '>': 'gt', '<=': 'le', '<': 'lt', '=': 'eq' }

export function useEditorWords() {
  const { t, te } = useI18n()
  const field = (key: string) => (te(`programme.editor.f.${key}`) ? t(`programme.editor.f.${key}`) : key)
  const word = (vocab: string, value: string) =>
    te(`programme.editor.w.${vocab}.${value}`) ? t(`programme.editor.w.${vocab}.${value}`) : value
  const cmp = (c: string) => (CMP[c] ? t(`programme.editor.cmp.${CMP[c]}`) : c)
  return { field, word, cmp }
}

/** "341302000000" → "341302": the code as a programme file writes it (2, 4, 6, 9 or 12 digits). */
export function fileCode(code: string): string {
  let c = code
  if (c.length === 12 && c.endsWith('000')) c = c.slice(0, 9)
  if (c.length === 9 && c.endsWith('000')) c = c.slice(0, 6)
  if (c.length === 6 && c.endsWith('00')) c = c.slice(0, 4)
  if (c.length === 4 && c.endsWith('00')) c = c.slice(0, 2)
  return c
}
