// English messages of the calendar module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  menu: { calendar: 'Calendar' },
  calendar: {
    year: 'Year', source: 'Source', holidays: 'Holidays', workdays: 'Make-up workdays', addYear: 'Add year',
    editYear: 'Edit {year}', date: 'Date', kind: 'Kind', dayName: 'Name', holiday: 'Statutory holiday',
    workday: 'Make-up workday', addDay: 'Add day', days: 'Holidays and make-up workdays',
    sourceAdmin: 'Entered by admin', sourceChineseDays: 'State Council notice',
    yearExists: 'This year exists and will be replaced', yearSaved: 'Calendar {year} saved', view: 'View',
    workdaysAfter: 'Working-day calculator', startDate: 'Start date', nDays: 'Working days',
    resultDate: 'Due date', compute: 'Compute', dupDate: 'Date {date} is repeated', noDays: 'Add at least one day',
  },
}

export default en
