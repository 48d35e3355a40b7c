import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import { modules } from '@/modules'
import { mergeMessages } from '@/modules/assemble'
import type { Locale } from '@/modules/kit'

export type { Locale }
export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
]

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('ruralec.locale') : null
  return saved === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  // the shell's messages with every module's merged in
  messages: { 'zh-CN': mergeMessages(zhCN, modules, 'zh-CN'), en: mergeMessages(en, modules, 'en') },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(l: Locale) {
  i18n.global.locale.value = l
  localStorage.setItem('ruralec.locale', l)
  document.documentElement.lang = l
}

/** t() outside components. */
export const t = (key: string, params?: Record<string, unknown>) =>
  params ? i18n.global.t(key, params) : i18n.global.t(key)
