// The trace page's helpers: event times as recorded, the Digital Link's key and lot checked
// against the batch, the code from either public path.
import { describe, expect, it } from 'vitest'
import { codeOf, eventTimeText, linkMatches } from './trace'
import { eventTimeOf, ilmdStep, moveKey, needsReason, newEventId } from './logic'

describe('trace helpers', () => {
  it('shows the local time the event was recorded in', () => {
    expect(eventTimeText('2023-11-04T09:00:00+08:00')).toBe('2023-11-04 09:00')
    expect(eventTimeText('2023-08-31T19:30:00.250-04:30')).toBe('2023-08-31 19:30')
    expect(eventTimeText('bad')).toBe('bad')
  })
  it('matches the scanned key and lot with the batch (GTIN-13 or -14 alike)', () => {
    expect(linkMatches('06901234567892', 'L1', '06901234567892', '', 'L1')).toBe(true)
    expect(linkMatches('6901234567892', 'L1', '06901234567892', '', 'L1')).toBe(true)
    expect(linkMatches('00400000000077', 'P1', '', '00400000000077', 'P1')).toBe(true)
    expect(linkMatches('06901234567892', 'L2', '06901234567892', '', 'L1')).toBe(false)
    expect(linkMatches('06901234567908', 'L1', '06901234567892', '', 'L1')).toBe(false)
  })
  it('takes the code from /t/{code} or the t parameter of the Digital Link', () => {
    expect(codeOf({ code: 'Ab3dEf6hIj9kLm2n' }, {})).toBe('Ab3dEf6hIj9kLm2n')
    expect(codeOf({ key: '06901234567892', lot: 'L1' }, { t: 'Ab3dEf6hIj9kLm2n' })).toBe('Ab3dEf6hIj9kLm2n')
    expect(codeOf({}, {})).toBe('')
    // An item's label: /01/{key}/10/{lot}/21/{serial}?t={code}
    expect(codeOf({ key: '06901234567892', lot: 'L1', serial: '17' }, { t: 'Ab3dEf6hIj9kLm2n' })).toBe('Ab3dEf6hIj9kLm2n')
  })
})

describe('console helpers', () => {
  it('asks a reason for every move but applying and admitting from review', () => {
    expect(needsReason('draft', 'applied')).toBe(false)
    expect(needsReason('applied', 'admitted')).toBe(false)
    expect(needsReason('applied', 'returned')).toBe(true)
    expect(needsReason('admitted', 'suspended')).toBe(true)
    expect(needsReason('suspended', 'admitted')).toBe(true)
  })
  it('keys a move by product, history length and target (a double click is one move)', () => {
    expect(moveKey(7, 2, 'admitted')).toBe(moveKey(7, 2, 'admitted'))
    expect(moveKey(7, 3, 'admitted')).not.toBe(moveKey(7, 2, 'admitted'))
  })
  it('sends the picked local time with the China offset', () => {
    expect(eventTimeOf('2023-11-04T09:00')).toBe('2023-11-04T09:00:00+08:00')
    expect(eventTimeOf('')).toBe('')
    expect(ilmdStep('planting') && ilmdStep('processing') && !ilmdStep('shipping')).toBe(true)
  })
  it('makes event ids the server takes (urn:uuid, version 4, lower case)', () => {
    expect(newEventId(new Uint8Array(16).fill(255))).toBe('urn:uuid:ffffffff-ffff-4fff-bfff-ffffffffffff')
    expect(newEventId()).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
