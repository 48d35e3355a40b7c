// Chinese messages of the audit module, merged into the console's messages by modules/assemble.ts.
// Terms follow /work/shared/GLOSSARY.md. No @ { } | $ in plain text (vue-i18n syntax).
export default {
  menu: { audit: '审计日志', loginLog: '登录日志' },
  audit: {
    seq: '序号',
    at: '时间',
    user: '用户',
    role: '角色',
    ip: 'IP 地址',
    action: '操作',
    objectType: '对象类型',
    objectId: '对象',
    outcome: '结果',
    detail: '详情',
    from: '开始日期',
    to: '结束日期',
    range: '时间范围',
    verify: '校验日志链',
    verifyOk: '日志链完整：已校验 {n} 条记录，未发现篡改。',
    verifyBad: '日志链校验失败：第 {seq} 条记录异常（{reason}），已校验 {n} 条。',
    verifyTitle: '校验结果',
    verifyLegacy: '其中 {n} 条为日志链启用密钥（第 {seq} 条）之前的旧记录，由其后的密钥化记录保护。',
    region: '区域',
    success: '成功',
    failure: '失败',
    denied: '拒绝',
  },
}
