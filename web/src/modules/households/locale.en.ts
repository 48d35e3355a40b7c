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
    add: 'Register household', created: 'Registered', editHousehold: 'Edit household', updated: 'Saved', keepIfEmpty: 'leave empty to keep', import: 'Import register', importTitle: 'Import the household register',
    masked: 'Names are masked above the town; revealing is audited', yes: 'Yes', no: 'No', all: 'All',
    required: 'Required', idInvalid: 'An ID number has 18 characters', villageRequired: 'Choose the village',
    entity: 'Buyer', seller: 'Seller', sellerKinds: { household: 'Household', village: 'Poor village' }, product: 'Product',
    quantity: 'Quantity', amount: 'Amount (yuan)', date: 'Date', evidence: 'Evidence', evidenceKinds: { receipt: 'Receipt', transfer: 'Transfer' },
    importPurchases: 'Import purchases', history: 'With corrections', superseded: 'Corrected',
    year: 'Year', covered: 'Helped', eligible: 'Willing and able', rate: 'Coverage', town: 'Town', total: 'Total',
    uncovered: 'Not yet helped (follow up)', coverageHint: 'Coverage = willing-and-able households with a purchase, employment, shop or match in the period ÷ willing-and-able households (training pending)',
    noEligible: 'No willing-and-able household in this region',
    detail: 'Household', source: 'Source', sources: { form: 'Entered', import: 'Imported', generated: 'Demo data' }, none: 'None yet', period: 'Period', ongoing: 'ongoing',
    employments: 'Employment of members', addEmployment: 'Add employment', employer: 'Employer', memberName: 'Member', position: 'Position', since: 'Since', until: 'Until',
    shops: 'Online shops', addShop: 'Add shop', platform: 'Platform', shopName: 'Shop name', shopRef: 'Shop link or number', shopEntity: 'Linked entity (optional)', openedOn: 'Opened on', closedOn: 'Closed on',
    helpSaved: 'Saved', purchasesOf: 'Purchases', purchaseSum: '{n} current, {amount} yuan in all', addPurchase: 'Record purchase', correct: 'Correct',
    correctPurchase: 'Correct a purchase', correctionReason: 'Reason', purchaseSaved: 'Purchase saved', unit: 'Unit', evidenceNo: 'Evidence number',
    end: 'Left', close: 'Close', endEmployment: 'Member left', closeShop: 'Shop closed', leftOn: 'Left on',
    helpEnded: 'Saved',
    linkAgreement: 'Under agreement', linkListing: 'Under listing', linkNone: 'None (optional)',
    listingOption: 'Listing {id}: {product} {quantity} {unit}, {village}, matched {on}', linked: 'Link',
  },  matching: {
    listings: 'Produce board', demands: 'Demands and matching', agreements: 'Agreements',
    addListing: 'List produce', addDemand: 'Post a demand', addAgreement: 'Register an agreement',
    station: 'Station', village: "Seller's village", seller: 'Seller', contact: 'Mobile', product: 'Product', unit: 'Unit',
    quantity: 'Quantity', price: 'Expected price (yuan)', priceRange: 'Price range (yuan per unit)', priceMax: 'Maximum price',
    available: 'Available', availableTo: 'Available until', wanted: 'Wanted', wantedTo: 'Wanted until', note: 'Note', status: 'Status',
    region: 'Buying region', regionHint: "Defaults to the entity's county", delivery: 'Delivery point', lat: 'Latitude', lng: 'Longitude', entity: 'Entity',
    listingStatuses: { open: 'Open', matched: 'Matched', withdrawn: 'Withdrawn' },
    negotiable: 'Negotiable', take: 'Take up', taken: "Taken up: the seller's contact is shown", withdraw: 'Withdraw', noListings: 'No listings',
    browseHint: "Taking a listing up shows the seller's name and mobile (audited)", staffHint: 'Sellers are masked; an entity sees the contact after taking a listing up',
    proposals: 'Proposals', proposalsOf: 'Proposals for {product}', noProposals: 'No listing fits this demand',
    accept: 'Accept {quantity} {unit}', accepted: 'Match recorded',
    required: 'Required', saved: 'Saved',
    agreementNo: 'Agreement no.', title: 'Title', model: 'Model', signedOn: 'Signed on', validity: 'Valid', validTo: 'Valid until',
    models: {
      ecommerce_base_coop_farmer: 'E-commerce firm + base + co-op + farmers', you_grow_we_sell: 'You grow, we sell', you_raise_we_sell: 'You raise, we sell',
      order_farming: 'Order farming', commissioned: 'Commissioned production', direct_purchase: 'Direct purchase', other: 'Other',
    },
    parties: 'Parties', partyKind: 'Party kind', partyName: 'Name', addParty: 'Add a party', householdId: 'Household no.', entityId: 'Entity no.',
    partyKinds: { household: 'Household', coop: 'Co-op', base: 'Base', village: 'Village collective', entity: 'Entity' },
    products: 'Products', addProduct: 'Add a product', details: 'Details', document: 'Signed document',
    attributed: 'Attributed sales', attributedSales: 'Online sales attributed to the agreement', month: 'Month', amount: 'Sales (yuan)', evidence: 'Evidence',
    edit: 'Edit', editListing: 'Edit listing', editAgreement: 'Edit agreement', editReason: 'Reason for the change', history: 'Change history',
    historyOf: 'Changes of {product}', noEdits: 'No changes yet', nothingChanged: 'Nothing was changed',
    attributedHint: "Monthly online sales of the agreement's products with their evidence (order export, settlement): the base of the cooperation award",
  },

}

export default en
