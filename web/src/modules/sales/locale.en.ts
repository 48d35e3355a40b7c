// English messages of the sales module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  sales: {
    menuLedger: 'Sales ledger', menuSummary: 'Sales summary', period: 'Period', periodRange: 'Periods',
    from: 'From month', to: 'To month', entity: 'Business', entityId: 'Business id', platform: 'Platform',
    direction: 'Direction', uplink: 'Uplink', downlink: 'Downlink', agriculturalUplink: 'Agricultural uplink',
    agricultural: 'Agricultural', category: 'Category', amount: 'Online sales (yuan)', orders: 'Orders',
    exportUsd: 'Exports (US$)', source: 'Source', sources: { form: 'Form', import: 'Import', api: 'API' },
    isCurrent: 'Current', superseded: 'Superseded', reason: 'Reason for correction', createdAt: 'Entered at',
    createdBy: 'Entered by', create: 'Enter sales', correct: 'Correct',
    correctTitle: 'Correct a sales record (the old one stays in the history)',
    reasonRequired: 'A correction needs a reason', history: 'History', historyTitle: 'History of record {n}',
    version: 'Version', import: 'Import sales', importTitle: 'Import the sales ledger', entityRequired: 'Pick a business',
    periodRequired: 'Pick the period (year-month)', platformRequired: 'Enter the platform',
    amountRequired: 'Enter the amount', ordersInvalid: 'Orders must be a whole number',
    exportInvalid: 'Exports in US$ with at most two decimals', entityPick: 'Search by name or credit code',
    saved: 'Sales record saved', corrected: 'Corrected; the old record stays in the history', yuan: 'yuan',
    wan: '10k yuan', showHistory: 'Include history', year: 'Year', region: 'Region', summaryRegion: 'Region',
    uplinkSum: 'Uplink (yuan)', downlinkSum: 'Downlink (yuan)', agriSum: 'Agricultural uplink (yuan)',
    exportSum: 'Exports (US$)', entitiesOver: 'Businesses over threshold', brandsOver: 'Brands over threshold',
    newEntities: 'New businesses', total: 'Total', threshold: 'Threshold',
    thresholdEntity: 'Business threshold (yuan/year)', thresholdBrand: 'Brand threshold (yuan/year)',
    noThreshold: 'No threshold: enter one or pick it from a programme', thresholdFrom: 'Source: {text}',
    sourceQuery: 'entered here', sourceProgramme: 'programme {key}, target {target}',
    summaryTab: 'By region', rankingTab: 'Ranking', rank: 'Rank', chart: 'Uplink sales per region (10k yuan)',
    imported: '{ok} rows imported, {bad} rejected', bySummary: 'Summary',
    overTab: 'Over threshold', overName: 'Name',
  },
}

export default en
