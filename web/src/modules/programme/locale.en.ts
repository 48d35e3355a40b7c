// English messages of the programme module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  menu: { programmes: 'Programmes' },
  programme: {
    detail: 'Programme', name: 'Programme', documentNumber: 'Document no.', regionCode: 'Region code',
    targetCount: 'Targets', taskCount: 'Tasks', version: 'Version', upload: 'Upload programme',
    uploadTitle: 'Upload a programme (YAML)', dropHere: 'Drop the programme file (.yaml) here, or',
    uploadHint: '.yaml / .yml only, at most {mb} MB; checked like programme check',
    wrongType: 'Choose a .yaml or .yml file', checkAndLoad: 'Check and load',
    checkFailed: 'The file has {n} errors and was not loaded', errFile: 'File', errLine: 'Line', errReason: 'Reason',
    loaded: 'Programme loaded (version {n})', unchanged: 'This file was already loaded; nothing changed',
    issuers: 'Issued by', issuedOn: 'Issued on', region: 'Region', period: 'Period', periodNote: 'Period note',
    phases: 'Phases', asOf: 'Progress as of {date}', reportQuarter: 'Quarter', reportDownload: 'Quarterly report',
    tabTargets: 'Targets ({n})', tabMatrix: 'Quota matrix', tabTasks: 'Tasks ({n}, {n2} overdue)',
    tabLagging: 'Lagging ({n})', noTargets: 'The programme has no numeric targets',
    noQuotas: 'The programme gives no quotas to child regions', noLagging: 'Nothing is behind or overdue',
    due: 'Due', periodEnd: 'end of the period', quotaRegions: 'quotas for {n} regions', goal: 'Target',
    quota: 'Quota', actual: 'Actual', percent: 'Percent',
    status: {
      done: 'Done', on_track: 'On track', behind: 'Behind', overdue: 'Overdue', no_data_source: 'No data source',
      no_target: 'No number in the plan', unknown: 'Unknown',
    },
    taskNumber: 'No.', taskText: 'Task', leadUnits: 'Lead units', coordinatingUnits: 'Coordinating units',
    deadline: 'Deadline', taskStatusLabel: 'Status',
    taskStatus: { not_started: 'Not started', in_progress: 'In progress', done: 'Done' },
    overdue: 'Overdue', progressNotes: 'Progress', noteCount: '{n} notes', fillIn: 'Add progress', taskNo: 'Task {n}',
    lagCount: '{n} targets behind, {n2} tasks overdue', notesTitle: 'Progress of task {n}', noNotes: 'No notes yet',
    noteText: 'Progress', noteStatus: 'Task status', statusUnchanged: 'Unchanged', attachments: 'Attachments',
    chooseFiles: 'Choose files',
    attachHint: 'Up to 10 files per note, 5 MB each: pdf, jpg, png, docx, xlsx, txt',
    attachRefused: 'The note was saved; these files were not: {text}',
    attachWrongType: 'Attachment type not accepted: {name}', attachTooMany: 'At most {n} attachments',
    addNote: 'Add note', openAwards: 'Awards',
  },
}

export default en
