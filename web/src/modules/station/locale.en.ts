// English messages of the station module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  stations: {
    menu: 'Service stations', detail: 'Station',
    files: { title: 'Storefront photos and agreement', photos: 'Storefront photos', outside: 'Storefront (outside)', inside: 'Inside', agreement: 'Operator agreement' },
    name: 'Name', level: 'Level', region: 'Region', status: 'Status', since: 'Since',
    levels: { town: 'Town service station', village: 'Village service point' },
    statuses: { planned: 'Planned', building: 'Building', operating: 'Operating', suspended: 'Suspended', exited: 'Exited' },
    service: 'Service', facility: 'Facility', carriers: 'Carriers', searchPlaceholder: 'Name or address',
    address: 'Address', coordinates: 'Coordinates (WGS-84)', manager: 'Manager', mobile: 'Manager mobile', operator: 'Operator account',
    agreement: 'Agreement no.', buildKind: 'Construction', buildKinds: { new: 'New', upgraded: 'Upgraded' },
    builtOn: 'Built on', onlineOn: 'Online since', view: 'Details',
    history: 'Status history', from: 'From', to: 'To', date: 'Date', reason: 'Reason', document: 'Decision document',
    recordedBy: 'Recorded by', changeStatus: 'Change status', noHistory: 'No records', statusChanged: 'Status changed',
    reasonRequired: 'Enter the reason', documentRequired: 'Enter the decision document number', dateRequired: 'Pick the date',
    reportMenu: 'Service records', importRecords: 'Import monthly records', importEvents: 'Import single services', records: 'Service records',
    chart: { uplink: 'Uplink sales (yuan)', services: 'Services', none: 'No service records in the last 12 months' },
    map: {
      title: 'Station map', lng: 'Longitude', lat: 'Latitude', list: 'List', open: 'Map',
      count: '{shown} stations on the map ({total} in all)', unplaced: ', {n} without coordinates', capped: ', the first {n} only',
    },
    report: {
      title: 'Monthly service records', noStation: 'No station to report for', month: 'Month', count: 'Count', amount: 'Amount',
      reason: 'Reason for the correction', reasonHint: 'When changing a reported figure (optional)', saved: '{n} item(s) saved', nothing: 'Nothing changed',
      readonly: 'You can only read this station\'s records', generated: 'generated demo data',
      bad: { quantity: 'A whole number ≥ 0', amount: 'Yuan with at most two decimals' },
    },
    events: {
      title: 'Single services', hint: 'Items recorded one by one: their month figure is the sum of the single services.', date: 'Date', item: 'Service',
      products: 'Products (separated by 、, optional)', households: 'ID numbers of the poor households served (optional)', note: 'Note (optional)',
      add: 'Record', added: 'Recorded: {item} this month {n}, {total} yuan', void: 'Void', voidReason: 'Why is it voided?',
      none: 'No single services this month', sum: 'sum of singles',
      bad: { item: 'Choose a service', quantity: 'A whole number ≥ 0', amount: 'Yuan with at most two decimals', happened_on: 'Choose a date' },
    },
    final: 'An exited station cannot change status; its records are kept',
    assess: {
      title: 'Assessments', new: 'Assess', none: 'No assessments', period: 'Period', template: 'Template', total: 'Total',
      result: 'Result', passed: 'Passed', failed: 'Failed', followup: 'Follow-up', on: 'Assessed on', today: 'Today',
      scores: 'Scores', itemHint: 'weight {w}% of {m}', preview: 'Total {total} (pass mark {pass})', comment: 'Comment',
      evidence: 'Evidence', note: 'Note', deadline: 'Deadline', noFollowup: 'None yet',
      rectify: 'Rectify', proposeExit: 'Propose exit', markDone: 'Rectified', confirmExit: 'Confirm exit', withdraw: 'Withdraw',
      saved: 'Assessment saved, total {total}', scoreAll: 'Score every item', noTemplate: 'The county has no assessment template yet',
      modes: { rectification: 'Open a rectification', exit: 'Propose an exit', rectified: 'Rectification done', confirm: 'Confirm the exit (the station exits)' },
      followups: {
        rectification: { open: 'Rectifying', done: 'Rectified' },
        exit: { proposed: 'Exit proposed', confirmed: 'Exit confirmed', withdrawn: 'Exit withdrawn' },
      },
      templates: 'Assessment templates', templatesHint: 'The county sets the items, weights, maxima, pass mark and period; a template in use cannot change: retire it and make a new one.',
      newTemplate: 'New template', templateName: 'Template name', periodKind: 'Period', passMark: 'Pass mark (of 100)',
      items: 'Items', item: 'Item', weight: 'Weight (%)', max: 'Maximum', addItem: 'Add item', weightSum: 'Weights total {sum}%',
      weightsBad: 'The weights must total 100 (now {sum}); each item needs a name, weight and maximum', retire: 'Retire', retired: 'Retired',
      showRetired: 'Show retired', uses: 'used {n} times', passMarkIs: 'pass mark {n}', ranking: 'Assessment ranking', rank: 'Rank',
      kinds: { year: 'Year', half: 'Half-year', quarter: 'Quarter', month: 'Month' },
    },
  },
}

export default en
