// Permission strings of 系统管理 (src/settings): reading both pages, changing county parameters.
// Adding to a dictionary needs the owning module's permission, reported per dictionary (can_edit).
export const P = {
  settingsRead: 'settings:read',
  paramsEdit: 'settings:params:edit',
  /** 导入批次: whoever may import a kind that can be undone (entities, sales) */
  entityImport: 'entity:edit',
  salesImport: 'sales:import',
} as const
