// Chinese messages of the reporting module (the default locale).
const zh = {
  reports: {
    menu: '指标填报', detail: '填报详情', add: '填报', indicator: '指标', params: '参数', region: '区划', period: '季度',
    value: '数值', unit: '单位', note: '说明', status: '状态', reportedBy: '填报人', reportedAt: '填报时间',
    decidedBy: '确认人', decidedAt: '处理时间', version: '版本', files: '佐证材料', view: '详情',
    statuses: { pending: '待确认', confirmed: '已确认', rejected: '已退回', superseded: '已被新版本取代' },
    indicatorRequired: '请选择指标', paramRequired: '请填写参数', regionRequired: '请选择区划', periodRequired: '请选择季度',
    valueRequired: '请填写数值', valueNumber: '数值应为不小于 0 的数字', valuePrecision: '小数位数过多（{unit} 最多 {n} 位小数）',
    evidence: '佐证材料（pdf、图片、Word/Excel、文本）', evidenceHint: '确认前须至少上传一个佐证材料；文件类型由内容判定',
    computedHint: '该指标已有系统计算来源，计算值优先，填报值仅留作记录',
    replacedHint: '同一指标、区划、季度已有待确认的填报，本次提交将替换其数值',
    submitted: '已提交，等待他人确认', replaced: '已替换待确认的填报', uploaded: '佐证材料已上传', upload: '上传佐证材料', noFiles: '暂无佐证材料',
    confirm: '确认', reject: '退回', confirmed: '已确认', rejected: '已退回', rejectReason: '退回原因', reasonRequired: '请填写退回原因',
    confirmAsk: '确认后该数值计入方案进度和季度报告。确定确认吗？', ownReport: '这是您提交的填报，须由另一人确认',
    needsFile: '尚无佐证材料，不能确认', versions: '历史版本', size: '大小', uploadedBy: '上传人', download: '下载',
    paramNames: { scope: '建设方式（new 新建 / upgraded 改造）', level: '级别', kind: '类别' },
    rule: '只能为区县或乡镇填报；乡镇工作人员只能填报本乡镇。数值按所选季度末的累计数填写。',
  },
}

export default zh
