// English messages of the region module: the same keys as locale.zh-CN.ts (checked by the type).
import type { Messages } from '../kit'
import type zh from './locale.zh-CN'

const en: Messages<typeof zh> = {
  menu: { regions: 'Regions' },
  region: {
    code: 'Code', name: 'Name', level: 'Level', tags: 'Tags', children: 'Sub-regions',
    childCount: 'Sub-regions', parent: 'Parent', tree: 'Region tree', detail: 'Region',
    editTags: 'Edit tags', tagsSaved: 'Tags saved', addTag: 'New tag', tagName: 'Tag key',
    tagLabel: 'Tag label', tagNameHint: 'lower case, digits, underscores, e.g. ecommerce_town',
    searchPlaceholder: 'Search regions by name', view: 'View', path: 'Location',
    levels: { province: 'Province', city: 'City', county: 'County', town: 'Town', village: 'Village' },
  },
}

export default en
