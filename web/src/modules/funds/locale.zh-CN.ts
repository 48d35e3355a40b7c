// Chinese messages of the funds module (the default locale).
const zh = {
  funds: {
    menu: '专项资金', detail: '资金台账',
    name: '资金名称', source: '资金来源', amount: '资金总额（元）', county: '所属县区', document: '下达文件',
    validity: '有效期', validFrom: '开始日期', validTo: '结束日期', advancePct: '验收前预拨比例（%）', closedThrough: '已结账至',
    arrived: '已到位', available: '可用', approved: '已安排', committed: '已安排未拨付', advanced: '已预拨', paid: '已拨付',
    clawback: '应追回', planned: '计划', projects: '项目', view: '台账', add: '登记资金', created: '资金已登记',
    sources: { central: '中央财政', provincial: '省级财政', city: '市级配套', county: '县级配套', other: '其他' },
    categories: '资金计划类别', categoryCode: '类别代码', categoryName: '类别名称', addCategory: '添加类别', remove: '删除',
    figures: '计划与执行', category: '类别', total: '合计', progress: '拨付进度',
    constraints: '约束指标',
    psc: '公共服务中心占比', pscHint: '原则上不超过资金总额的 {limit}（超过须记录理由）',
    uplink: '上行支出占比', uplinkHint: '按每笔安排的上行占比加权，目标不低于 {target}',
    advances: '预拨', advanceHint: '验收前预拨不超过核定补助的 {pct}%', advanceNone: '验收后拨付，不预拨',
    advanceOver: '预拨超比例的项目：{list}', noShare: '尚无安排', met: '达标', notMet: '未达标', over: '超过', within: '未超过',
    ledger: '资金变动', balances: '账户余额', seq: '序号', op: '操作', from: '转出', to: '转入', valueDate: '记账日期',
    purpose: '用途', uplinkPct: '上行占比（%）', reason: '理由', reverses: '冲销记录', reversedBy: '已被冲销',
    account: '账户', balance: '余额（元）', kind: '账户类别', project: '项目编号', projectName: '项目名称',
    status: '验收状态', statusOn: '结论日期', move: '登记资金变动', moved: '资金变动已登记', repeated: '该操作已登记过（重复提交未再记账）',
    reverse: '冲销', reverseTitle: '冲销第 {seq} 笔', addProject: '登记项目', recordAcceptance: '记录验收结论',
    projectSaved: '项目已保存', close: '结账', closeTitle: '结账（此日及以前的资金变动将被拒绝）', through: '结账日期', closed: '已结账',
    verify: '校验台账', verifyOk: '台账校验通过：{n} 笔资金变动', verifyBad: '台账校验发现问题：{v}',
    ops: { arrive: '资金到位', commit: '安排项目资金', decommit: '核减安排', advance: '预拨', pay: '拨付', settle: '预拨转拨付', clawback: '追回预拨', recover: '追回到账', give_back: '交回国库', reverse: '冲销' },
    statuses: { open: '未验收', accepted: '验收通过', failed: '验收不合格' },
    required: '请填写{field}', amountRequired: '请填写金额', noFunds: '暂无专项资金',
    keyHint: '同一表单重复提交不会重复记账', inWan: '{label}（万元）', payAwards: '兑现奖补清单', listId: '奖补清单编号', listRequired: '请填写已审定的奖补清单编号', preview: '查看应付事项', awardsDue: '可支付 {n} 项，合计 {amount} 元', payee: '收款对象', rule: '条款', owed: '应付（元）', state: '状态', willPay: '本次支付', pay: '支付', awardsPaid: '已支付 {n} 项，合计 {amount} 元', totalAmount: '资金总额',
    adjustPlan: '调整', adjustPlanTitle: '调整资金计划：{name}', planNow: '现计划 {planned} 元，已安排 {approved} 元', newPlan: '调整后计划（元）',
    planDocument: '调整依据文件', planChanged: '资金计划已调整', planUnchanged: '计划金额未变化，未作调整', planChanges: '计划调整',
    planBefore: '调整前（元）', planAfter: '调整后（元）', changedAt: '调整时间',
  },
}

export default zh
