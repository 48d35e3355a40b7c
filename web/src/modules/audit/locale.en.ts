// English messages of the audit module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  menu: { audit: 'Audit log', loginLog: 'Login log' },
  audit: {
    seq: 'Seq', at: 'Time', user: 'User', role: 'Role', ip: 'IP', action: 'Action', objectType: 'Object type',
    objectId: 'Object', outcome: 'Outcome', detail: 'Detail', from: 'From', to: 'To', range: 'Period',
    verify: 'Verify chain', verifyOk: 'Chain intact: {n} entries checked, no tampering found.',
    verifyBad: 'Chain broken at entry {seq} ({reason}); {n} entries checked.', verifyTitle: 'Verification',
    verifyLegacy: '{n} of them were written before the chain was keyed (entry {seq}) and are protected by the keyed entries after them.',
    region: 'Region',
    success: 'Success', failure: 'Failure', denied: 'Denied',
  },
}

export default en
