// English messages of the award module (issue 7): the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  awards: {
    menu: 'Awards', title: 'Award evaluation and approval', programme: 'Programme', period: 'Year',
    pickProgramme: 'Choose a programme', rules: 'Award rules', rule: 'Rule', subject: 'Subject',
    eligibility: 'Eligibility', amount: 'Amount', multipliers: 'Uplift', source: 'Source',
    seedText: 'Seed text', localBy: 'Set locally: {text}',
    badge: {
      local: 'Set locally', open: 'Open (to be set locally)', no_data_source: 'No data source',
      needs_local_setting: 'Needs local setting', not_evaluable: 'Not evaluable',
    },
    words: { tiers: 'tiers', setLocally: 'set locally', upTo: 'up to ', cap: 'cap', floor: 'floor' },
    flag: { enterprise: 'enterprises only', cooperative: 'co-operatives only', linkage_model: 'with a benefit-linkage model', contract_farming: 'with contract farming', employs_poor: 'employs poor-household members' },
    tierN: 'tier {n}',
    phrase: { applied: ' (applied)', notApplied: ' (not applied: the largest one applies)', capApplied: ' (capped)', floorApplied: ' (floored)', acceptance: 'paid after acceptance' },
    waiting: '{n} more lines wait for local settings and are not in the total',
    unpaid: '{n} more lines have no amount (waiting for local settings or already awarded)',
    evaluate: 'Evaluate', evaluated: 'Evaluated: {n} lines',
    noRun: 'Choose a programme and year, then Evaluate', lines: 'Award list', total: 'Payable total (yuan)', localVersion: 'Local settings: {label}',
    amountYuan: 'Amount (yuan)', status: 'Status',
    lineStatus: { payable: 'Payable', needs_local_setting: 'Needs local setting', already_awarded: 'Already awarded', beyond_quota: 'Beyond quota' },
    noLines: 'No subject qualifies',
    ex: {
      rule: 'Rule', text: 'Text', metric: 'Data used', tier: 'Tier', rate: 'Rate', base: 'Base amount',
      uplift: 'Uplift', afterUplift: 'After uplift', cap: 'Cap', floor: 'Floor', local: 'Set locally', prior: 'Awarded before',
      acceptance: 'Payment condition', note: 'Note', records: 'Ledger records', quota: 'Quota',
    },
    diff: 'Difference to the approved version', noApproved: 'No approved version yet: every line is new',
    noDiff: 'Same as the approved version',
    change: { added: 'Added', removed: 'Removed', changed: 'Changed' },
    oldAmount: 'Old amount (yuan)', newAmount: 'New amount (yuan)', delta: 'Difference (yuan)',
    unchanged: '{n} lines unchanged', versions: 'Versions', version: 'Version',
    listStatus: { draft: 'Draft', proposed: 'Proposed', approved: 'Approved', superseded: 'Superseded' },
    saveDraft: 'Save draft', drafted: 'Draft v{n} saved', propose: 'Propose',
    proposed: 'Proposed for approval', approve: 'Approve', approved: 'Approved; the list is frozen',
    proposeConfirm: 'Submit version {n} of the list for review by finance staff? It cannot be edited afterwards.',
    approveConfirm: 'An approved list is frozen and cannot be edited. Approve?', export: 'Export list',
    publish: 'Publication download', createdBy: 'Made by', proposedBy: 'Proposed by',
    approvedBy: 'Approved by', viewLines: 'View', frozen: 'Approved version v{n} (frozen)',
  },
}

export default en
