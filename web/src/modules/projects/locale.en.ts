// English messages of the projects module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  projects: {
    required: 'Required',
    materialSets: {
      title: 'Required materials', programme: 'Programme', countyWide: 'The county (no programme)', materials: 'Materials', reason: 'Reason for the change',
      add: 'Add a material', remove: 'Remove', saved: 'Materials updated', history: '{n} earlier versions',
      sources: { builtin: 'In force: the default list of 004 annex 2', county: 'In force: set by the county', programme: 'In force: set for this programme' },
    },
    menu: 'Projects', inbox: 'Review inbox', detail: 'Project',
    name: 'Project', applicant: 'Applicant', type: 'Type', region: 'Region', status: 'Status', statusOn: 'Since',
    phase: 'Phase', phaseN: 'Phase {n}', subsidy: 'Subsidy asked (yuan)', note: 'Note', grade: 'Evaluation', reviewer: 'Reviewer',
    fundKey: 'Fund project key', searchPlaceholder: 'Project or applicant', view: 'Details', add: 'New application', created: 'Registered: upload the materials',
    statuses: {
      draft: 'Draft', submitted: 'Submitted', pre_review: 'Pre-review', correction: 'Correction', review: 'Review', rejected: 'Rejected',
      implementing: 'Implementing', acceptance_requested: 'Acceptance requested', acceptance: 'Accepted', evaluation: 'Evaluated',
      rectification: 'Rectification', approval: 'Approval', failed: 'No subsidy', payment: 'Payment', archived: 'Archived',
    },
    grades: { pass: 'Pass', basic_pass: 'Basic pass', fail: 'Fail' },
    stages: { review: 'Review (5 working days)', acceptance: 'Acceptance (5 working days)', evaluation: 'Evaluation (3 working days)', rectification: 'Rectification date' },
    materials: 'Materials', materialsHint: 'The application can be submitted once every material is uploaded (004 annex 2)', missing: 'Missing', present: '{n} uploaded',
    evidence: 'Evidence', timeline: 'Timeline', noTimeline: 'Not submitted yet', deadlines: 'Deadlines', noDeadlines: 'No deadlines',
    due: 'Due', started: 'From', closed: 'Ended', calendar: 'Calendar version',
    deadlineStates: { closed: 'Ended', overdue: 'Overdue', soon: 'Due soon', paused: 'Paused for correction', provisional: 'Year not in the calendar: provisional', open: 'Open' },
    move: 'Act', moveTitle: 'Act: {to}', to: 'Move to', on: 'Date', moveNote: 'Note (conclusion, acceptance opinion, what to correct…)',
    rectifyBy: 'Rectify by', moved: 'Done', repeated: 'Already done: nothing was repeated',
    noteRequired: 'Enter the note', gradeRequired: 'Pick the evaluation', rectifyRequired: 'Pick the rectification date',
    nameRequired: 'Enter the project name', applicantRequired: 'Enter the applicant', typeRequired: 'Pick the type', regionRequired: 'Pick the region',
    subsidyInvalid: 'Yuan with at most two decimals',
    stage: 'Stage', overdueOnly: 'Overdue only', dueSoonOnly: 'Due soon only', dueSoonUntil: 'Due soon: by {date}', overdueSummary: 'Overdue', today: 'Today', project: 'Project', unassigned: 'Unassigned',
    inboxEmpty: 'Nothing waiting',
    findings: {
      menu: 'Issue list', add: 'Record a finding', title: 'Finding', detail: 'Description', requirement: 'Required rectification', owner: 'Responsible unit',
      source: 'Source', foundOn: 'Found on', dueOn: 'Due', status: 'Status', statusOn: 'Status date', region: 'Region',
      project: 'Project', programme: 'The programme', overdue: 'Overdue', overdueOnly: 'Overdue only', created: 'Finding recorded',
      statuses: { open: 'To rectify', submitted: 'Awaiting check', closed: 'Closed' },
      handle: 'Handle', moves: 'Rectification', noMoves: 'Nothing done yet', note: 'Rectification / check', noteRequired: 'Describe the rectification or the reason', evidence: 'Evidence', extendDueRequired: 'Pick the new deadline', newDue: 'New deadline', extendedTo: 'Extended to {due} (was {was})',
      moved: 'Done', repeated: 'Already done; not repeated', on: 'Date', dueRequired: 'Choose the deadline',
      titleRequired: 'Enter the finding', ownerRequired: 'Enter the responsible unit', sourceRequired: 'Choose the source', regionRequired: 'Choose the region',
      searchPlaceholder: 'Finding or unit', empty: 'No findings',
    },
  },
}

export default en
