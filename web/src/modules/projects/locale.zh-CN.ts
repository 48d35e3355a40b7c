// Chinese messages of the projects module (the default locale).
const zh = {
  projects: {
    menu: '项目申报', inbox: '评审待办', detail: '项目详情', required: '请填写此项',
    materialSets: {
      title: '申报材料清单', programme: '适用方案', countyWide: '本县（未指定方案）', materials: '所需材料', reason: '调整原因',
      add: '增加材料', remove: '删除', saved: '材料清单已更新', history: '此前 {n} 个版本',
      sources: { builtin: '现行：004 附件2 默认清单', county: '现行：本县设置', programme: '现行：该方案设置' },
    },
    name: '项目名称', applicant: '申报单位', type: '项目类型', region: '所在区划', status: '状态', statusOn: '状态日期',
    phase: '申报阶段', phaseN: '第 {n} 阶段', subsidy: '拟补贴金额（元）', note: '备注', grade: '评估结论', reviewer: '评审负责人',
    fundKey: '资金项目编号', searchPlaceholder: '项目名称或申报单位', view: '详情', add: '新建申报', created: '已登记，请上传申报材料',
    statuses: {
      draft: '草稿', submitted: '已申报', pre_review: '初审', correction: '补正', review: '评审', rejected: '评审未通过',
      implementing: '实施中', acceptance_requested: '已申请验收', acceptance: '已验收', evaluation: '已评估',
      rectification: '整改', approval: '审批', failed: '不予补贴', payment: '拨付', archived: '归档',
    },
    grades: { pass: '合格', basic_pass: '基本合格', fail: '不合格' },
    stages: { review: '评审（5个工作日）', acceptance: '验收（5个工作日）', evaluation: '评估（3个工作日）', rectification: '整改期限' },
    materials: '申报材料', materialsHint: '以下材料齐全后才能提交申报（004 附件2）', missing: '缺', present: '已上传 {n} 个',
    evidence: '佐证材料', timeline: '办理过程', noTimeline: '尚未提交', deadlines: '办理期限', noDeadlines: '暂无期限',
    due: '到期日', started: '起算日', closed: '结束日', calendar: '日历版本',
    deadlineStates: { closed: '已结束', overdue: '已逾期', soon: '即将到期', paused: '补正中，暂停计时', provisional: '日历未载入该年度，期限暂定', open: '进行中' },
    move: '办理', moveTitle: '办理：{to}', to: '转为', on: '日期', moveNote: '说明（评审结论、验收意见、补正原因等）',
    rectifyBy: '整改期限', moved: '已办理', repeated: '该操作已办理过，未重复执行',
    noteRequired: '请填写说明', gradeRequired: '请选择评估结论', rectifyRequired: '请选择整改期限',
    nameRequired: '请填写项目名称', applicantRequired: '请填写申报单位', typeRequired: '请选择项目类型', regionRequired: '请选择区划',
    subsidyInvalid: '金额应为元，最多两位小数',
    stage: '阶段', overdueOnly: '只看逾期', dueSoonOnly: '只看即将到期', dueSoonUntil: '即将到期：{date} 前', overdueSummary: '逾期', today: '今天', project: '项目', unassigned: '未分配',
    inboxEmpty: '没有待办期限',
    findings: {
      menu: '问题清单', add: '登记问题', title: '问题概述', detail: '问题描述', requirement: '整改要求', owner: '整改责任单位',
      source: '问题来源', foundOn: '发现日期', dueOn: '整改期限', status: '整改状态', statusOn: '状态日期', region: '所属区划',
      project: '所属项目', programme: '方案整体', overdue: '逾期', overdueOnly: '只看逾期', created: '问题已登记',
      statuses: { open: '待整改', submitted: '整改待核实', closed: '已销号' },
      handle: '办理', moves: '整改过程', noMoves: '尚无办理记录', note: '整改情况 / 核实意见', noteRequired: '请填写整改情况或理由', evidence: '整改佐证材料', extendDueRequired: '请选择延期后的整改期限', newDue: '延期至', extendedTo: '延期至 {due}（原期限 {was}）',
      moved: '已办理', repeated: '该操作已办理过，未重复执行', on: '办理日期', dueRequired: '请选择整改期限',
      titleRequired: '请填写问题概述', ownerRequired: '请填写整改责任单位', sourceRequired: '请选择问题来源', regionRequired: '请选择所属区划',
      searchPlaceholder: '问题概述或责任单位', empty: '没有问题',
    },
  },
}

export default zh
