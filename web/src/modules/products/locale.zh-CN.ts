// Chinese messages of the products module (the default locale).
const zh = {
  products: {
    libraryMenu: '特色产品库', queueMenu: '准入审核', certsMenu: '认证证书', batchesMenu: '溯源批次', scansMenu: '扫码统计',
    admission: { draft: '未申请', applied: '待审核', returned: '退回修改', admitted: '已入库', rejected: '不予入库', suspended: '暂停', removed: '已移出' },
    search: '名称或GTIN', category: '品类', admissionState: '准入状态', certified: '有效认证', add: '登记产品', edit: '修改产品', name: '产品', producer: '生产经营主体',
    origin: '产地', grade: '等级', gradeScale: '分等分级标准', detail: '详情', gtinHint: '8、12、13或14位，可不填', specs: '规格', packaging: '包装标准', originCode: '产地区划代码', originHint: '默认为主体所在地',
    saved: '产品已保存', reason: '请填写原因', reasonNeeded: '原因不能为空', moved: '状态已改为：{state}',
    certs: '认证证书', noCerts: '暂无认证证书', certStatus: { valid: '有效', expired: '已过期', not_yet_valid: '未生效' }, checklist: '准入审核项', suggested: '记录显示已满足', history: '准入记录',
    certRegister: '证书登记', certKind: '认证类别', certState: '状态', addCert: '登记证书', certNumber: '证书编号', holder: '持证对象', issuer: '发证机构', validFrom: '有效期起', validTo: '有效期至',
    expiring: '到期提醒', expiringHint: '60 天内到期的有效证书，请提醒持证主体及时换证', noneExpiring: '60 天内没有到期的证书', daysLeft: '剩余天数', holderProduct: '产品', holderProducer: '生产经营主体', productId: '产品编号', certSaved: '证书已登记',
    lot: '批号', addBatch: '登记批次', quantity: '数量', uom: '单位', producedOn: '生产日期', events: '事件数', lotHint: '字母、数字或 . _ -，至多20位',
    units: { KGM: '千克', GRM: '克', TNE: '吨', LTR: '升', H87: '件', XBX: '箱' },
    chainOk: '溯源链校验通过（{n} 条记录）', baseHint: '本县尚未设置溯源码域名（参数设置），二维码使用当前控制台的网址', scans30: '近 30 天扫码 {n} 次', labelCount: '标签张数', serialFrom: '起始序列号（选填，每件一码）', printLabels: '打印标签',
    timeline: '溯源事件', declared: '已声明有误', correct: '更正', correctWhy: '请说明更正原因（原记录保留并标为有误）', corrected: '已更正',
    capture: '登记溯源事件', step: '环节', eventTime: '发生时间', harvestStart: '采收开始', harvestEnd: '采收结束', testReport: '检测报告编号', result: '检测结果', pass: '合格', fail: '不合格', note: '说明', record: '登记',
    batchSaved: '批次已登记', eventSaved: '事件已登记', from: '开始日期', to: '结束日期', scans: '扫码次数', lastScan: '最近扫码',
    public: {
      title: '溯源查询', kicker: '农产品溯源信息', noCode: '请扫描包装上的溯源二维码', notFound: '未查到该溯源码，请核对包装上的二维码',
      tooMany: '查询过于频繁，请稍后再试', mismatch: '二维码中的商品编码或批号与该溯源记录不一致，请谨慎购买',
      chainOk: '溯源记录完整，未被改动', chainBad: '溯源记录校验未通过，可能已被改动',
      producer: '生产经营者', origin: '产地', grade: '等级', gradeScale: '分等分级标准', specs: '规格', brand: '品牌', countyCode: '县内编码', lot: '批号', serial: '单品序列号', producedOn: '生产日期', listing: '入库状态',
      certs: '有效认证', noCerts: '暂无有效认证', validTo: '有效期至 {date}',
      timeline: '溯源记录', noEvents: '暂无溯源记录', shown: '已显示 {n} 条，共 {total} 条', more: '查看更多', corrected: '已更正', quantity: '数量 {q} {uom}', report: '检测报告 {no}',
      result: { pass: '检测合格', fail: '检测不合格' },
      dates: { harvestStartDate: '采收开始', harvestEndDate: '采收结束', productionDate: '生产日期', bestBeforeDate: '保质期至' },
      foot: '溯源信息由生产经营者登记，县电子商务公共服务中心提供查询',
    },
  },
}
export default zh
