// Chinese messages of the home module, merged into the console's messages by modules/assemble.ts.
// Terms follow /work/shared/GLOSSARY.md. No @ { } | $ in plain text (vue-i18n syntax).
export default {
  home: {
    welcome: '欢迎，{name}',
    scope: '数据范围：{region}',
    roles: '角色',
    lastLogin: '上次登录', firstLogin: '这是您的首次登录',
    childrenChart: '下级区划行政村数量',
    childrenCount: '下级区划数',
    quick: '快捷入口',
    childCount: '下级数量',
    todoTitle: '今日待办',
    todoNone: '暂无待办事项，今天可以按计划推进工作。',
    todoCount: '{n} 项',
    todoOpen: '去处理',
    figuresTitle: '关键指标',
    workErrors: '以下事项暂时无法统计：',
    // the words of each work item by its key (the server sends the same Chinese label)
    items: {
      award: { lists_to_approve: '待审核的奖补清单', drafts: '待提交审核的奖补清单', approvals_waiting: '待审批奖补清单' },
      reporting: { to_confirm: '待确认的指标填报', rejected: '被退回待修改的指标填报' },
      programme: {
        tasks_overdue: '逾期任务', targets_behind: '滞后目标', overdue_to_chase: '逾期任务待督办',
        town_unreported: '本乡镇待填报的任务进展', town_behind: '本乡镇滞后的目标配额',
      },
      station: { records_missing: '上月服务记录未填报的站点' },
      sales: { online_year: '网络销售额（{year}年）' },
      projects: { findings_overdue: '逾期未整改的问题', findings_to_check: '整改待核实的问题', deadlines_overdue: '已逾期的评审验收期限', deadlines_due_soon: '两个工作日内到期的评审验收期限' },
    },
    units: { item: '项', list: '份', wanYuan: '万元', count: '个' },
  },
}
