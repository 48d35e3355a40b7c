// Chinese messages of the home module, merged into the console's messages by modules/assemble.ts.
// Terms follow /work/shared/GLOSSARY.md. No @ { } | $ in plain text (vue-i18n syntax).
export default {
  home: {
    welcome: '欢迎，{name}',
    scope: '数据范围：{region}',
    roles: '角色',
    lastLogin: '上次登录', firstLogin: '这是您的首次登录',
    childrenChart: '下级区划行政村数量',
    childrenCount: '下级区划数',
    quick: '快捷入口',
    childCount: '下级数量',
  },
}
