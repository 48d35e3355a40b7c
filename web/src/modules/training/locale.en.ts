// English messages of the training module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  training: {
    courses: 'Courses', sessions: 'Sessions', trainees: 'Trainees', attendance: 'Attendance', verify: 'Verify certificate',
    sessionDetail: 'Session', detail: 'Details', syllabus: 'Syllabus',
    files: { title: 'Training evidence', plan: 'Training plan', trainers: 'Trainer profiles', syllabus: 'Syllabus', signin: 'Sign-in sheets', photo: 'Photos' },
    title: 'Title', level: 'Level', tags: 'Content', organiser: 'Organiser', funding: 'Funding', audiences: 'Audience',
    rule: 'Pass rule', ruleText: 'attendance ≥{p}%', ruleScore: ', score ≥{s}', sessionCount: 'Sessions',
    newCourse: 'New course', newSession: 'New session', region: 'Organising region', saved: 'Saved',
    course: 'Course', sessionName: 'Session', dates: 'Dates', place: 'Place', capacity: 'Capacity', enrolled: 'Enrolled', trainers: 'Trainers',
    trainerHint: 'Trainer usernames, comma separated', open: 'Attendance',
    name: 'Name', idNumber: 'ID number', gender: 'Gender', genders: { m: 'Male', f: 'Female' }, birth: 'Born', mobile: 'Mobile',
    home: 'Home village', sessionsJoined: 'Sessions', searchPlaceholder: 'Name',
    day: 'Day', present: 'Present', presentCount: '{n} / {total} present', personTimes: '{n} person-times', saveDay: 'Save attendance',
    dayHint: 'Tick who is here today; saving makes this the day\'s list', daySaved: 'Saved: {added} added, {removed} removed',
    noSession: 'You have no session to take attendance for', pickSession: 'Session',
    import: 'Import sign-in sheet', importTitle: 'Import a sign-in sheet',
    assess: 'Assess', assessed: '{assessed} assessed, {qualified} qualified', score: 'Score',
    result: 'Result', results: { qualified: 'Qualified', not_qualified: 'Not qualified' }, certificate: 'Certificate', print: 'Print certificate',
    verifyTitle: 'Verify a training certificate', codeLabel: 'Certificate code', verifyButton: 'Verify', notFound: 'No certificate with this code',
    certTitle: 'E-commerce training certificate', certBody: '{name} attended {course} ({level}) from {start} to {end} and qualified.',
    certOrganiser: 'Organiser', certDate: 'Qualified on', pdf: 'Download PDF certificate',
    followUps: 'Follow-up', dueTitle: 'Trainees due for a follow-up', followUpRule: 'Conversion rule and reminders', defaults: 'Defaults',
    ruleSummary: 'Counts as a conversion: {kinds}; window: {months} months after the course; trainees without a follow-up record {days} days after their session ended are due.',
    countingKinds: 'Counting outcomes', windowMonths: 'Window (months)', reminderDays: 'Reminder (days)', reference: 'Decided by', saveRule: 'Save rule',
    endedOn: 'Ended on', daysSince: 'Days since',
    matrix: 'Person-time quotas', year: 'Year', programme: 'Programme', noProgramme: 'No programme', total: 'Total',
    personTimesTotal: 'Person-times', quota: 'Quota', reached: 'Reached',
  },
}
export default en
