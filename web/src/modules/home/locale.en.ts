// English messages of the home module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  home: {
    welcome: 'Welcome, {name}', scope: 'Data scope: {region}', roles: 'Roles', lastLogin: 'Last sign-in', firstLogin: 'this is your first sign-in',
    childrenChart: 'Villages per sub-region', childrenCount: 'Sub-regions', quick: 'Shortcuts', childCount: 'Sub-regions',
  },
}

export default en
