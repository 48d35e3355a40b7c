// English messages of the account module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  menu: { users: 'Users', roles: 'Roles', passwordPolicy: 'Password policy', profile: 'My profile' },
  login: {
    title: 'Sign in', subtitle: 'Rural e-commerce programme console', username: 'Username',
    password: 'Password', submit: 'Sign in', usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password', sessionExpired: 'Your session expired, please sign in again',
    loggedOut: 'You have signed out', unauthenticated: 'Please sign in again', locked: 'Account locked',
  },
  password: {
    forcedTitle: 'Change your initial password',
    firstLogin: 'First sign-in: change the initial password before using the console.',
    expired: 'Your password has expired: change it to continue.',
    initialOrExpired: 'You are using an initial password or your password has expired: change it first.',
    title: 'Change password', old: 'Current password', new: 'New password', confirm: 'Confirm new password',
    mismatch: 'The new passwords do not match', sameAsOld: 'The new password must differ from the current one',
    policy: 'At least {min} characters with at least {classes} of: upper case, lower case, digits, symbols.',
    tooShort: 'At least {min} characters', classes: 'Use at least {classes} character classes',
    changed: 'Password changed', submit: 'Change password',
  },
  user: {
    username: 'Username', displayName: 'Name', roles: 'Roles', region: 'Region', mobile: 'Mobile',
    status: 'Status', lastLogin: 'Last sign-in', createdAt: 'Created', lockedUntil: 'Locked until',
    create: 'New user', edit: 'Edit user', disable: 'Disable', enable: 'Enable',
    resetPassword: 'Reset password', unlock: 'Unlock', grantAdmin: 'Grant admin role',
    disableConfirm: 'Disable user "{name}"? They can no longer sign in and their sessions end now.',
    enableConfirm: 'Enable user "{name}"?',
    resetConfirm: 'Reset the password of "{name}"? They must change it at next sign-in.',
    unlockConfirm: 'Unlock user "{name}"?',
    initialPassword: 'Initial password',
    initialPasswordHint: 'Give this password to the user; it is shown only once and must be changed at first sign-in.',
    created: 'User created', active: 'Active', disabled: 'Disabled', locked: 'Locked',
    businessRoles: 'Business roles', adminRoles: 'Admin roles (separated: pick one)',
    adminExclusive: 'System, security and audit admin are separate: an account holds at most one of them and no business role.',
    roleRequired: 'Pick a role', regionRequired: 'Pick a region', mobileInvalid: 'Invalid mobile number',
    usernameHint: 'lower-case letters, digits, _ . -, 3-32',
  },
  role: {
    name: 'Key', label: 'Role', admin: 'Admin role', permissions: 'Permissions', business: 'Business role',
    adminNote: 'System, security and audit admins are separate roles held by different people.',
  },
  policy: {
    minLength: 'Minimum length', classes: 'Character classes',
    classesHint: 'How many of upper case, lower case, digits and symbols a password needs',
    maxAge: 'Maximum age (days)', maxAgeHint: '0: never expires; an expired password must be changed at sign-in',
    history: 'Not equal to the last N passwords', historyHint: '0: not checked',
  },
  profile: { title: 'Profile', security: 'Security' },
}

export default en
