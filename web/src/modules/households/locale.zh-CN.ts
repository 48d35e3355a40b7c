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
    uncovered: '未覆盖的户（请跟进帮扶）', coverageHint: '覆盖率 = 期间内有收购、就业或网店帮扶记录的“愿参与、能参与”贫困户 ÷ “愿参与、能参与”贫困户（培训、产销对接待接入）',
    noEligible: '该区划暂无愿参与、能参与的贫困户',
  },
}

export default zh
