// Chinese messages of the training module (the default locale).
const zh = {
  training: {
    courses: '培训课程', sessions: '培训班次', trainees: '学员档案', attendance: '培训签到', verify: '证书查验',
    title: '课程名称', level: '培训层次', tags: '培训内容', organiser: '组织单位', funding: '资金来源', audiences: '培训对象',
    rule: '合格条件', ruleText: '出勤≥{p}%', ruleScore: '，成绩≥{s}分', sessionCount: '班次数',
    newCourse: '登记课程', newSession: '登记班次', region: '组织区划', saved: '已保存',
    course: '课程', sessionName: '班次', dates: '培训日期', place: '培训地点', capacity: '容纳人数', enrolled: '已报名', trainers: '讲师',
    trainerHint: '讲师账号（用户名，逗号分隔）', open: '签到',
    name: '姓名', idNumber: '身份证号', gender: '性别', genders: { m: '男', f: '女' }, birth: '出生日期', mobile: '手机号',
    home: '户籍村', sessionsJoined: '参训班次', searchPlaceholder: '姓名',
    day: '日期', present: '出勤', presentCount: '出勤 {n} / {total} 人', personTimes: '{n} 人次', saveDay: '保存出勤',
    dayHint: '勾选当天到场的学员，保存后以本次勾选为准', daySaved: '已保存：新增 {added}，撤销 {removed}',
    noSession: '您没有可签到的班次', pickSession: '选择班次',
    import: '导入签到表', importTitle: '导入培训签到表',
    assess: '结业评定', assessed: '已评定 {assessed} 人，合格 {qualified} 人', score: '成绩',
    result: '结业', results: { qualified: '合格', not_qualified: '不合格' }, certificate: '证书编号', print: '打印证书',
    verifyTitle: '培训合格证书查验', codeLabel: '证书编号', verifyButton: '查验', notFound: '未找到该证书编号',
    certTitle: '电子商务培训合格证书', certBody: '{name} 参加 {course}（{level}）{start} 至 {end} 培训，经考核合格。',
    certOrganiser: '组织单位', certDate: '合格日期', pdf: '下载PDF证书',
    followUps: '跟踪服务', dueTitle: '待跟踪学员', followUpRule: '转化口径与跟踪提醒', defaults: '默认口径',
    ruleSummary: '计入转化：{kinds}；统计期：培训后 {months} 个月；培训结束 {days} 天后仍无跟踪记录的学员列入待跟踪。',
    countingKinds: '计入转化的结果', windowMonths: '统计期（月）', reminderDays: '提醒天数', reference: '设定依据', saveRule: '保存口径',
    endedOn: '结束日期', daysSince: '已过天数',
    matrix: '人次配额', year: '年度', programme: '对照方案', noProgramme: '不对照方案', total: '合计',
    personTimesTotal: '人次合计', quota: '配额', reached: '完成率',
  },
}
export default zh
