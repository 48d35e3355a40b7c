// English messages of the entity module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  entities: {
    account: {
      open: 'Open business account', hint: 'The account sees and reports only this business’s shops, brands and online sales.',
      companyHint: 'Operator company (承办企业) account: sees the stations this business operates and imports their service records.',
      roles: { entity: 'Business account', operator_company: 'Operator company account' },
      username: 'Username', displayName: 'Name', mobile: 'Mobile', submit: 'Open',
      created: 'Account opened. Hand this one-time password to the business in person; it must be changed at first login:',
      copy: 'Copy', copied: 'Copied',
    },
    menu: 'Businesses', brandsMenu: 'Brands', detail: 'Business',
    uscc: 'Credit code (USCC)', name: 'Name', kind: 'Kind',
    kinds: {
      enterprise: 'Enterprise', cooperative: 'Co-operative', family_farm: 'Family farm',
      individual_business: 'Individual business', operator: 'Operator',
    },
    region: 'Region', registeredOn: 'Registered on', registeredYear: 'Registered in', contact: 'Contact',
    mobile: 'Mobile', mobileKeep: 'Leave empty to keep', linkage: 'Linkage',
    lng: 'Longitude', lat: 'Latitude', location: 'Position', locationValue: 'lng {lng}, lat {lat}', degreesInvalid: 'Decimal degrees, at most 6 decimals',
    locationHint: 'Optional; both or neither (WGS-84, inside China), for the monitoring screen’s point map',
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
    uplink: 'Uplink', downlink: 'Downlink', agriculturalUplink: 'Agricultural uplink', yuan: 'yuan', wan: '10k yuan',
  },
}

export default en
