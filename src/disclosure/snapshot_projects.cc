// Snapshots of the project workflow (projects module: List): the schedule and progress of every
// project past its draft, and the review and evaluation conclusions (评审结论向社会公布, 004).
// Applicants are not named here (one may be a natural person); the award 公示 names payees.
#include "disclosure/snapshot_internal.h"
#include "projects/projects.h"

namespace ruralec::disclosure::internal {
namespace {

Result<std::vector<projects::Project>> CountyProjects(const Context& c, bool* cut) {
  projects::Deps pd{c.d.db, c.d.audit, c.d.clock};
  projects::Filter f;
  f.region = c.county;
  return AllPages<projects::Project>(
      [&](const PageRequest& p) { return projects::List(pd, c.who, f, p); }, cut);
}

std::string TypeLabel(const std::string& code) {
  const auto* t = projects::FindType(code);
  return t ? t->label : code;
}

std::string Subsidy(const std::optional<int64_t>& fen) { return fen ? Yuan(*fen) : "—"; }

// A conclusion the public may read: an evaluation grade, or a review that refused the project.
std::string ConclusionOf(const projects::Project& p) {
  if (p.grade) return projects::GradeLabel(*p.grade);
  if (p.status == projects::State::kRejected) return "评审未通过";
  return "";
}

Snapshot Head(const Context& c, const std::string& title, const std::string& summary) {
  Snapshot out;
  out.doc.title = c.county_name + title;
  out.doc.as_of = c.today;
  out.doc.summary = summary;
  return out;
}

}  // namespace

Result<Snapshot> Projects(const Context& c) {
  bool cut = false;
  ASSIGN_OR_RETURN(auto all, CountyProjects(c, &cut));
  Section s{"项目进度", {}, Table{}, {}};
  s.table->columns = {"项目名称", "类型", "所在区划", "期次", "当前阶段", "阶段日期", "补助资金"};
  for (const auto& p : all) {
    if (p.status == projects::State::kDraft) continue;  // not yet filed
    s.table->rows.push_back({p.name, TypeLabel(p.type), p.region_name,
                             "第" + std::to_string(p.phase) + "期", projects::StateLabel(p.status),
                             p.status_on.ToString(), Subsidy(p.subsidy_fen)});
  }
  if (cut) s.notes.push_back(CutNote());
  Snapshot out =
      Head(c, "项目建设进度",
           c.county_name + "公开已申报项目的进度，共 " + std::to_string(s.table->rows.size()) +
               " 个项目（截至 " + c.today + "）。");
  out.doc.sections.push_back(std::move(s));
  return out;
}

Result<Snapshot> Conclusions(const Context& c) {
  bool cut = false;
  ASSIGN_OR_RETURN(auto all, CountyProjects(c, &cut));
  Section s{"评审与绩效评价结论", {}, Table{}, {}};
  s.table->columns = {"项目名称", "类型", "所在区划", "结论", "当前阶段", "日期"};
  for (const auto& p : all) {
    std::string conclusion = ConclusionOf(p);
    if (conclusion.empty()) continue;
    s.table->rows.push_back({p.name, TypeLabel(p.type), p.region_name, conclusion,
                             projects::StateLabel(p.status), p.status_on.ToString()});
  }
  if (cut) s.notes.push_back(CutNote());
  s.notes.push_back("评价结论分为合格、基本合格、不合格；不合格项目须限期整改。");
  Snapshot out = Head(c, "项目评审与绩效评价结论",
                      c.county_name + "公开项目评审与绩效评价结论，共 " +
                          std::to_string(s.table->rows.size()) + " 项（截至 " + c.today + "）。");
  out.doc.sections.push_back(std::move(s));
  return out;
}

}  // namespace ruralec::disclosure::internal
