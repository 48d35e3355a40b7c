// English messages of the entity, brand and online-sales pages, merged into en.ts.
import type zh from './sales.zh-CN'

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

const en: Messages<typeof zh> = {
  entities: {
    group: 'Businesses & sales', menu: 'Businesses', brandsMenu: 'Brands', detail: 'Business',
    uscc: 'Credit code (USCC)', name: 'Name', kind: 'Kind',
    kinds: {
      enterprise: 'Enterprise', cooperative: 'Co-operative', family_farm: 'Family farm',
      individual_business: 'Individual business', operator: 'Operator',
    },
    region: 'Region', registeredOn: 'Registered on', registeredYear: 'Registered in', contact: 'Contact',
    mobile: 'Mobile', mobileKeep: 'Leave empty to keep', linkage: 'Linkage',
    linkageModel: 'Enterprise + base + co-op + households', contractFarming: 'Contract farming',
    employsPoor: 'Employs registered poor households', shops: 'Shops', brands: 'Brands', shopCount: 'Shops',
    brandCount: 'Brands', create: 'New business', edit: 'Edit business', view: 'Details',
    searchPlaceholder: 'Name or credit code',
    usccInvalid: 'The credit code has 18 digits or capital letters (no I, O, Z, S, V)',
    nameRequired: 'Enter the name', regionRequired: 'Pick a town or village', mobileInvalid: 'Invalid mobile number',
    created: 'Business created', import: 'Import businesses', importTitle: 'Import businesses',
    platform: 'Platform', shopName: 'Shop name', shopRef: 'Shop id or URL', brandName: 'Brand',
    trademarkNo: 'Trademark no.', categories: 'Categories', regionalBrand: 'Regional public brand',
    owner: 'Business', noShops: 'No shops', noBrands: 'No brands', monthly: 'Monthly online sales ({year})',
    chartYear: 'Year', salesRecords: 'Sales records', addShop: 'Add shop', addBrand: 'Add brand',
  },
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
    summaryTab: 'By region', rankingTab: 'Ranking', rank: 'Rank', chart: 'Uplink sales per region (10k yuan)',
    imported: '{ok} rows imported, {bad} rejected', bySummary: 'Summary',
    overTab: 'Over threshold', overName: 'Name',
  },
}

export default en
