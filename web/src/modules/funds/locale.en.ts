// English messages of the funds module.
const en = {
  funds: {
    menu: 'Special funds', detail: 'Fund ledger',
    name: 'Fund', source: 'Source', amount: 'Amount (yuan)', county: 'County', document: 'Allocation document',
    validity: 'Validity', validFrom: 'From', validTo: 'To', advancePct: 'Advance before acceptance (%)', closedThrough: 'Closed through',
    arrived: 'Arrived', available: 'Available', approved: 'Approved', committed: 'Committed, unpaid', advanced: 'Advanced', paid: 'Paid',
    clawback: 'To claw back', planned: 'Planned', projects: 'Projects', view: 'Ledger', add: 'Register fund', created: 'Fund registered',
    sources: { central: 'Central', provincial: 'Provincial', city: 'City matching', county: 'County matching', other: 'Other' },
    categories: 'Plan categories', categoryCode: 'Code', categoryName: 'Name', addCategory: 'Add category', remove: 'Remove',
    figures: 'Plan and execution', category: 'Category', total: 'Total', progress: 'Paid',
    constraints: 'Constraints',
    psc: 'Public service centre share', pscHint: 'At most {limit} of the fund in principle (a reason is recorded above it)',
    uplink: 'Uplink share', uplinkHint: 'Weighted by each commitment’s uplink share; target at least {target}',
    advances: 'Advances', advanceHint: 'Before acceptance at most {pct}% of the approved subsidy', advanceNone: 'Paid only after acceptance',
    advanceOver: 'Projects advanced above the share: {list}', noShare: 'Nothing approved yet', met: 'Met', notMet: 'Not met', over: 'Over', within: 'Within',
    ledger: 'Transfers', balances: 'Balances', seq: 'No.', op: 'Operation', from: 'From', to: 'To', valueDate: 'Value date',
    purpose: 'Purpose', uplinkPct: 'Uplink share (%)', reason: 'Reason', reverses: 'Reverses', reversedBy: 'Reversed',
    account: 'Account', balance: 'Balance (yuan)', kind: 'Account kind', project: 'Project key', projectName: 'Project name',
    status: 'Acceptance', statusOn: 'Date', move: 'Record a transfer', moved: 'Transfer recorded', repeated: 'Already recorded (the repeat moved nothing)',
    reverse: 'Reverse', reverseTitle: 'Reverse transfer {seq}', addProject: 'Add project', recordAcceptance: 'Record acceptance',
    projectSaved: 'Project saved', close: 'Close books', closeTitle: 'Close the books (transfers dated on or before are refused)', through: 'Through', closed: 'Books closed',
    verify: 'Verify ledger', verifyOk: 'Ledger verified: {n} transfers', verifyBad: 'Ledger problem found: {v}',
    ops: { arrive: 'Arrival', commit: 'Commit to project', decommit: 'Reduce commitment', advance: 'Advance', pay: 'Pay', settle: 'Settle advance', clawback: 'Claw back', recover: 'Recovered', give_back: 'Return to treasury', reverse: 'Reversal' },
    statuses: { open: 'Not accepted', accepted: 'Accepted', failed: 'Failed' },
    required: '{field} is required', amountRequired: 'Enter the amount', noFunds: 'No funds',
    keyHint: 'Submitting the same form twice records it once', inWan: '{label} (10k yuan)', payAwards: 'Pay an award list', listId: 'Award list no.', listRequired: 'Enter the number of an approved award list', preview: 'Show payable items', awardsDue: '{n} items payable, {amount} yuan', payee: 'Payee', rule: 'Rule', owed: 'Owed (yuan)', state: 'State', willPay: 'Paid now', pay: 'Pay', awardsPaid: '{n} items paid, {amount} yuan', totalAmount: 'Amount',
    adjustPlan: 'Adjust', adjustPlanTitle: 'Adjust the plan: {name}', planNow: 'Planned {planned}, approved {approved}', newPlan: 'New plan (yuan)',
    planDocument: 'Adjustment document', planChanged: 'Plan adjusted', planUnchanged: 'The plan already has that amount; nothing changed', planChanges: 'Plan changes',
    planBefore: 'Before (yuan)', planAfter: 'After (yuan)', changedAt: 'Changed at',
  },
}

export default en
