import { describe, expect, it } from 'vitest'
import { i18n } from './index'
import { modules } from '@/modules'
import { messageKeys } from '@/modules/assemble'

type Tree = { [k: string]: string | Tree }
function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, prefix + k + '.')))
}

// The console's messages: the shell's with every module's merged in (modules/assemble.ts).
const zh = i18n.global.messages.value['zh-CN'] as unknown as Tree
const en = i18n.global.messages.value.en as unknown as Tree

describe('locales', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
    for (const m of modules) expect(keys(zh)).toContain(messageKeys(m.messages['zh-CN'])[0]) // every module's messages are in
  })

  it('every message compiles and renders in both languages', () => {
    const params = { n: 1, name: 'x', min: 12, classes: 3, mb: 20, ok: 1, bad: 0, seq: 1, reason: 'r', year: 2027, date: '2027-01-01', text: 't', region: 'r', max: 1, n2: 1, total: '73', pass: 60, w: 50, m: 100, sum: 100 }
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      for (const k of keys(zh)) {
        const out = i18n.global.t(k, params)
        expect(out, `${locale} ${k}`).not.toBe(k)
        expect(out, `${locale} ${k}`).not.toMatch(/\{\w+\}/) // every placeholder filled
      }
    }
    i18n.global.locale.value = 'zh-CN'
  })
})
