// Chinese messages of the households module (the default locale).
const zh = {
  households: {
    menu: '贫困户帮扶', register: '贫困户登记簿', purchases: '收购台账', coverage: '帮扶覆盖',
    region: '所在区划', village: '所在村', head: '户主', idNumber: '身份证号', members: '家庭人口', status: '户类型',
    statuses: { registered: '建档立卡贫困户', lifted: '已脱贫', monitored: '监测户' },
    liftedYear: '脱贫年度', willing: '有参与意愿', willingOn: '意愿表示日期', able: '有参与能力', ableOn: '能力认定日期',
    willingAndAble: '愿参与、能参与', products: '生产产品', productsHint: '多个用顿号分隔', helpers: '结对帮扶',
    helperKinds: { unit: '帮扶单位', entity: '经营主体', grower: '大户', capable: '能人' },
    add: '登记贫困户', created: '已登记', import: '导入登记簿', importTitle: '导入贫困户登记簿',
    masked: '乡镇以上只显示脱敏姓名，查看完整信息将记入审计日志', yes: '是', no: '否', all: '全部',
    required: '请填写此项', idInvalid: '身份证号应为18位', villageRequired: '请选择所在行政村',
    entity: '收购主体', seller: '卖方', sellerKinds: { household: '贫困户', village: '贫困村' }, product: '产品',
    quantity: '数量', amount: '金额（元）', date: '收购日期', evidence: '凭证', evidenceKinds: { receipt: '收据', transfer: '转账凭证' },
    importPurchases: '导入收购台账', history: '含更正历史', superseded: '已更正',
    year: '年度', covered: '已帮扶', eligible: '愿参与能参与户数', rate: '覆盖率', town: '乡镇', total: '合计',
    uncovered: '未覆盖的户（请跟进帮扶）', coverageHint: '覆盖率 = 期间内有收购、就业、网店或产销对接帮扶记录的“愿参与、能参与”贫困户 ÷ “愿参与、能参与”贫困户（培训待接入）',
    noEligible: '该区划暂无愿参与、能参与的贫困户',
  },  matching: {
    listings: '供需信息板', demands: '采购需求与匹配', agreements: '合作协议',
    addListing: '发布供应信息', addDemand: '发布采购需求', addAgreement: '登记合作协议',
    station: '经由站点', village: '卖方所在村', seller: '卖方姓名', contact: '联系电话', product: '产品', unit: '单位',
    quantity: '数量', price: '预期单价（元）', priceRange: '收购价格区间（元/单位）', priceMax: '最高价',
    available: '供应期', availableTo: '供应截止', wanted: '需求期', wantedTo: '需求截止', note: '备注', status: '状态',
    region: '采购区域', regionHint: '默认为本主体所在县区', delivery: '收货地点坐标', lat: '纬度', lng: '经度', entity: '经营主体',
    listingStatuses: { open: '在售', matched: '已对接', withdrawn: '已撤回' },
    negotiable: '面议', take: '认领对接', taken: '已认领，可查看卖方联系方式', withdraw: '撤回', noListings: '暂无供应信息',
    browseHint: '认领后可查看卖方姓名和联系电话（记入审计日志）', staffHint: '卖方信息脱敏显示；经营主体认领后方可查看联系方式',
    proposals: '匹配建议', proposalsOf: '{product} 的匹配建议', noProposals: '暂无符合条件的供应信息',
    accept: '确认对接 {quantity} {unit}', accepted: '已确认产销对接',
    required: '请填写此项', saved: '已保存',
    agreementNo: '协议编号', title: '协议名称', model: '合作模式', signedOn: '签订日期', validity: '有效期', validTo: '有效期至',
    models: {
      ecommerce_base_coop_farmer: '电商企业+基地+专业合作社+农户', you_grow_we_sell: '你种我销', you_raise_we_sell: '你养我卖',
      order_farming: '订单农业', commissioned: '委托生产', direct_purchase: '直采', other: '其他',
    },
    parties: '合作方', partyKind: '合作方类型', partyName: '名称', addParty: '添加合作方', householdId: '贫困户编号', entityId: '主体编号',
    partyKinds: { household: '农户', coop: '专业合作社', base: '基地', village: '村集体', entity: '经营主体' },
    products: '合作产品', addProduct: '添加产品', details: '详情', document: '协议文本',
    attributed: '带动网销额', attributedSales: '协议带动的网络销售额', month: '月份', amount: '销售额（元）', evidence: '凭据',
    edit: '修改', editListing: '修改供应信息', editAgreement: '修改合作协议', editReason: '修改原因', history: '修改记录',
    historyOf: '{product} 的修改记录', noEdits: '暂无修改记录', nothingChanged: '没有修改任何内容',
    attributedHint: '按月填报本协议产品的网络销售额及凭据（订单导出、平台结算单），作为合作带动销售奖补的计算基数',
  },

}

export default zh
