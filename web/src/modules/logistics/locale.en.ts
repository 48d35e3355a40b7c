// English messages of the logistics module (the keys of locale.zh-CN.ts).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  logistics: {
    networkMenu: 'Logistics network', parcelsMenu: 'Parcels',
    nodes: 'Nodes', lines: 'Lines', level: 'Level', search: 'Code or name', addNode: 'Register node', nodeSaved: 'Node registered',
    code: 'Code', name: 'Name', region: 'Region', regionCode: 'Region code', carriers: 'Carriers', hours: 'Opening hours', station: 'Service station',
    kind: 'Kind', from: 'From', stops: 'Stops', daysPerWeek: 'Days a week',
    levels: { county_centre: 'County centre', town_hub: 'Town hub', village_point: 'Village point' },
    waybillNo: 'Waybill', carrier: 'Carrier', state: 'State', events: 'Scans', lastAt: 'Last scan', phone: 'Recipient mobile', timeline: 'Timeline',
    stateNow: 'State: {state}', ingest: 'Import scans',
    receipt: 'Imported: {accepted} new, {duplicates} duplicates (already stored), {rejected} rows rejected',
    coverageMenu: 'Coverage', plansMenu: 'Co-delivery plans',
    periodFrom: 'From', periodTo: 'To', query: 'Query', month: 'Month', monthlyReport: 'Monthly report',
    town: 'Town', villages: 'Villages', reached: 'Reached', rate: 'Coverage', frequency: 'Deliveries/week', leadMedian: 'Lead median (min)', leadP90: 'Lead p90 (min)',
    points: 'Points', compat: 'Carriers/point', uplink: 'Uplink parcels', notReached: 'Villages not reached', allReached: 'All reached', total: 'Total',
    planDate: 'Date', makePlan: 'Make plan', planMade: 'Plan made', publish: 'Publish', published: 'Published', draft: 'Draft', planPublished: 'Plan published',
    route: 'Route', vehicle: 'Vehicle', depot: 'Depot', distance: 'Distance (km)', departure: 'Leaves', returnAt: 'Returns', locked: 'Locked',
    stop: 'Stop', arrival: 'Arrival', parcels: 'Parcels', pickups: 'Pickups', cold: 'Cold', unassigned: 'Unassigned', reason: 'Reason', moveTo: 'Move to', moved: 'Moved',
    planSummary: '{date}: {parcels} parcels waiting, {pickups} pickups',
    driverMenu: 'Driver', noRoute: 'No published route today', confirmStop: 'Confirm stop', confirmed: 'Confirmed', queuedShort: 'Queued', queued: 'Saved; sent when online', pending: '{n} to send',
    progress: 'Drivers confirmed {done} of {total} stops',
    resolve: 'Solve again around locked routes', resolved: 'Solved again',
    scanTypes: { accepted: 'Accepted', dispatched: 'Dispatched', arrived: 'Arrived', out_for_delivery: 'Out for delivery', stored: 'In locker / post', signed: 'Signed', problem: 'Problem', returned: 'Returned' },
  },
}
export default en
