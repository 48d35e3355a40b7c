// The award pages' words for codes: metric and subject labels from the server's dictionaries
// (award_metrics, award_subjects: src/award/words.cc, one list for exports and pages) and region
// tags from region_tags; in English mode the names below come first, since the dictionaries are
// Chinese. Flags and phrases come from the locale.
import { useI18n } from 'vue-i18n'
import { useDictStore } from '@/stores/dicts'
import type { Words } from './logic'

const EN_NAMES: Record<string, Record<string, string>> = {
  metric: {
    online_sales: 'online sales', uplink_online_sales: 'rural uplink online sales', online_export_sales: 'cross-border e-commerce exports',
    uplink_service_with_sales: 'station uplink (sell-for) sales', station_service_performance: 'station services in the year',
    station_assessment_score: 'station assessment score', purchase_from_poor: 'purchases from poor villages and households', purchase_amount: 'purchases from the poor',
    stable_purchase_cooperation: 'sales under stable cooperation with bases and co-ops', poor_household_employment: 'poor-household members employed',
    poor_household_online_shop: 'online shops opened by poor households', training_qualified: 'qualified trainees',
    cooperation_online_sales: 'online sales of stable cooperation',
    chain_store_count: 'chain stores', cold_chain_investment: 'cold-chain investment', new_large_platform_entry: 'new large-platform entry',
  },
  subject: {
    entity: 'business', brand: 'brand', export: 'exporting business', station: 'service station', demonstration: 'demonstration designation',
    trainee: 'trainee', purchase: 'purchase from the poor', project: 'project', household: 'poor household',
  },
  tag: {
    poverty_county: 'poverty county', poverty_village: 'poverty village', old_revolutionary_area: 'old revolutionary area (Dabie)',
    flood_storage_area: 'flood storage area',
  },
}

export function useAwardWords(): { words: () => Words; load: () => Promise<unknown> } {
  const { t, te, locale } = useI18n()
  const dicts = useDictStore()
  const named = (group: string, dict: string) => (code: string) =>
    (locale.value === 'en' && EN_NAMES[group]?.[code]) || dicts.label(dict, code)
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
