// 系统管理 (src/settings): 字典管理 (every module's dictionaries, counties' own entries) and
// 参数设置 (the county parameters the modules declare); 导入批次 (undo of a wrong import).
import { defineModule } from '../kit'
import { P } from './permissions'
import zh from './locale.zh-CN'
import en from './locale.en'

export default defineModule({
  name: 'settings',
  routes: [
    { path: 'system/dicts', name: 'dicts', component: () => import('./DictsView.vue'), meta: { title: 'menu.dicts', perm: P.settingsRead } },
    { path: 'system/params', name: 'params', component: () => import('./ParamsView.vue'), meta: { title: 'menu.params', perm: P.settingsRead } },
    { path: 'system/imports', name: 'import-batches', component: () => import('./ImportBatchesView.vue'), meta: { title: 'menu.importBatches', perm: [P.entityImport, P.salesImport] } },
  ],
  menu: [
    { route: 'dicts', icon: 'Tickets', order: 54, group: 'menu.system' },
    { route: 'params', icon: 'Setting', order: 55, group: 'menu.system' },
    { route: 'import-batches', icon: 'Tickets', order: 56, group: 'menu.system' },
  ],
  messages: { 'zh-CN': zh, en },
  permissions: P,
})
