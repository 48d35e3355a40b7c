// Snapshots about money: a fund's use, plan against actual by category and by project (funds
// module: GetFund, BalancesOf, ProjectsOf), and an approved award list's 公示 table (award
// module: the same masked table as its xlsx 公示 export).
#include <map>

#include "award/lists.h"
#include "award/service.h"
#include "disclosure/snapshot_internal.h"
#include "funds/service.h"

namespace ruralec::disclosure::internal {
namespace {

funds::Deps FundDeps(const Context& c) { return {c.d.db, c.d.audit, c.d.clock, c.d.mac}; }

std::vector<std::string> CategoryRow(const funds::CategoryFigures& f, const std::string& name) {
  return {name,
          Yuan(f.planned.value),
          Yuan(f.approved.value),
          Yuan(f.advanced.value),
          Yuan(f.paid.value),
          Percent(f.paid.value, f.planned.value)};
}

Section ByCategory(const funds::FundView& v) {
  Section s{"按类别：计划与执行", {}, Table{}, {}};
  s.table->columns = {"类别", "计划", "已批准", "已预拨", "已拨付", "拨付进度"};
  for (const auto& c : v.figures.categories) s.table->rows.push_back(CategoryRow(c, c.name));
  s.table->rows.push_back(CategoryRow(v.figures.total, "合计"));
  s.notes.push_back("已批准＝已下达项目的资金（含已预拨、已拨付）；拨付进度＝已拨付÷计划。");
  return s;
}

struct ProjectSums {
  int64_t committed = 0, advanced = 0, paid = 0;
};

Result<Section> ByProject(const Context& c, funds::FundId id) {
  bool cut = false;
  ASSIGN_OR_RETURN(auto balances, AllPages<funds::Balance>(
                                      [&](const PageRequest& p) {
                                        return funds::BalancesOf(FundDeps(c), c.who, id, p);
                                      },
                                      &cut));
  ASSIGN_OR_RETURN(auto projects, AllPages<funds::Project>(
                                      [&](const PageRequest& p) {
                                        return funds::ProjectsOf(FundDeps(c), c.who, id, p);
                                      },
                                      &cut));
  std::map<std::pair<std::string, std::string>, ProjectSums> sums;
  for (const auto& b : balances) {
    if (b.account.project.empty()) continue;
    auto& x = sums[{b.account.category, b.account.project}];
    if (b.account.kind == funds::Kind::kCommitted) x.committed += b.balance.value;
    if (b.account.kind == funds::Kind::kAdvanced) x.advanced += b.balance.value;
    if (b.account.kind == funds::Kind::kPaid) x.paid += b.balance.value;
  }
  std::map<std::string, const funds::Project*> named;
  for (const auto& p : projects) named[p.key] = &p;
  Section s{"按项目：资金下达与拨付", {}, Table{}, {}};
  s.table->columns = {"项目", "类别", "待拨付", "已预拨", "已拨付", "验收状态"};
  for (const auto& [key, x] : sums) {
    auto it = named.find(key.second);
    const funds::Project* p = it == named.end() ? nullptr : it->second;
    s.table->rows.push_back({p ? p->name : key.second, key.first, Yuan(x.committed),
                             Yuan(x.advanced), Yuan(x.paid),
                             p ? funds::ProjectStatusLabel(p->status) : "—"});
  }
  if (cut) s.notes.push_back(CutNote());
  return s;
}

}  // namespace

Result<Snapshot> Funds(const Context& c, int64_t fund_id) {
  funds::FundId id{fund_id};
  auto view = funds::GetFund(FundDeps(c), c.who, id);
  if (!view.ok() && view.error().code == ErrorCode::kNotFound)
    return Error::Invalid("source_id", "专项资金 " + std::to_string(fund_id) + " 不存在");
  if (!view.ok()) return view.error();
  if (view->fund.county_code != c.county.str())
    return Error::Invalid("source_id", "该专项资金不属于 " + c.county_name);
  const funds::Fund& f = view->fund;
  Snapshot out;
  out.subject = "fund:" + std::to_string(fund_id);
  out.doc.title = f.name + "使用情况";
  out.doc.as_of = c.today;
  out.doc.summary = c.county_name + "公开" + f.name + "（" + Yuan(f.amount.value) +
                    "）的资金计划与按类别、按项目的下达和拨付情况（截至 " + c.today + "）。";
  Section head{"资金概况", {}, std::nullopt, {}};
  head.paragraphs = {
      "资金名称：" + f.name, std::string("资金来源：") + funds::SourceLabel(f.source),
      "资金总额：" + Yuan(f.amount.value), "已到位：" + Yuan(view->figures.arrived.value),
      "有效期：" + f.valid_from.ToString() + " 至 " + f.valid_to.ToString()};
  if (!f.document.empty()) head.paragraphs.push_back("依据文件：" + f.document);
  out.doc.sections.push_back(std::move(head));
  out.doc.sections.push_back(ByCategory(*view));
  ASSIGN_OR_RETURN(Section projects, ByProject(c, id));
  out.doc.sections.push_back(std::move(projects));
  return out;
}

Result<Snapshot> Awards(const Context& c, int64_t list_id) {
  if (!c.who.Can("award:read")) return Error::Forbidden("没有查看奖补清单的权限（award:read）");
  award::Lists lists(c.d.db, c.d.audit, c.d.clock);
  auto info = lists.Get(list_id, c.county);
  auto scope = info.ok() ? RegionCode::Parse(info->scope_code) : Result<RegionCode>(info.error());
  if (!scope.ok() || !(scope->Contains(c.county) || c.county.Contains(*scope)))
    return Error::Invalid(
        "source_id", "奖补清单 " + std::to_string(list_id) + " 不存在或不属于 " + c.county_name);
  if (info->status != "approved")
    return Error::Invalid("source_id", "只有审核通过的奖补清单可以公示");
  ASSIGN_OR_RETURN(auto lines, lists.AllLines(list_id, c.county));
  auto conn = c.d.db.Acquire();
  ASSIGN_OR_RETURN(award::PublicTable table, award::PublicTableOf(*conn, *info, lines));
  Snapshot out;
  out.subject = info->programme_key + ":" + info->period;
  out.doc.title = c.county_name + info->period + "年度奖补公示";
  out.doc.as_of = c.today;
  out.doc.summary = c.county_name + "公示" + info->period + "年度奖补名单，共 " +
                    std::to_string(table.rows.size()) + " 项。";
  Section s{"奖补名单", {}, Table{table.columns, table.rows}, table.notes};
  out.doc.sections.push_back(std::move(s));
  return out;
}

}  // namespace ruralec::disclosure::internal
