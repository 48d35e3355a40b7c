// Village service stations (src/station, issue 17): the registry list and a station's detail with
// its status history. Station operators (station:read:own) see the pages for their own station,
// operator companies (station:read:operated) those of their agreements.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'station',
  routes: [
    { path: 'stations', name: 'stations', component: () => import('./StationsView.vue'), meta: { title: 'stations.menu', perm: [P.stationRead, P.stationReadOwn, P.stationReadOperated] } },
    { path: 'stations/map', name: 'station-map', component: () => import('./StationMapView.vue'), meta: { title: 'stations.map.title', perm: [P.stationRead, P.stationReadOwn, P.stationReadOperated], active: '/stations' } },
    { path: 'stations/report', name: 'station-report', component: () => import('./StationReportView.vue'), meta: { title: 'stations.reportMenu', perm: [P.recordEdit, P.stationReadOwn], phone: true } },
    { path: 'stations/assessment-templates', name: 'station-assessment-templates', component: () => import('./AssessmentTemplatesView.vue'), meta: { title: 'stations.assess.templates', perm: [P.assessTemplate, P.assess], active: '/stations' } },
    { path: 'stations/assessments/ranking', name: 'station-assessment-ranking', component: () => import('./AssessmentRankingView.vue'), meta: { title: 'stations.assess.ranking', perm: [P.stationRead], active: '/stations' } },
    { path: 'stations/:id(\\d+)', name: 'station', component: () => import('./StationDetailView.vue'), meta: { title: 'stations.detail', perm: [P.stationRead, P.stationReadOwn, P.stationReadOperated], active: '/stations' } },
  ],
  menu: [
    { route: 'stations', icon: 'Shop', order: 35 },
    { route: 'station-report', icon: 'Tickets', order: 36 },
    { route: 'station-assessment-templates', icon: 'Medal', order: 37 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
