// Chinese messages of the station module (the default locale).
const zh = {
  stations: {
    menu: '服务站点', detail: '站点详情',
    name: '站点名称', level: '级别', region: '所在区划', status: '状态', since: '状态日期',
    levels: { town: '镇级综合服务站', village: '村级服务点' },
    statuses: { planned: '规划中', building: '建设中', operating: '运营中', suspended: '暂停运营', exited: '已退出' },
    service: '服务项目', facility: '配套设施', carriers: '快递品牌', searchPlaceholder: '站点名称或地址',
    address: '地址', coordinates: '坐标（WGS-84）', manager: '负责人', mobile: '负责人手机', operator: '运营人员账号',
    agreement: '承办协议编号', buildKind: '建设方式', buildKinds: { new: '新建', upgraded: '改造提升' },
    builtOn: '建设时间', onlineOn: '网上运营时间', view: '详情',
    history: '状态变更记录', from: '原状态', to: '新状态', date: '日期', reason: '原因', document: '决定文件文号',
    recordedBy: '登记人', changeStatus: '变更状态', noHistory: '暂无记录', statusChanged: '状态已变更',
    reasonRequired: '请填写变更原因', documentRequired: '请填写决定文件文号', dateRequired: '请选择日期',
    final: '已退出的站点不能再变更状态，其记录保留',
    reportMenu: '服务记录填报', records: '服务记录',
    chart: { uplink: '上行销售额（元）', services: '服务量', none: '近12个月没有服务记录' },
    map: {
      title: '站点地图', lng: '经度', lat: '纬度', list: '列表', open: '地图',
      count: '地图上 {shown} 个站点（共 {total} 个）', unplaced: '，{n} 个没有坐标', capped: '，只取前 {n} 个',
    },
    report: {
      title: '服务记录填报', noStation: '没有可填报的站点', month: '月份', count: '数量', amount: '金额',
      reason: '更正原因', reasonHint: '修改已报数字时填写（可不填）', saved: '已保存 {n} 项', nothing: '没有修改',
      readonly: '您只能查看该站点的服务记录', generated: '生成的演示数据',
      bad: { quantity: '数量应为非负整数', amount: '金额应为元，最多两位小数' },
    },
  },
}

export default zh
