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
    vehicles: 'Vehicles', addVehicle: 'Register vehicle', editVehicle: 'Edit vehicle', vehicleSaved: 'Vehicle saved', plate: 'Plate', owner: 'Operator', vehicleRegion: 'Region (empty: your own)',
    capacityParcels: 'Parcels', capacityKg: 'Load (kg)', capacityLitres: 'Volume (l)', shift: 'Shift', homeNode: 'Home node', inUse: 'In use', retired: 'Retired', status: 'Status', yes: 'yes',
    hoursInvalid: 'Time as HH:MM or HH:MM-HH:MM',
    addLine: 'Register line', editLine: 'Edit line', lineSaved: 'Line saved', kinds: { trunk: 'Trunk', branch: 'Branch' }, weekdays: 'Runs on', weekdaysRequired: 'Choose at least one day',
    days: { 1: 'Mo', 2: 'Tu', 3: 'We', 4: 'Th', 5: 'Fr', 6: 'Sa', 7: 'Su' }, up: 'Up', down: 'Down', remove: 'Remove', departureTime: 'Departure',
    coldResources: 'Cold chain', addCold: 'Register cold store', editCold: 'Edit cold store', coldSaved: 'Cold store saved', coldKind: 'Kind', coldSearch: 'Name or operator', operator: 'Operator',
    atNode: 'At node', noNode: 'At no node (give the region)', capacityTonnes: 'Capacity (t)', tempMin: 'Lowest (°C)', tempMax: 'Highest (°C)', tempInvalid: 'Degrees Celsius with at most one decimal, e.g. -18 or 4.5',
    tempRange: 'Temperature', where: 'Where',
    lng: 'Longitude', lat: 'Latitude', map: 'Map', mapEmpty: 'No node has coordinates', mapWithout: '{n} nodes without coordinates are not drawn', mapLinesCut: '{n} lines have nodes without coordinates: only their located part is drawn', mapCapped: 'More than 1,000 nodes or lines: the first 1,000 are drawn',
    planMap: 'Route map', depots: 'Depots', planMapWithout: '{n} stops without coordinates are not drawn',
    scanTypes: { accepted: 'Accepted', dispatched: 'Dispatched', arrived: 'Arrived', out_for_delivery: 'Out for delivery', stored: 'In locker / post', signed: 'Signed', problem: 'Problem', returned: 'Returned' },
  },
}
export default en
