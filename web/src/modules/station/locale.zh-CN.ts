// Chinese messages of the station module (the default locale).
const zh = {
  stations: {
    menu: '服务站点', detail: '站点详情',
    files: { title: '门头照片与承办协议', photos: '门头照片', outside: '门头照片（外景）', inside: '店内照片', agreement: '承办协议' },
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
    reportMenu: '服务记录填报', records: '服务记录', importRecords: '导入月度服务记录', importEvents: '导入单笔服务记录',
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
    events: {
      title: '单笔记录', hint: '逐笔记录的项目，月度合计由单笔记录汇总（不再按月填写）。', date: '日期', item: '服务项目',
      products: '产品（多个用、分隔，可不填）', households: '服务的建档立卡户身份证号（可不填）', note: '备注（可不填）',
      add: '记录一笔', added: '已记录，本月{item}合计 {n} 笔 {total} 元', void: '作废', voidReason: '请填写作废原因',
      none: '本月暂无单笔记录', sum: '单笔汇总',
      bad: { item: '请选择服务项目', quantity: '数量应为非负整数', amount: '金额应为元，最多两位小数', happened_on: '请选择日期' },
    },
    assess: {
      title: '考核记录', new: '考核', none: '暂无考核', period: '考核期间', template: '考核模板', total: '总分',
      result: '结果', passed: '合格', failed: '不合格', followup: '后续处理', on: '考核日期', today: '默认今天',
      scores: '各项得分', itemHint: '权重{w}% 满分{m}', preview: '总分 {total}（合格分 {pass}）', comment: '考核意见',
      evidence: '佐证材料', note: '说明', deadline: '整改期限', noFollowup: '未处理',
      rectify: '整改', proposeExit: '建议退出', markDone: '整改完成', confirmExit: '确认退出', withdraw: '撤回',
      saved: '考核已保存，总分 {total}', scoreAll: '请为每一项打分', noTemplate: '本县还没有考核模板',
      modes: { rectification: '开启整改', exit: '建议退出', rectified: '整改完成', confirm: '确认退出（站点变为已退出）' },
      followups: {
        rectification: { open: '整改中', done: '已整改' },
        exit: { proposed: '建议退出（待确认）', confirmed: '已确认退出', withdrawn: '退出建议已撤回' },
      },
      templates: '考核模板', templatesHint: '考核项目、权重、满分、合格分和考核周期由县里设定；已用于考核的模板不能修改，可停用后新建。',
      newTemplate: '新建模板', templateName: '模板名称', periodKind: '考核周期', passMark: '合格分（百分制）',
      items: '考核项目', item: '项目', weight: '权重（%）', max: '满分', addItem: '添加项目', weightSum: '权重合计 {sum}%',
      weightsBad: '各项权重之和应为 100（现为 {sum}），每项须有名称、权重和满分', retire: '停用', retired: '已停用',
      showRetired: '显示已停用', uses: '已考核 {n} 次', passMarkIs: '合格分 {n}', ranking: '考核排名', rank: '名次',
      kinds: { year: '年度', half: '半年', quarter: '季度', month: '月度' },
    },
  },
}

export default zh
