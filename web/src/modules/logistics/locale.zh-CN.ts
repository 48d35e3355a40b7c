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
    scanTypes: { accepted: '揽收', dispatched: '发往', arrived: '到达', out_for_delivery: '派送', stored: '入柜/驿站', signed: '签收', problem: '问题件', returned: '退回' },
  },
}
export default zh
