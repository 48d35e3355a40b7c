// Chinese messages of the logistics module (the default locale).
const zh = {
  logistics: {
    networkMenu: '物流网络', parcelsMenu: '快递查询',
    nodes: '网点', lines: '线路', level: '网点级别', search: '编码或名称', addNode: '登记网点', nodeSaved: '网点已登记',
    code: '编码', name: '名称', region: '所在区划', regionCode: '区划代码', carriers: '快递公司', hours: '营业时间', station: '服务站点',
    kind: '类型', from: '起点', stops: '停靠网点', daysPerWeek: '每周班次',
    levels: { county_centre: '县级物流配送中心', town_hub: '镇级快递物流中转站', village_point: '村级物流服务点' },
    waybillNo: '运单号', carrier: '快递公司', state: '状态', events: '扫描次数', lastAt: '最近扫描', phone: '收件人手机', timeline: '轨迹',
    stateNow: '当前状态：{state}', ingest: '导入扫描记录',
    receipt: '导入完成：新增 {accepted} 条，重复 {duplicates} 条（已存在，未重复记录），未通过 {rejected} 行',
    coverageMenu: '通达与频次', plansMenu: '共配计划',
    periodFrom: '开始日期', periodTo: '结束日期', query: '查询', month: '月份', monthlyReport: '下载统计月报',
    town: '乡镇', villages: '行政村', reached: '已通达', rate: '通达率', frequency: '投送频次(次/周)', leadMedian: '签收时长中位数(分钟)', leadP90: '签收时长P90(分钟)',
    points: '服务点', compat: '收发兼容度(家/点)', uplink: '上行件数', notReached: '未通达行政村', allReached: '全部通达', total: '合计',
    planDate: '计划日期', makePlan: '生成计划', planMade: '计划已生成', publish: '发布', published: '已发布', draft: '草稿', planPublished: '计划已发布',
    route: '线路', vehicle: '车辆', depot: '出发网点', distance: '里程(公里)', departure: '出发', returnAt: '返回', locked: '锁定',
    stop: '站点', arrival: '预计到达', parcels: '派件', pickups: '揽收', cold: '冷链', unassigned: '未安排', reason: '原因', moveTo: '移到', moved: '已调整',
    planSummary: '{date}：待配送 {parcels} 件，揽收需求 {pickups} 单',
    driverMenu: '司机任务', noRoute: '今天没有已发布的配送线路', confirmStop: '确认到站（送达/揽收）', confirmed: '已确认', queuedShort: '待发送', queued: '已记录，将在联网时发送', pending: '{n} 条待发送',
    progress: '司机已确认 {done}/{total} 站',
    resolve: '围绕锁定线路重新求解', resolved: '已重新求解',
    scanTypes: { accepted: '揽收', dispatched: '发往', arrived: '到达', out_for_delivery: '派送', stored: '入柜/驿站', signed: '签收', problem: '问题件', returned: '退回' },
  },
}
export default zh
