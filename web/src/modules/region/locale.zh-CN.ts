// Chinese messages of the region module, merged into the console's messages by modules/assemble.ts.
// Terms follow /work/shared/GLOSSARY.md. No @ { } | $ in plain text (vue-i18n syntax).
export default {
  menu: { regions: '行政区划' },
  region: {
    code: '区划代码',
    name: '名称',
    level: '级别',
    tags: '标签',
    children: '下级区划',
    childCount: '下级数量',
    parent: '上级区划',
    tree: '区划树',
    detail: '区划详情',
    editTags: '编辑标签',
    tagsSaved: '标签已保存',
    addTag: '新建标签',
    tagName: '标签标识',
    tagLabel: '标签名称',
    tagNameHint: '小写字母、数字、下划线，如 ecommerce_town',
    searchPlaceholder: '按名称搜索区划',
    view: '查看',
    path: '所在位置',
    levels: {
      province: '省',
      city: '市',
      county: '县(区)',
      town: '乡镇(街道)',
      village: '行政村(社区)',
    },
  },
}
