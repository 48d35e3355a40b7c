// English messages of the designation module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  designations: {
    menu: 'Demonstrations', detail: 'Designation', ranking: 'Ranking by sales', quotas: 'Quota progress',
    subject: 'Subject', level: 'Level', kind: 'Kind', year: 'Year', region: 'Region', status: 'Status', since: 'Since',
    levels: { national: 'National', province: 'Provincial', city: 'City', county: 'County' },
    kinds: { county: 'County', town: 'Town', village: 'Village', point: 'Service point', enterprise: 'Enterprise', park: 'Strong town / park' },
    statuses: { candidate: 'Candidate', applied: 'Applied', recognised: 'Recognised', revoked: 'Revoked' },
    issuingBody: 'Issuing body', document: 'Document no.', note: 'Note', recognisedOn: 'Recognised on', files: 'Evidence files',
    searchPlaceholder: 'Subject, document or body', view: 'Details', add: 'Register', created: 'Registered',
    subjectRegion: 'Designated region', subjectStation: 'Station id', subjectEntity: 'Entity id',
    initialStatus: 'Status', statusDate: 'Status date',
    history: 'Status history', from: 'From', to: 'To', date: 'Date', reason: 'Reason', changeDocument: 'Document no.',
    recordedBy: 'Recorded by', changeStatus: 'Change status', noHistory: 'No records', statusChanged: 'Status changed',
    reasonRequired: 'A revocation needs its reason', documentRequired: 'A recognition needs its document number', dateRequired: 'Pick the date',
    regionRequired: 'Pick the designated region', subjectRequired: 'Enter the subject id', yearRequired: 'Enter the year',
    final: 'A revoked designation cannot change status; its records are kept',
    upload: 'Upload file', uploaded: 'File uploaded', noFiles: 'No files', size: 'Size', uploadedBy: 'Uploaded by', download: 'Download',
    rankRegion: 'Scope (county or town)', quota: 'Places', quotaLine: '{quota} places, {n} villages proposed (a tie across the line is left to staff)', noQuota: 'No number of places set (parameter: 示范村择优名额): ranked only', proposal: 'Proposal', proposed: 'Proposed', rank: 'Rank', village: 'Village', town: 'Town', sales: 'Online sales (yuan)',
    held: 'Designation', select: 'Select', selected: 'Selected as candidate', rankHint: 'Administrative villages by online sales of the year, highest first (002: district demonstration villages chosen by online sales); staff select',
    source: 'Source', noSales: 'No data',
    programme: 'Programme', target: 'Target', goal: 'Goal', actual: 'Recognised', progress: 'Progress', due: 'Due',
    noProgramme: 'No programmes', noTargets: 'The programme has no demonstration targets', lineStatus: 'Status',
    lineStatuses: { done: 'Done', on_track: 'On track', behind: 'Behind', overdue: 'Overdue', no_data_source: 'No data source', no_target: 'No number' },
    whole: 'Total',
  },
}

export default en
