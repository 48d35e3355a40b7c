// Completion, certificates and the qualifications a subsidy pays (training.h contract).
#include <set>

#include "account/stamp.h"
#include "crypto/person_name.h"
#include "entity/entity.h"
#include "training/service_internal.h"
#include "training/training.h"
#include "training/training_store.h"

namespace ruralec::training {
namespace {

// 12 characters of a 32-symbol alphabet without look-alikes (no 0/O, 1/I): 2^60 codes, so a
// code cannot be guessed from others. Each base64url symbol of a random token (6 random bits)
// gives one symbol (its value mod 32: uniform).
std::string NewCertificateCode() {
  static constexpr std::string_view kBase64Url =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  static constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string random = crypto::RandomToken(9);  // 12 base64url symbols
  std::string out;
  for (char c : random) out += kAlphabet[kBase64Url.find(c) % kAlphabet.size()];
  return out;
}

bool Qualified(const Course& c, const Session& s, size_t attended, std::optional<int> score) {
  int64_t days = s.ends_on.DaysSinceEpoch() - s.starts_on.DaysSinceEpoch() + 1;
  bool present = static_cast<int64_t>(attended) * 10000 >= c.min_attendance_bp * days;
  bool passed = !c.min_score || (score && *score >= *c.min_score);
  return present && passed;
}

Status CheckScores(const std::vector<ScoreInput>& scores, const std::set<int64_t>& enrolled) {
  for (const auto& s : scores) {
    if (!enrolled.count(s.trainee_id))
      return Error::Invalid("scores", "学员 " + std::to_string(s.trainee_id) + " 未报名该班次");
    if (s.score && (*s.score < 0 || *s.score > 100))
      return Error::Invalid("scores", "成绩应在 0 到 100 之间");
  }
  return {};
}

}  // namespace

Result<Assessment> Assess(const Deps& d, const account::Principal& who, int64_t session_id,
                          const std::vector<ScoreInput>& scores) {
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  auto conn = d.db.Acquire();
  return storage::InTransaction<Assessment>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Assessment> {
        ASSIGN_OR_RETURN(internal::SessionAccess a, internal::SessionFor(*conn, who, session_id));
        if (!a.writable) return Error::Forbidden("没有评定该班次学员的权限");
        if (today < a.session.ends_on)
          return Error::Conflict("班次结束（" + a.session.ends_on.ToString() + "）后才能评定",
                                 "session");
        ASSIGN_OR_RETURN(Course course, store::GetCourse(*conn, a.session.course_id));
        ASSIGN_OR_RETURN(std::set<int64_t> enrolled, store::EnrolledIn(*conn, session_id));
        RETURN_IF_ERROR(CheckScores(scores, enrolled));
        for (const auto& s : scores)
          RETURN_IF_ERROR(store::SetScore(*conn, session_id, s.trainee_id, s.score));
        ASSIGN_OR_RETURN(auto states, store::EnrolmentStates(*conn, session_id));
        std::vector<int64_t> ids(enrolled.begin(), enrolled.end());
        ASSIGN_OR_RETURN(auto days, store::DaysOf(*conn, session_id, ids));
        Assessment out;
        for (int64_t id : ids) {
          const store::EnrolmentState& st = states[id];
          bool ok = Qualified(course, a.session, days[id].size(), st.score);
          store::ResultRow r{id, st.score, ok ? "qualified" : "not_qualified", today.ToString(),
                             std::nullopt};
          if (ok)
            r.certificate_code = st.certificate_code ? *st.certificate_code : NewCertificateCode();
          RETURN_IF_ERROR(store::SetResult(*conn, session_id, r, StampOf(who, d.clock.NowMs())));
          ++out.assessed;
          if (ok) ++out.qualified;
        }
        RETURN_IF_ERROR(
            d.audit.Append(*conn, AuditOf(who, "training.assess", "training_session", session_id,
                                          "assessed=" + std::to_string(out.assessed) +
                                              " qualified=" + std::to_string(out.qualified))));
        return out;
      });
}

Result<Certificate> VerifyCertificate(storage::Connection& conn, const std::string& code) {
  auto missing = Error::NotFound("证书编号 " + code + " 不存在");
  if (code.empty() || code.size() > 32) return missing;
  ASSIGN_OR_RETURN(auto row, store::CertificateByCode(conn, code));
  if (!row) return missing;
  Certificate c;
  c.code = row->code;
  c.name_masked = crypto::MaskPersonName(row->name);
  c.course_title = row->course_title;
  c.level = row->level;
  c.session_name = row->session_name;
  c.organiser_name = row->organiser_name;
  c.region = row->course_region;
  c.starts_on = *CivilDate::Parse(row->starts_on);
  c.ends_on = *CivilDate::Parse(row->ends_on);
  c.qualified_on = *CivilDate::Parse(row->result_on);
  ASSIGN_OR_RETURN(auto levels, DictValues(conn, c.region.county(), "training_levels"));
  for (const auto& l : levels)
    if (l.value == c.level) c.level_label = l.label;
  if (row->organiser_entity_id) {
    ASSIGN_OR_RETURN(auto names, entity::NamesByIds(conn, {*row->organiser_entity_id}));
    if (auto it = names.find(*row->organiser_entity_id); it != names.end())
      c.organiser_name = it->second.name;
  }
  return c;
}

Result<std::vector<Qualification>> FirstQualificationsIn(storage::Connection& conn,
                                                         const RegionCode& scope, int year) {
  ASSIGN_OR_RETURN(auto rows, store::QualifiedIn(conn, scope));
  std::set<std::pair<int64_t, std::string>> seen;  // (trainee, level) already qualified before
  std::string y = std::to_string(year);
  std::vector<Qualification> out;
  for (const auto& r : rows) {
    if (!seen.insert({r.trainee_id, r.level}).second) continue;
    if (r.result_on.substr(0, 4) != y) continue;
    auto region = RegionCode::Parse(r.region_code);
    auto on = CivilDate::Parse(r.result_on);
    if (!region.ok() || !on.ok()) continue;
    Qualification q{
        r.enrolment_id, r.trainee_id, r.course_id,    r.session_id,       r.name, *region,
        r.level,        "",           r.course_title, r.certificate_code, *on};
    ASSIGN_OR_RETURN(auto levels, DictValues(conn, region->county(), "training_levels"));
    for (const auto& l : levels)
      if (l.value == q.level) q.level_label = l.label;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace ruralec::training
