// English messages of the home module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  home: {
    welcome: 'Welcome, {name}', scope: 'Data scope: {region}', roles: 'Roles', lastLogin: 'Last sign-in', firstLogin: 'this is your first sign-in',
    childrenChart: 'Villages per sub-region', childrenCount: 'Sub-regions', quick: 'Shortcuts', childCount: 'Sub-regions',
    todoTitle: 'To do today', todoNone: 'Nothing waits for you today.', todoCount: '{n}', todoOpen: 'Open',
    figuresTitle: 'Key figures', workErrors: 'Could not be counted just now:',
    items: {
      award: { lists_to_approve: 'Award lists to approve', drafts: 'Award lists to submit for approval', approvals_waiting: 'Award lists awaiting approval' },
      reporting: { to_confirm: 'Indicator reports to confirm', rejected: 'Your indicator reports sent back' },
      programme: {
        tasks_overdue: 'Tasks overdue', targets_behind: 'Targets behind', overdue_to_chase: 'Overdue tasks to chase up',
        town_unreported: 'Town tasks to report on', town_behind: 'Town quota lines behind',
      },
      station: { records_missing: 'Stations without last month service records' },
      sales: { online_year: 'Online sales {year}' },
      projects: { findings_overdue: 'Findings past their deadline', findings_to_check: 'Rectifications to check', deadlines_overdue: 'Review and acceptance deadlines overdue', deadlines_due_soon: 'Review and acceptance deadlines due within two working days' },
    },
    units: { item: '', list: '', wanYuan: '× 10k yuan', count: '' },
  },
}

export default en
