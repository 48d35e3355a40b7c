// Rules the station pages mirror from the server (src/station/service.cc): which status changes
// the machine allows, and how dictionary values are shown.
import type { DictValue, StationStatus } from './api'

const NEXT: Record<StationStatus, StationStatus[]> = {
  planned: ['building', 'exited'],
  building: ['operating', 'exited'],
  operating: ['suspended', 'exited'],
  suspended: ['operating', 'exited'],
  exited: [],
}

/** The statuses a station in `from` may change to (planned → building → operating ⇄ suspended → exited). */
export function nextStatuses(from: StationStatus): StationStatus[] {
  return NEXT[from]
}

/** Labels of dictionary values; a value the dictionary lacks shows as itself. */
export function labels(values: readonly string[], dict: readonly DictValue[]): string[] {
  return values.map((v) => dict.find((d) => d.value === v)?.label ?? v)
}

/** Tag colour of a status. */
export function statusType(s: StationStatus): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  return s === 'operating' ? 'success' : s === 'suspended' ? 'warning' : s === 'exited' ? 'danger' : s === 'building' ? 'primary' : 'info'
}
