// The specialty product library and traceability (src/products, issue 23): the library with its
// filters, the admission queue, the certificate register with the expiry list, the trace batches
// (timeline, event capture, corrections, Digital Link, QR code and label printing), the scan
// statistics, and the public trace page a package's QR code opens (no login, phone first):
// /t/{code} and the GS1 Digital Link path /01/{gtin}/10/{lot}[/21/{serial}]?t={code} on the county's domain.
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'products',
  requires: ['sales'],
  routes: [
    { path: 'products', name: 'products', component: () => import('./ProductsView.vue'), meta: { title: 'products.libraryMenu', perm: P.read } },
    { path: 'products/admission', name: 'products-admission', component: () => import('./ProductsView.vue'), props: { queue: true }, meta: { title: 'products.queueMenu', perm: P.review } },
    { path: 'products/certificates', name: 'products-certificates', component: () => import('./CertificatesView.vue'), meta: { title: 'products.certsMenu', perm: P.read } },
    { path: 'products/batches', name: 'products-batches', component: () => import('./BatchesView.vue'), meta: { title: 'products.batchesMenu', perm: P.read } },
    { path: 'products/scans', name: 'products-scans', component: () => import('./ScansView.vue'), meta: { title: 'products.scansMenu', perm: P.read } },
  ],
  bareRoutes: [
    { path: '/t/:code', name: 'trace-public', component: () => import('./TraceView.vue'), meta: { public: true, title: 'products.public.title', bare: true } },
    { path: '/01/:key/10/:lot', name: 'trace-digital-link', component: () => import('./TraceView.vue'), meta: { public: true, title: 'products.public.title', bare: true } },
    { path: '/01/:key/10/:lot/21/:serial', name: 'trace-digital-link-item', component: () => import('./TraceView.vue'), meta: { public: true, title: 'products.public.title', bare: true } },
  ],
  menu: [
    { route: 'products', icon: 'Goods', order: 37.95 },
    { route: 'products-admission', icon: 'Stamp', order: 37.96 },
    { route: 'products-certificates', icon: 'Medal', order: 37.97 },
    { route: 'products-batches', icon: 'Box', order: 37.98 },
    { route: 'products-scans', icon: 'DataLine', order: 37.99 },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
