#include "award/service.h"

#include <algorithm>

#include "award/data.h"
#include "programme/evaluate.h"
#include "programme/store.h"

namespace ruralec::award {

Result<int64_t> ResolveProgramme(storage::Connection& conn, const std::string& text) {
  if (!text.empty() && std::all_of(text.begin(), text.end(), ::isdigit)) return std::stoll(text);
  return programme::LatestVersionId(conn, text);
}

Result<RegionCode> EvaluationScope(const std::string& programme_region,
                                   const account::Principal* caller) {
  ASSIGN_OR_RETURN(RegionCode region, RegionCode::Parse(programme_region));
  if (!caller || caller->region.Contains(region)) return region;
  if (region.Contains(caller->region)) return caller->region;
  return Error::Forbidden("方案区域不在您的管辖范围内");
}

namespace {

// The period's year must overlap the programme's period (when the programme states one).
Status InPeriod(const programme::Programme& p, int year, const std::string& period) {
  if ((p.period_start && year < p.period_start->year()) ||
      (p.period_end && year > p.period_end->year()))
    return Error::Invalid("period", "期间 " + period + " 不在方案期限内");
  return {};
}

Result<std::vector<Line>> ApprovedLines(Lists& lists, const std::optional<ListInfo>& approved) {
  std::vector<Line> out;
  if (!approved) return out;
  ASSIGN_OR_RETURN(auto stored, lists.AllLines(approved->id));
  for (auto& s : stored) out.push_back(std::move(s.line));
  return out;
}

}  // namespace

Result<ProgrammeEvaluation> EvaluateProgramme(storage::Database& db, Lists& lists,
                                              int64_t programme_id, const std::string& period,
                                              const account::Principal* caller,
                                              const std::string& division_dir) {
  ASSIGN_OR_RETURN(int year, ParseYear(period));
  ProgrammeEvaluation pe;
  SubjectData data;
  std::vector<PriorAward> prior;
  {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(auto loaded, programme::LoadStored(*conn, programme_id, division_dir));
    pe.stored = loaded.stored;
    pe.programme = *loaded.programme;
    RETURN_IF_ERROR(InPeriod(pe.programme, year, period));
    ASSIGN_OR_RETURN(pe.scope, EvaluationScope(pe.stored.region_code, caller));
    ASSIGN_OR_RETURN(data, LoadSubjects(*conn, pe.scope, year));
    ASSIGN_OR_RETURN(prior, LoadPriorAwards(*conn, pe.stored.key, pe.scope));
  }
  ASSIGN_OR_RETURN(pe.evaluation, Evaluate({&pe.programme, period, &data, std::move(prior)}));
  ASSIGN_OR_RETURN(pe.approved, lists.LastApproved(pe.stored.key, pe.scope, period));
  ASSIGN_OR_RETURN(std::vector<Line> approved, ApprovedLines(lists, pe.approved));
  ASSIGN_OR_RETURN(pe.diff, DiffLines(approved, pe.evaluation.lines));
  return pe;
}

}  // namespace ruralec::award
