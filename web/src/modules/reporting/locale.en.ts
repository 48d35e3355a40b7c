// English messages of the reporting module (the same keys as the Chinese ones).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  reports: {
    menu: 'Reported values', detail: 'Report', add: 'Report a value', indicator: 'Indicator', params: 'Parameters', region: 'Region', period: 'Quarter',
    value: 'Value', unit: 'Unit', note: 'Note', status: 'Status', reportedBy: 'Reported by', reportedAt: 'Reported at',
    decidedBy: 'Confirmed by', decidedAt: 'Decided at', version: 'Version', files: 'Evidence', view: 'View',
    statuses: { pending: 'Awaiting confirmation', confirmed: 'Confirmed', rejected: 'Rejected', superseded: 'Superseded' },
    indicatorRequired: 'Choose an indicator', paramRequired: 'Enter the parameter', regionRequired: 'Choose a region', periodRequired: 'Choose a quarter',
    valueRequired: 'Enter the value', valueNumber: 'The value must be a number not below 0', valuePrecision: 'Too many decimals ({unit}: at most {n})',
    evidence: 'Evidence (pdf, images, Word/Excel, text)', evidenceHint: 'At least one evidence file is needed before confirmation; the type is read from the content',
    computedHint: 'A module computes this indicator: its value takes precedence, reports are kept as a record',
    replacedHint: 'A report for the same indicator, region and quarter awaits confirmation: this one replaces its value',
    submitted: 'Submitted; awaiting confirmation by someone else', replaced: 'The pending report was replaced', uploaded: 'Evidence uploaded', upload: 'Upload evidence', noFiles: 'No evidence yet',
    confirm: 'Confirm', reject: 'Reject', confirmed: 'Confirmed', rejected: 'Rejected', rejectReason: 'Reason', reasonRequired: 'Enter the reason',
    confirmAsk: 'Once confirmed the value counts in the programme progress and the quarterly report. Confirm?', ownReport: 'You submitted this report: someone else must confirm it',
    needsFile: 'No evidence yet: it cannot be confirmed', versions: 'Versions', size: 'Size', uploadedBy: 'Uploaded by', download: 'Download',
    paramNames: { scope: 'Scope (new / upgraded)', level: 'Level', kind: 'Kind' },
    rule: 'Report for a county or a town only; town staff report for their own town. Enter the cumulative figure at the end of the quarter.',
  },
}

export default en
