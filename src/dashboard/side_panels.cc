#include "dashboard/side_panels.h"

#include <algorithm>

#include "core/date.h"
#include "programme/evaluate.h"
#include "programme/store.h"

namespace ruralec::dashboard {
namespace {

void Add(FundCategory& to, const funds::CategoryFigures& c) {
  to.planned += c.planned.value;
  to.committed += c.approved.value;
  to.advanced += c.advanced.value;
  to.paid += c.paid.value;
}

void AddFund(FundPanel& p, const funds::FundView& v) {
  ++p.funds;
  for (const auto& c : v.figures.categories) {
    auto it = std::find_if(p.categories.begin(), p.categories.end(),
                           [&](const FundCategory& x) { return x.code == c.code; });
    if (it == p.categories.end()) {
      p.categories.push_back({c.code, c.name});
      it = p.categories.end() - 1;
    }
    Add(*it, c);
  }
  Add(p.total, v.figures.total);
}

void Tally(ProgrammeSummary& s, programme::TargetStatus st) {
  using programme::TargetStatus;
  ++s.targets;
  if (st == TargetStatus::kDone) ++s.done;
  if (st == TargetStatus::kOnTrack) ++s.on_track;
  if (st == TargetStatus::kBehind || st == TargetStatus::kOverdue) ++s.behind;
  if (st == TargetStatus::kNoDataSource) ++s.no_data;
}

std::string TargetText(const programme::Programme& p, const std::string& id) {
  for (const auto& t : p.targets)
    if (t.id == id) return t.text;
  return id;
}

void Summarize(ProgrammePanel& panel, const programme::Evaluated& ev) {
  ProgrammeSummary s{ev.stored.id, ev.programme->name, ev.stored.region_code};
  for (const auto& t : ev.progress.targets) {
    Tally(s, t.region.status);
    const auto st = t.region.status;
    if (st != programme::TargetStatus::kBehind && st != programme::TargetStatus::kOverdue) continue;
    if (panel.lagging.size() >= kMaxLagging) continue;
    panel.lagging.push_back({s.id, t.target_id, TargetText(*ev.programme, t.target_id),
                             t.region.region_name, programme::TargetStatusName(st),
                             t.region.percent});
  }
  for (const auto& task : ev.progress.tasks) {
    ++s.tasks;
    if (task.overdue) ++s.tasks_overdue;
  }
  panel.programmes.push_back(std::move(s));
}

}  // namespace

Result<FundPanel> FundsPanel(const Deps& d, const account::Principal& who, const RegionCode& region,
                             int64_t now) {
  FundPanel p;
  p.as_of = now;
  p.total.code = "";
  p.total.name = "合计";
  if (!who.Can("funds:read")) {
    p.reason = "无权查看专项资金（需要“查看专项资金”权限）";
    return p;
  }
  if (region.level() > RegionLevel::kCounty) {
    p.reason = "专项资金按县管理，乡镇、村不单列";
    return p;
  }
  for (int page = 1;; ++page) {
    PageRequest req{page, PageRequest::kMaxPageSize};
    ASSIGN_OR_RETURN(auto funds, funds::ListFunds(d.funds, who, region, req));
    for (const auto& v : funds.items) AddFund(p, v);
    if (funds.items.empty() || req.offset() + req.page_size >= funds.total) break;
  }
  p.ok = p.funds > 0;
  if (!p.ok) p.reason = "辖区内尚未登记专项资金";
  return p;
}

Result<ProgrammePanel> ProgrammesPanel(const Deps& d, storage::Connection& conn,
                                       const account::Principal& who, const RegionCode& region,
                                       int64_t now) {
  ProgrammePanel panel;
  panel.as_of = now;
  if (!who.Can("programme:read")) {
    panel.reason = "无权查看实施方案（需要“查看实施方案与进度”权限）";
    return panel;
  }
  ASSIGN_OR_RETURN(auto rows, programme::ListProgrammes(conn, std::string(region.prefix())));
  panel.programmes_total = static_cast<int64_t>(rows.size());
  const CivilDate today = ShanghaiDate(now);
  const std::string dir = programme::DefaultDivisionDir();
  for (const auto& r : rows) {
    if (panel.programmes.size() >= kMaxProgrammes) break;
    ASSIGN_OR_RETURN(auto ev, programme::EvaluateStored(conn, d.registry, r.id, today, dir));
    Summarize(panel, ev);
  }
  panel.ok = !rows.empty();
  if (!panel.ok) panel.reason = "辖区内尚未载入实施方案";
  return panel;
}

}  // namespace ruralec::dashboard
