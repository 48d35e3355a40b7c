// Chinese messages of the designation module (the default locale).
const zh = {
  designations: {
    menu: '示范创建', detail: '示范详情', ranking: '择优评定', quotas: '创建任务进度',
    subject: '创建对象', level: '级别', kind: '类别', year: '年度', region: '所在区划', status: '状态', since: '状态日期',
    levels: { national: '国家级', province: '省级', city: '市级', county: '县（区）级' },
    kinds: { county: '示范县', town: '示范镇', village: '示范村', point: '示范点（服务站点）', enterprise: '示范企业', park: '产业强镇/产业园区' },
    statuses: { candidate: '候选', applied: '已申报', recognised: '已认定', revoked: '已撤销' },
    issuingBody: '认定机关', document: '认定文件文号', note: '备注', recognisedOn: '认定日期', files: '创建成果档案',
    searchPlaceholder: '对象名称、文号或认定机关', view: '详情', add: '登记示范', created: '已登记',
    subjectRegion: '被认定的区划', subjectStation: '服务站点编号', subjectEntity: '经营主体编号',
    initialStatus: '登记状态', statusDate: '状态日期',
    history: '状态变更记录', from: '原状态', to: '新状态', date: '日期', reason: '原因', changeDocument: '文件文号',
    recordedBy: '登记人', changeStatus: '变更状态', noHistory: '暂无记录', statusChanged: '状态已变更',
    reasonRequired: '撤销须填写原因', documentRequired: '认定须填写认定文件文号', dateRequired: '请选择日期',
    regionRequired: '请选择被认定的区划', subjectRequired: '请填写被认定对象的编号', yearRequired: '请填写年度',
    final: '已撤销的示范不能再变更状态，其记录保留',
    upload: '上传档案', uploaded: '档案已上传', noFiles: '暂无档案', size: '大小', uploadedBy: '上传人', download: '下载',
    rankRegion: '评定范围（县区或乡镇）', quota: '择优名额', quotaLine: '择优名额 {quota} 个，建议入选 {n} 个（并列跨名额线的由工作人员决定）', noQuota: '未设择优名额（参数设置：示范村择优名额），只排序不建议', proposal: '择优建议', proposed: '建议入选', rank: '名次', village: '行政村', town: '乡镇', sales: '年网销额（元）',
    held: '已有示范', select: '选为候选', selected: '已选为候选', rankHint: '按所选年度全部网络销售额由高到低排列（002：区级示范村按照网销额择优评定），供工作人员择优选择',
    source: '数据来源', noSales: '无数据',
    programme: '实施方案', target: '目标', goal: '目标数', actual: '已认定', progress: '完成度', due: '期限',
    noProgramme: '暂无实施方案', noTargets: '该方案没有示范创建目标', lineStatus: '进度状态',
    lineStatuses: { done: '已完成', on_track: '正常', behind: '滞后', overdue: '逾期', no_data_source: '暂无数据来源', no_target: '未定数量' },
    whole: '合计',
  },
}

export default zh
