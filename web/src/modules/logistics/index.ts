// The logistics information system (src/logistics, issue 22): the network (nodes, vehicles, lines,
// cold-chain resources, with their forms, and the network on a map) and
// the parcels (waybills, a waybill's timeline, the ingest of carriers' scan files with receipts),
// coverage by town with the villages not reached, the daily co-delivery plans and the driver's page.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'logistics',
  routes: [
    { path: 'logistics/network', name: 'logistics-network', component: () => import('./NetworkView.vue'), meta: { title: 'logistics.networkMenu', perm: P.networkRead } },
    { path: 'logistics/parcels', name: 'logistics-parcels', component: () => import('./ParcelsView.vue'), meta: { title: 'logistics.parcelsMenu', perm: P.parcelRead } },
    { path: 'logistics/coverage', name: 'logistics-coverage', component: () => import('./CoverageView.vue'), meta: { title: 'logistics.coverageMenu', perm: P.parcelRead } },
    { path: 'logistics/plans', name: 'logistics-plans', component: () => import('./PlansView.vue'), meta: { title: 'logistics.plansMenu', perm: P.planRead } },
    { path: 'logistics/driver', name: 'logistics-driver', component: () => import('./DriverView.vue'), meta: { title: 'logistics.driverMenu', perm: P.planRead } },
  ],
  menu: [
    { route: 'logistics-network', icon: 'Van', order: 37.5 },
    { route: 'logistics-parcels', icon: 'Location', order: 37.6 },
    { route: 'logistics-coverage', icon: 'DataAnalysis', order: 37.7 },
    { route: 'logistics-plans', icon: 'Tickets', order: 37.8 },
    { route: 'logistics-driver', icon: 'Van', order: 37.9 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
