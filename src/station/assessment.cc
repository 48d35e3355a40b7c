// Station assessment rules (assessment.h contract): templates, scoring, follow-ups, ranking.
#include "station/assessment.h"

#include <algorithm>
#include <array>
#include <set>

#include "account/recorders.h"
#include "account/stamp.h"
#include "attachments/attachments.h"
#include "core/validate.h"
#include "crypto/crypto.h"
#include "region/region.h"
#include "station/assessment_store.h"
#include "station/service_internal.h"

namespace ruralec::station {
namespace {

struct Named {
  const char* name;
  const char* label;
};
constexpr std::array<Named, 4> kKinds{
    {{"year", "年度"}, {"half", "半年"}, {"quarter", "季度"}, {"month", "月度"}}};
constexpr size_t kMaxItems = 30, kMaxName = 100, kMaxComment = 1000;

// Templates are the county's: written from the county (or above) only. A town account given a
// role holding the permission is not in scope of its county (security model: writes need scope).
Status NeedTemplateEdit(const account::Principal& who) {
  if (!who.Can("station:assess:template")) return Error::Forbidden("没有维护考核模板的权限");
  if (!who.InScope(who.region.county())) return Error::Forbidden("考核模板由县级维护");
  return {};
}
Status NeedAssess(const account::Principal& who) {
  if (!who.Can("station:assess")) return Error::Forbidden("没有考核服务站点的权限");
  return {};
}

Result<TemplateInput> CleanTemplate(TemplateInput in) {
  ASSIGN_OR_RETURN(in.name, validate::ValidateText(in.name, {"name", "模板名称", kMaxName, false}));
  if (in.pass_mark < 0 || in.pass_mark > 100)
    return Error::Invalid("pass_mark", "合格分应在 0 到 100 之间");
  if (in.items.empty() || in.items.size() > kMaxItems)
    return Error::Invalid("items", "考核项目应为 1 到 30 项");
  int64_t weights = 0;
  std::set<std::string> names;
  for (auto& i : in.items) {
    ASSIGN_OR_RETURN(i.name,
                     validate::ValidateText(i.name, {"items", "考核项目名称", kMaxName, false}));
    if (!names.insert(i.name).second) return Error::Invalid("items", "考核项目重复: " + i.name);
    if (i.weight <= 0 || i.weight > 100)
      return Error::Invalid("items", "“" + i.name + "”的权重应为 1 到 100 的整数（百分比）");
    if (i.max_score <= 0 || i.max_score > 1000)
      return Error::Invalid("items", "“" + i.name + "”的满分应为 1 到 1000 的整数");
    weights += i.weight;
  }
  if (weights != 100)
    return Error::Invalid("items", "各项权重之和应为 100（现为 " + std::to_string(weights) + "）");
  return in;
}

// The template if it is of the caller's county.
Result<AssessmentTemplate> OwnTemplate(storage::Connection& conn, const account::Principal& who,
                                       int64_t id) {
  auto t = store::GetTemplate(conn, id);
  if (!t.ok() || t->county != who.region.county())
    return Error::NotFound("考核模板 " + std::to_string(id) + " 不存在");
  return t;
}

// Every item scored once, within 0 … its maximum; the scores in template order.
Result<std::vector<ItemScore>> CheckScores(const AssessmentTemplate& t,
                                           const std::vector<ItemScore>& scores) {
  std::vector<ItemScore> out;
  for (const auto& item : t.items) {
    auto it = std::find_if(scores.begin(), scores.end(),
                           [&](const ItemScore& s) { return s.item_id == item.id; });
    if (it == scores.end()) return Error::Invalid("scores", "请为“" + item.name + "”打分");
    if (it->score < 0 || it->score > item.max_score)
      return Error::Invalid("scores", "“" + item.name + "”的得分应在 0 到 " +
                                          std::to_string(item.max_score) + " 之间");
    ItemScore s = *it;
    ASSIGN_OR_RETURN(s.note, validate::ValidateText(s.note, {"scores", "评分说明", 200, true}));
    out.push_back(std::move(s));
  }
  if (scores.size() != out.size()) return Error::Invalid("scores", "得分中有不属于该模板的项目");
  return out;
}

// The assessment with names filled, if its station is in the caller's view.
Result<Assessment> Seen(storage::Connection& conn, const account::Principal& who, int64_t id) {
  auto a = store::GetAssessment(conn, id);
  if (!a.ok()) return Error::NotFound("考核记录 " + std::to_string(id) + " 不存在");
  auto s = internal::VisibleStation(conn, who, a->station_id);
  if (!s.ok()) return Error::NotFound("考核记录 " + std::to_string(id) + " 不存在");
  a->region_name = s->region_name;
  std::vector<Assessment> one{*a};
  RETURN_IF_ERROR(account::NameRecorders(
      conn, one, [](const Assessment& x) { return x.assessed_by; },
      [](Assessment& x) -> std::string& { return x.assessed_by_name; }));
  return one[0];
}

// The assessment, writable by the caller (station:assess and its station in scope).
Result<Assessment> Writable(storage::Connection& conn, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(NeedAssess(who));
  ASSIGN_OR_RETURN(Assessment a, Seen(conn, who, id));
  if (!who.InScope(a.region)) return Error::Forbidden("该站点不在您的管辖范围内");
  return a;
}

}  // namespace

const char* PeriodKindName(PeriodKind k) { return kKinds[static_cast<size_t>(k)].name; }
const char* PeriodKindLabel(PeriodKind k) { return kKinds[static_cast<size_t>(k)].label; }
const char* FollowupName(Followup f) {
  switch (f) {
    case Followup::kRectification:
      return "rectification";
    case Followup::kExit:
      return "exit";
    case Followup::kNone:
      break;
  }
  return "none";
}

Result<PeriodKind> ParsePeriodKind(std::string_view text, std::string_view field) {
  for (size_t i = 0; i < kKinds.size(); ++i) {
    if (text == kKinds[i].name || text == kKinds[i].label) return static_cast<PeriodKind>(i);
  }
  return Error::Invalid(std::string(field), "考核周期应为 年度、半年、季度 或 月度");
}

Result<CivilDate> PeriodStart(PeriodKind k, std::string_view p) {
  static const char* kHint[] = {"2025", "2025-H1", "2025-Q3", "2025-06"};
  auto bad = [&] {
    return Error::Invalid("period",
                          std::string("考核期间格式应如 ") + kHint[static_cast<size_t>(k)]);
  };
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (p.size() < 4 || !digits(p.substr(0, 4))) return bad();
  int year = std::stoi(std::string(p.substr(0, 4)));
  if (year < 2000 || year > 2100) return bad();
  std::string_view rest = p.substr(4);
  int month = 1;
  if (k == PeriodKind::kYear) {
    if (!rest.empty()) return bad();
  } else if (k == PeriodKind::kHalf) {
    if (rest != "-H1" && rest != "-H2") return bad();
    month = rest == "-H1" ? 1 : 7;
  } else if (k == PeriodKind::kQuarter) {
    if (rest.size() != 3 || rest.substr(0, 2) != "-Q" || rest[2] < '1' || rest[2] > '4')
      return bad();
    month = (rest[2] - '1') * 3 + 1;
  } else {
    if (rest.size() != 3 || rest[0] != '-' || !digits(rest.substr(1))) return bad();
    month = std::stoi(std::string(rest.substr(1)));
    if (month < 1 || month > 12) return bad();
  }
  return CivilDate{year, month, 1};
}

int64_t TotalCenti(const std::vector<TemplateItem>& items, const std::vector<ItemScore>& scores) {
  int64_t total = 0;
  for (const auto& i : items) {
    auto it = std::find_if(scores.begin(), scores.end(),
                           [&](const ItemScore& s) { return s.item_id == i.id; });
    if (it == scores.end() || i.max_score <= 0) continue;
    // round-half-up of score × weight × 100 ÷ max, in integers
    total += (2 * it->score * i.weight * 100 + i.max_score) / (2 * i.max_score);
  }
  return total;
}

Result<std::vector<AssessmentTemplate>> Templates(const Deps& d, const account::Principal& who,
                                                  bool with_retired) {
  if (auto v = ViewOf(who); !v.ok()) return v.take_error();
  auto conn = d.db.Acquire();
  return store::TemplatesOf(*conn, who.region.county(), with_retired);
}

Result<AssessmentTemplate> GetTemplate(const Deps& d, const account::Principal& who, int64_t id) {
  if (auto v = ViewOf(who); !v.ok()) return v.take_error();
  auto conn = d.db.Acquire();
  return OwnTemplate(*conn, who, id);
}

Result<AssessmentTemplate> CreateTemplate(const Deps& d, const account::Principal& who,
                                          const TemplateInput& input) {
  RETURN_IF_ERROR(NeedTemplateEdit(who));
  ASSIGN_OR_RETURN(TemplateInput in, CleanTemplate(input));
  RegionCode county = who.region.county();
  auto conn = d.db.Acquire();
  return storage::InTransaction<AssessmentTemplate>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<AssessmentTemplate> {
        ASSIGN_OR_RETURN(bool taken, store::TemplateNameTaken(*conn, county, in.name, 0));
        if (taken) return Error::Conflict("已有同名考核模板 " + in.name, "name");
        ASSIGN_OR_RETURN(int64_t id,
                         store::InsertTemplate(*conn, county, in, StampOf(who, d.clock.NowMs())));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "station.assessment.template", "station_assessment_template", id,
                           "create name=" + in.name + " items=" + std::to_string(in.items.size()) +
                               " pass=" + std::to_string(in.pass_mark))));
        return store::GetTemplate(*conn, id);
      });
}

Result<AssessmentTemplate> UpdateTemplate(const Deps& d, const account::Principal& who, int64_t id,
                                          const TemplateInput& input) {
  RETURN_IF_ERROR(NeedTemplateEdit(who));
  ASSIGN_OR_RETURN(TemplateInput in, CleanTemplate(input));
  auto conn = d.db.Acquire();
  return storage::InTransaction<AssessmentTemplate>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<AssessmentTemplate> {
        ASSIGN_OR_RETURN(AssessmentTemplate cur, OwnTemplate(*conn, who, id));
        if (cur.assessments > 0)
          return Error::Conflict("该模板已用于 " + std::to_string(cur.assessments) +
                                     " 次考核，不能修改；请新建模板并停用此模板",
                                 "items");
        ASSIGN_OR_RETURN(bool taken, store::TemplateNameTaken(*conn, cur.county, in.name, id));
        if (taken) return Error::Conflict("已有同名考核模板 " + in.name, "name");
        RETURN_IF_ERROR(store::ReplaceTemplate(*conn, id, in, d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "station.assessment.template", "station_assessment_template", id,
                           "update name=" + in.name + " items=" + std::to_string(in.items.size()) +
                               " pass=" + std::to_string(in.pass_mark))));
        return store::GetTemplate(*conn, id);
      });
}

Result<AssessmentTemplate> RetireTemplate(const Deps& d, const account::Principal& who,
                                          int64_t id) {
  RETURN_IF_ERROR(NeedTemplateEdit(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<AssessmentTemplate>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<AssessmentTemplate> {
        ASSIGN_OR_RETURN(AssessmentTemplate cur, OwnTemplate(*conn, who, id));
        if (cur.retired) return cur;
        RETURN_IF_ERROR(store::RetireTemplate(*conn, id, d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "station.assessment.template", "station_assessment_template", id,
                           "retire name=" + cur.name)));
        return store::GetTemplate(*conn, id);
      });
}

Result<Assessment> Assess(const Deps& d, const account::Principal& who, int64_t station_id,
                          const AssessmentInput& in) {
  RETURN_IF_ERROR(NeedAssess(who));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  CivilDate on = in.assessed_on.value_or(today);
  RETURN_IF_ERROR(validate::PlausibleDate(on, "assessed_on", today));
  ASSIGN_OR_RETURN(std::string comment,
                   validate::ValidateText(in.comment, {"comment", "考核意见", kMaxComment, true}));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Assessment>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Assessment> {
        ASSIGN_OR_RETURN(Station s, internal::VisibleStation(*conn, who, station_id));
        if (!who.InScope(s.region)) return Error::Forbidden("该站点不在您的管辖范围内");
        if (s.status == StationStatus::kExited)
          return Error::Conflict("站点已退出，不能再考核", "station_id");
        auto t = store::GetTemplate(*conn, in.template_id);
        if (!t.ok() || t->county != s.region.county())
          return Error::Invalid("template_id", "考核模板不存在");
        if (t->retired) return Error::Invalid("template_id", "考核模板已停用");
        ASSIGN_OR_RETURN(CivilDate start, PeriodStart(t->period_kind, in.period));
        if (start > today) return Error::Invalid("period", "考核期间尚未开始");
        ASSIGN_OR_RETURN(bool dup, store::AssessmentExists(*conn, s.id, t->id, in.period));
        if (dup) return Error::Conflict("该站点本期已按此模板考核", "period");
        ASSIGN_OR_RETURN(auto scores, CheckScores(*t, in.scores));
        int64_t total = TotalCenti(t->items, scores);
        bool passed = total >= t->pass_mark * 100;
        store::NewAssessment row{&s, &*t, in.period, on, total, passed, comment, scores};
        ASSIGN_OR_RETURN(int64_t id,
                         store::InsertAssessment(*conn, row, StampOf(who, d.clock.NowMs())));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "station.assessment", "station", s.id,
                           "assessment=" + std::to_string(id) + " template=" +
                               std::to_string(t->id) + " period=" + in.period + " total_centi=" +
                               std::to_string(total) + (passed ? " passed" : " failed"))));
        return Seen(*conn, who, id);
      });
}

Result<Assessment> AttachEvidence(const Deps& d, const account::Principal& who, int64_t id,
                                  std::string_view filename, std::string_view bytes) {
  RETURN_IF_ERROR(NeedAssess(who));
  ASSIGN_OR_RETURN(attachments::CheckedFile checked, attachments::CheckAttachment(filename, bytes));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Assessment>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Assessment> {
        ASSIGN_OR_RETURN(Assessment a, Writable(*conn, who, id));
        EvidenceFile f{checked.filename, checked.content_type, crypto::Sha256Hex(bytes),
                       static_cast<int64_t>(bytes.size())};
        RETURN_IF_ERROR(store::SetEvidence(*conn, id, f, std::string(bytes), d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "station.assessment", "station", a.station_id,
                           "assessment=" + std::to_string(id) + " evidence sha256=" + f.sha256)));
        return Seen(*conn, who, id);
      });
}

Result<std::pair<EvidenceFile, std::string>> ReadEvidence(const Deps& d,
                                                          const account::Principal& who,
                                                          int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Assessment a, Seen(*conn, who, id));
  return store::ReadEvidence(*conn, a.id);
}

Result<Assessment> GetAssessment(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  return Seen(*conn, who, id);
}

Result<std::vector<Assessment>> AssessmentsOf(const Deps& d, const account::Principal& who,
                                              int64_t station_id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Station s, internal::VisibleStation(*conn, who, station_id));
  ASSIGN_OR_RETURN(auto out, store::AssessmentsOfStation(*conn, s.id));
  for (auto& a : out) a.region_name = s.region_name;
  RETURN_IF_ERROR(account::NameRecorders(
      *conn, out, [](const Assessment& x) { return x.assessed_by; },
      [](Assessment& x) -> std::string& { return x.assessed_by_name; }));
  return out;
}

Result<Assessment> OpenFollowup(const Deps& d, const account::Principal& who, int64_t id,
                                const FollowupInput& in) {
  ASSIGN_OR_RETURN(std::string note,
                   validate::ValidateText(in.note, {"note", "说明", kMaxComment, true}));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Assessment>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Assessment> {
        ASSIGN_OR_RETURN(Assessment a, Writable(*conn, who, id));
        if (a.passed) return Error::Conflict("考核合格，无需整改或退出", "kind");
        if (a.followup != Followup::kNone) return Error::Conflict("该考核已有后续处理", "kind");
        std::optional<CivilDate> deadline;
        std::string status = "proposed";
        if (in.kind == Followup::kRectification) {
          if (!in.deadline) return Error::Invalid("deadline", "请填写整改期限");
          if (*in.deadline < a.assessed_on)
            return Error::Invalid("deadline", "整改期限不能早于考核日期");
          deadline = in.deadline;
          status = "open";
        } else if (in.kind != Followup::kExit) {
          return Error::Invalid("kind", "后续处理应为 整改(rectification) 或 退出(exit)");
        }
        RETURN_IF_ERROR(
            store::SetFollowup(*conn, id, in.kind, status, deadline, note, d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "station.assessment.followup", "station", a.station_id,
                           "assessment=" + std::to_string(id) + " " + FollowupName(in.kind) + " " +
                               status + (deadline ? " deadline=" + deadline->ToString() : ""))));
        return Seen(*conn, who, id);
      });
}

Result<Assessment> CloseRectification(const Deps& d, const account::Principal& who, int64_t id,
                                      const std::string& note_in) {
  ASSIGN_OR_RETURN(std::string note,
                   validate::ValidateText(note_in, {"note", "整改情况", kMaxComment, false}));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Assessment>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Assessment> {
        ASSIGN_OR_RETURN(Assessment a, Writable(*conn, who, id));
        if (a.followup != Followup::kRectification || a.followup_status != "open")
          return Error::Conflict("该考核没有进行中的整改", "status");
        std::string all = a.followup_note.empty() ? note : a.followup_note + "\n" + note;
        RETURN_IF_ERROR(store::SetFollowup(*conn, id, a.followup, "done", a.followup_deadline, all,
                                           d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "station.assessment.followup", "station", a.station_id,
                           "assessment=" + std::to_string(id) + " rectification done")));
        return Seen(*conn, who, id);
      });
}

Result<Assessment> DecideExit(const Deps& d, const account::Principal& who, int64_t id,
                              bool confirm, const NewStatus& change) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Assessment>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Assessment> {
        ASSIGN_OR_RETURN(Assessment a, Writable(*conn, who, id));
        if (a.followup != Followup::kExit || a.followup_status != "proposed")
          return Error::Conflict("该考核没有待确认的退出建议", "status");
        if (confirm) {
          if (!who.Can("station:edit")) return Error::Forbidden("没有变更服务站点状态的权限");
          NewStatus c = change;
          c.to = StationStatus::kExited;
          if (c.reason.empty()) c.reason = "考核不合格（" + a.period + "）";
          RETURN_IF_ERROR(internal::ChangeStatusIn(*conn, d, who, a.station_id, c));
        }
        std::string status = confirm ? "confirmed" : "withdrawn";
        RETURN_IF_ERROR(store::SetFollowup(*conn, id, a.followup, status, std::nullopt,
                                           a.followup_note, d.clock.NowMs()));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "station.assessment.followup", "station", a.station_id,
                           "assessment=" + std::to_string(id) + " exit " + status)));
        return Seen(*conn, who, id);
      });
}

Result<std::vector<RankedAssessment>> Ranking(const Deps& d, const account::Principal& who,
                                              const RegionCode& region, int64_t template_id,
                                              const std::string& period) {
  ASSIGN_OR_RETURN(View v, ViewOf(who));
  if (v.station || v.company) return Error::Forbidden("没有查看考核排名的权限");
  RegionCode scope = region.empty() ? who.region : region;
  if (!who.InScope(scope)) return Error::Forbidden("区划 " + scope.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(AssessmentTemplate t, OwnTemplate(*conn, who, template_id));
  ASSIGN_OR_RETURN(auto rows, store::RankingRows(*conn, scope, t.id, period));
  std::vector<std::string> codes;
  for (const auto& a : rows) codes.push_back(a.region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(*conn, std::move(codes)));
  for (auto& a : rows)
    if (auto it = names.find(a.region.str()); it != names.end()) a.region_name = it->second;
  std::vector<RankedAssessment> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    int64_t rank = (i > 0 && rows[i].total_centi == rows[i - 1].total_centi)
                       ? out.back().rank
                       : static_cast<int64_t>(i) + 1;
    out.push_back({rank, std::move(rows[i])});
  }
  return out;
}

Result<std::vector<YearAssessment>> AssessmentsInYear(storage::Connection& conn,
                                                      const RegionCode& scope, int year) {
  ASSIGN_OR_RETURN(auto rows, store::AssessmentsOfYear(conn, scope, year));
  std::vector<YearAssessment> out;
  for (const auto& a : rows) {  // newest period first within a station: keep the first
    if (!out.empty() && out.back().station_id == a.station_id) continue;
    out.push_back({a.station_id, a.id, a.total_centi, a.passed, a.period, a.template_name});
  }
  return out;
}

}  // namespace ruralec::station
