// Test data of the entity module, shared with the modules that require it.
import type { Entity } from './api'

/** An entity in 符离镇 of 埇桥区, with `over` applied. */
export const entity = (over: Partial<Entity> = {}): Entity => ({
  id: 7, uscc: '91341302MA2N0Q3A1X', name: '埇桥区丰收电商有限公司', kind: 'enterprise', kind_label: '企业',
  region_code: '341302100000', region_name: '符离镇', registered_on: '2024-03-01', contact_name: '张三',
  mobile_masked: '138****8000', linkage: { model: true, contract_farming: false, employs_poor: false },
  lat: null, lng: null, shop_count: 0, brand_count: 0, created_at: '', updated_at: '', ...over,
})
