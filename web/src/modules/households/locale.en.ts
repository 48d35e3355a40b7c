// English messages of the households module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  households: {
    menu: 'Poor households', register: 'Household register', purchases: 'Purchases', coverage: 'Help coverage',
    region: 'Region', village: 'Village', head: 'Head', idNumber: 'ID number', members: 'Members', status: 'Status',
    statuses: { registered: 'Registered poor', lifted: 'Lifted out', monitored: 'Monitored' },
    liftedYear: 'Year lifted', willing: 'Willing', willingOn: 'Willing since', able: 'Able', ableOn: 'Able since',
    willingAndAble: 'Willing and able', products: 'Products', productsHint: 'separate with 、', helpers: 'Paired helpers',
    helperKinds: { unit: 'Unit', entity: 'Entity', grower: 'Large grower', capable: 'Capable person' },
    add: 'Register household', created: 'Registered', import: 'Import register', importTitle: 'Import the household register',
    masked: 'Names are masked above the town; revealing is audited', yes: 'Yes', no: 'No', all: 'All',
    required: 'Required', idInvalid: 'An ID number has 18 characters', villageRequired: 'Choose the village',
    entity: 'Buyer', seller: 'Seller', sellerKinds: { household: 'Household', village: 'Poor village' }, product: 'Product',
    quantity: 'Quantity', amount: 'Amount (yuan)', date: 'Date', evidence: 'Evidence', evidenceKinds: { receipt: 'Receipt', transfer: 'Transfer' },
    importPurchases: 'Import purchases', history: 'With corrections', superseded: 'Corrected',
    year: 'Year', covered: 'Helped', eligible: 'Willing and able', rate: 'Coverage', town: 'Town', total: 'Total',
    uncovered: 'Not yet helped (follow up)', coverageHint: 'Coverage = willing-and-able households with a purchase, employment or shop in the period ÷ willing-and-able households (training and matching pending)',
    noEligible: 'No willing-and-able household in this region',
  },
}

export default en
