// English messages of the console's shell: the same keys as zh-CN.ts (checked by the type).
import type { Messages } from '@/modules/kit'
import type zh from './zh-CN'

const en: Messages<typeof zh> = {
  app: { title: 'Rural E-commerce Console', short: 'Rural EC' },
  common: {
    search: 'Search', filter: 'Filter', reset: 'Reset', refresh: 'Refresh', add: 'Add', edit: 'Edit', save: 'Save',
    cancel: 'Cancel', confirm: 'OK', close: 'Close', delete: 'Delete', actions: 'Actions', yes: 'Yes',
    no: 'No', all: 'All', loading: 'Loading…', empty: 'No data', error: 'Failed to load', retry: 'Retry',
    success: 'Done', saved: 'Saved', back: 'Back', home: 'Back to home', total: '{n} in total',
    copy: 'Copy', copied: 'Copied', required: '{name} is required', pleaseSelect: 'Select',
    keyword: 'Keyword', noPermission: 'No permission',
    statusHistory: {
      title: 'Status history', from: 'From', to: 'To', date: 'Date', reason: 'Reason', document: 'Document No.',
      recordedBy: 'Recorded by', empty: 'No changes yet',
    },
  },
  demo: {
    banner: 'Demo database (generated on {date}): the businesses, sales ledger, stations and designations are generated demo data, their names marked 演示 (demo); none of it is a real record.',
  },
  menu: { home: 'Home', system: 'System', business: 'Businesses & sales', forbidden: 'Forbidden', notFound: 'Not found' },
  region: { picker: 'Pick a region' },
  layout: {
    toggleMenu: 'Toggle menu', skip: 'Skip to content', region: 'Region', pickRegion: 'Switch region', language: 'Language',
    profile: 'My profile', logout: 'Sign out', logoutConfirm: 'Sign out now?', breadcrumb: 'Breadcrumb',
    tabs: {
      bar: 'Open pages',
      menu: 'Tab actions',
      refresh: 'Refresh this page',
      close: 'Close this tab',
      closeOne: 'Close “{name}”',
      closeOthers: 'Close other tabs',
      closeAll: 'Close all tabs',
    },
  },
  error: {
    forbidden: 'You may not open this page',
    forbiddenHint: 'The data is outside your scope or your account lacks the permission. Ask the system admin.',
    notFound: 'Page not found', notFoundHint: 'Check the address or use the menu.',
    network: 'Network error, please retry',
  },
  comp: {
    import: 'Import', importTitle: 'Import data', downloadTemplate: 'Download template',
    dropHere: 'Drop an xlsx file here or', clickToChoose: 'choose one', onlyXlsx: '.xlsx only, up to {mb} MB',
    upload: 'Import', uploading: 'Uploading…', importDone: 'Import finished',
    importResult: '{ok} rows imported, {bad} rejected', downloadErrors: 'Download error report',
    attachments: { upload: 'Upload', uploaded: 'Uploaded', none: 'No files yet', failed: 'The file list could not be loaded' },
    wrongType: 'Choose an .xlsx file', tooLarge: 'The file exceeds {mb} MB', chooseFile: 'Choose a file first',
    export: 'Export', exporting: 'Exporting…', exported: 'Saved {name}', show: 'Show', hide: 'Hide',
    showAudited: 'Viewing the full value is written to the audit log',
    moneyInvalid: 'Enter an amount with at most two decimals', moneyMin: 'At least {min} yuan',
    moneyMax: 'At most {max} yuan', yuan: 'yuan', confirmTitle: 'Please confirm',
    typeToConfirm: 'Type "{text}" to confirm', dangerous: 'This cannot be undone',
    onlyTypes: '{text} files up to {mb} MB', dropHereAny: 'Drop the file here, or', notImported: 'Not imported',
    countsUpdated: ' ({n} of them updated registered records)',
    updateExisting: 'Update existing records',
    updateExistingHint: 'Rows already registered (by credit code) are updated from the file instead of being rejected as duplicates; the region cannot be changed this way',
    fixRejected: 'The error report holds the rows not imported, each with its reason: fix them there and import the report itself',
    countsRolledBack: '{total} rows read: {valid} fine, {bad} with errors',
    countsPartly: '{total} rows read: {ok} imported, {bad} with errors not imported',
    countsAll: '{total} rows read, {ok} imported',
    countsAlready: ' ({n} more rows were imported before)',
    readAsGbk: 'The file is GBK-encoded (Excel\'s default CSV) and was converted',
    refused: 'File not imported: {reason}', wrongTypes: 'Choose a {text} file', mode: 'Mode',
    modeAll: 'All or nothing (default)', modeValid: 'Valid rows only',
    alreadyImported: 'This file was imported before; nothing was added',
    rolledBack: 'All-or-nothing: no row was written. The error report holds every row of the file with the reasons: fix them there and import the report itself',
    errRow: 'Row', errColumn: 'Column', errReason: 'Reason',
    exportSelected: 'Export selected ({n})',
    exportSelectedHint: 'Tick the rows to export in the table first',
    table: {
      columns: 'Show/hide columns',
      resetColumns: 'Default columns',
      density: 'Row density',
      densities: { large: 'Roomy', default: 'Default', small: 'Compact' },
    },
  },
}

export default en
