import { describe, expect, it } from 'vitest'
import zh from './zh-CN'
import en from './en'
import { i18n } from './index'

type Tree = { [k: string]: string | Tree }
function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, prefix + k + '.')))
}

describe('locales', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zh as Tree).sort())
  })

  it('every message compiles and renders in both languages', () => {
    const params = { n: 1, name: 'x', min: 12, classes: 3, mb: 20, ok: 1, bad: 0, seq: 1, reason: 'r', year: 2027, date: '2027-01-01', text: 't', region: 'r', max: 1, n2: 1 }
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      for (const k of keys(zh as Tree)) {
        const out = i18n.global.t(k, params)
        expect(out, `${locale} ${k}`).not.toBe(k)
        expect(out, `${locale} ${k}`).not.toMatch(/\{\w+\}/) // every placeholder filled
      }
    }
    i18n.global.locale.value = 'zh-CN'
  })
})
