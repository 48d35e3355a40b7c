// The logistics information system (src/logistics, issue 22): the network (nodes and lines) and
// the parcels (waybills, a waybill's timeline, the ingest of carriers' scan files with receipts).
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'logistics',
  routes: [
    { path: 'logistics/network', name: 'logistics-network', component: () => import('./NetworkView.vue'), meta: { title: 'logistics.networkMenu', perm: P.networkRead } },
    { path: 'logistics/parcels', name: 'logistics-parcels', component: () => import('./ParcelsView.vue'), meta: { title: 'logistics.parcelsMenu', perm: P.parcelRead } },
  ],
  menu: [
    { route: 'logistics-network', icon: 'Van', order: 37.5 },
    { route: 'logistics-parcels', icon: 'Location', order: 37.6 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
