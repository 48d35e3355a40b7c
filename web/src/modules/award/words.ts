// The award pages' words for codes: metric and subject labels from the server's dictionaries
// (award_metrics, award_subjects: src/award/words.cc, one list for exports and pages) and region
// tags from region_tags; in English mode the locale's names (awards.names.*) come first, since the
// dictionaries are Chinese. Flags and phrases come from the locale.
import { useI18n } from 'vue-i18n'
import { useDictStore } from '@/stores/dicts'
import type { Words } from './logic'

export function useAwardWords(): { words: () => Words; load: () => Promise<unknown> } {
  const { t, te } = useI18n()
  const dicts = useDictStore()
  const named = (group: string, dict: string) => (code: string) =>
    te(`awards.names.${group}.${code}`) ? t(`awards.names.${group}.${code}`) : dicts.label(dict, code)
  const words = (): Words => ({
    metric: named('metric', 'award_metrics'),
    subject: named('subject', 'award_subjects'),
    tag: named('tag', 'region_tags'),
    flag: (f) => (te(`awards.flag.${f}`) ? t(`awards.flag.${f}`) : f),
    tier: (n) => t('awards.tierN', { n }),
    applied: t('awards.phrase.applied'),
    notApplied: t('awards.phrase.notApplied'),
    capApplied: t('awards.phrase.capApplied'),
    floorApplied: t('awards.phrase.floorApplied'),
    acceptance: t('awards.phrase.acceptance'),
  })
  const load = () => Promise.all(['award_metrics', 'award_subjects', 'region_tags'].map((d) => dicts.load(d)))
  return { words, load }
}
