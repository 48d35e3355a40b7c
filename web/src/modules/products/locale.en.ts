// English messages of the products module (the keys of locale.zh-CN.ts).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  products: {
    libraryMenu: 'Product library', queueMenu: 'Admission queue', certsMenu: 'Certificates', batchesMenu: 'Trace batches', scansMenu: 'Scan statistics',
    admission: { draft: 'Draft', applied: 'Applied', returned: 'Returned', admitted: 'Admitted', rejected: 'Rejected', suspended: 'Suspended', removed: 'Removed' },
    search: 'Name or GTIN', category: 'Category', admissionState: 'Admission', certified: 'Certified', add: 'Register product', edit: 'Edit product', name: 'Product', producer: 'Producer',
    origin: 'Origin', grade: 'Grade', gradeScale: 'Grading scale', detail: 'Details', gtinHint: '8, 12, 13 or 14 digits, optional', specs: 'Specs', packaging: 'Packaging standard', originCode: 'Origin region code', originHint: "Default: the producer's region",
    saved: 'Product saved', reason: 'Give the reason', reasonNeeded: 'A reason is required', moved: 'Now {state}',
    certs: 'Certificates', noCerts: 'No certificate', certStatus: { valid: 'valid', expired: 'expired', not_yet_valid: 'not yet valid' }, checklist: 'Admission checklist', suggested: 'the record shows it', history: 'Admission history',
    certRegister: 'Register', certKind: 'Kind', certState: 'Status', addCert: 'Register certificate', certNumber: 'Number', holder: 'Holder', issuer: 'Issuer', validFrom: 'Valid from', validTo: 'Valid to',
    expiring: 'Expiring', expiringHint: 'Valid certificates ending within 60 days: remind the holders to renew', noneExpiring: 'None ends within 60 days', daysLeft: 'Days left', holderProduct: 'Product', holderProducer: 'Producer', productId: 'Product id', certSaved: 'Certificate registered',
    lot: 'Lot', addBatch: 'Register batch', quantity: 'Quantity', uom: 'Unit', producedOn: 'Produced on', events: 'Events', lotHint: 'Letters, digits or . _ -, up to 20',
    units: { KGM: 'kg', GRM: 'g', TNE: 't', LTR: 'l', H87: 'pieces', XBX: 'boxes' },
    chainOk: 'The trace chain verifies ({n} records)', baseHint: 'The county has no trace domain yet (parameters): the QR code uses this console\'s address', scans30: '{n} scans in the last 30 days', labelCount: 'Labels', serialFrom: 'First serial (optional: one code an item)', printLabels: 'Print labels',
    timeline: 'Trace events', declared: 'declared erroneous', correct: 'Correct', correctWhy: 'Why is it corrected? (the record stays, marked erroneous)', corrected: 'Corrected',
    capture: 'Record a trace event', step: 'Step', eventTime: 'When', harvestStart: 'Harvest from', harvestEnd: 'Harvest to', testReport: 'Test report number', result: 'Result', pass: 'Pass', fail: 'Fail', note: 'Note', record: 'Record',
    batchSaved: 'Batch registered', eventSaved: 'Event recorded', from: 'From', to: 'To', scans: 'Scans', lastScan: 'Last scan',
    public: {
      title: 'Trace', kicker: 'Product trace record', noCode: 'Scan the trace QR code on the package', notFound: 'No batch has this code: check the QR code on the package',
      tooMany: 'Too many lookups, try again later', mismatch: 'The item code or lot in the QR code does not match this record: buy with care',
      chainOk: 'The trace records are complete and unchanged', chainBad: 'The trace records do not verify: they may have been changed',
      producer: 'Producer', origin: 'Origin', grade: 'Grade', gradeScale: 'Grading scale', specs: 'Specs', brand: 'Brand', countyCode: 'County item code', lot: 'Lot', serial: 'Item serial', producedOn: 'Produced on', listing: 'Listing',
      certs: 'Valid certifications', noCerts: 'No valid certification', validTo: 'valid to {date}',
      timeline: 'Trace records', noEvents: 'No trace record yet', shown: '{n} of {total} shown', more: 'Show more', corrected: 'corrected', quantity: 'Quantity {q} {uom}', report: 'Test report {no}',
      result: { pass: 'passed', fail: 'failed' },
      dates: { harvestStartDate: 'Harvest from', harvestEndDate: 'Harvest to', productionDate: 'Produced on', bestBeforeDate: 'Best before' },
      foot: 'Recorded by the producer; published by the county e-commerce service centre',
    },
  },
}
export default en
