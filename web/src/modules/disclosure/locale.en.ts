// English messages of the disclosure module (the same keys as the Chinese ones).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  disclosure: {
    menu: 'Disclosure', detail: 'Publication', add: 'New draft', kind: 'Kind', source: 'Source', county: 'County', title: 'Title',
    status: 'Status', version: 'Version', createdBy: 'Drafted by', submittedBy: 'Submitted by', publishedBy: 'Published by', publishedAt: 'Published at',
    withdrawnAt: 'Withdrawn at', hash: 'Content hash (SHA-256)', asOf: 'Figures as of', view: 'View', publicPage: 'Public page',
    statuses: { draft: 'Draft', submitted: 'Awaiting publication', published: 'Published', superseded: 'Superseded', withdrawn: 'Withdrawn' },
    kindRequired: 'Choose a kind', sourceRequired: 'Choose what to publish', noSources: 'Nothing to publish yet',
    draftHint: 'The draft takes its figures from the modules now and freezes them; someone else with the approve permission publishes it.',
    drafted: 'Draft made', submit: 'Submit', submitted: 'Submitted; awaiting publication by someone else', publish: 'Publish', published: 'Published',
    publishAsk: 'Once published anyone can read it without signing in, and it never changes. Publish?', own: 'You drafted or submitted this: someone else must publish it',
    withdraw: 'Withdraw', withdrawn: 'Withdrawn', withdrawReason: 'Reason', reasonRequired: 'Enter the reason',
    withdrawHint: 'The public page then shows a notice (date and reason) instead of the content.',
    discard: 'Discard', discarded: 'Discarded', discardHint: 'A discarded draft was never public and never will be; make a new draft to publish.',
    preview: 'Preview', versions: 'Versions', already: 'This had been done before', empty: 'No content',
  },
}

export default en
