// Chinese messages of the disclosure module (the default locale).
const zh = {
  disclosure: {
    menu: '信息公开', detail: '公开信息', add: '新建草稿', kind: '类别', source: '公开对象', county: '区县', title: '标题',
    status: '状态', version: '版本', createdBy: '编制人', submittedBy: '提交人', publishedBy: '发布人', publishedAt: '发布时间',
    withdrawnAt: '撤回时间', hash: '内容校验码（SHA-256）', asOf: '数据截至', view: '查看', publicPage: '公开页面',
    statuses: { draft: '草稿', submitted: '待发布', published: '已发布', superseded: '已被新版本取代', withdrawn: '已撤回' },
    kindRequired: '请选择类别', sourceRequired: '请选择公开对象', noSources: '暂无可公开的对象',
    draftHint: '草稿生成时即从各业务模块取数并冻结；发布须由另一名有审核权限的人员完成。',
    drafted: '草稿已生成', submit: '提交', submitted: '已提交，等待他人审核发布', publish: '审核发布', published: '已发布',
    publishAsk: '发布后公众无需登录即可查看，内容不再修改。确定发布吗？', own: '这是您编制或提交的公开信息，须由另一人发布',
    withdraw: '撤回', withdrawn: '已撤回', withdrawReason: '撤回原因', reasonRequired: '请填写撤回原因',
    withdrawHint: '撤回后公开页面改为撤回说明（含日期和原因），原内容不再公开。',
    discard: '作废', discarded: '已作废', discardHint: '作废的草稿从未公开，也不会再公开；如需公开请重新编制草稿。',
    preview: '内容预览', versions: '历史版本', already: '该操作此前已完成', empty: '暂无内容',
  },
}

export default zh
