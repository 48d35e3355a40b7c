#include "station/assessment_store.h"

#include "crypto/crypto.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::station::store {
namespace {

using storage::Null;
using storage::Value;

const storage::Columns kTemplate(
    "t.id, t.county_code, t.name, t.period_kind, t.pass_mark, t.retired, t.created_at, "
    "t.updated_at, (SELECT COUNT(*) FROM station_assessments a WHERE a.template_id = t.id) AS "
    "uses");

const storage::Columns kAssessment(
    "a.id, a.station_id, a.region_code, a.template_id, a.period, a.assessed_on, a.total_centi, "
    "a.passed, a.comment, a.evidence_name, a.evidence_type, a.evidence_size, a.evidence_sha256, "
    "a.followup, a.followup_status, a.followup_deadline, a.followup_note, a.assessed_by, "
    "a.created_at, a.updated_at, s.name AS station_name, t.name AS template_name, "
    "t.pass_mark");
constexpr char kAssessmentFrom[] =
    " FROM station_assessments a JOIN stations s ON s.id = a.station_id "
    "JOIN station_assessment_templates t ON t.id = a.template_id";

std::optional<CivilDate> OptDate(const std::optional<std::string>& t) {
  if (!t || t->empty()) return std::nullopt;
  auto d = CivilDate::Parse(*t);
  return d.ok() ? std::optional<CivilDate>(*d) : std::nullopt;
}

AssessmentTemplate ToTemplate(const storage::Row& row) {
  storage::NamedRow r(row, kTemplate);
  AssessmentTemplate t;
  t.id = r.Int("id");
  t.county = *RegionCode::Parse(r.Text("county_code"));
  t.name = r.Text("name");
  auto kind = ParsePeriodKind(r.Text("period_kind"));
  t.period_kind = kind.ok() ? *kind : PeriodKind::kYear;
  t.pass_mark = r.Int("pass_mark");
  t.retired = r.Bool("retired");
  t.assessments = r.Int("uses");
  t.created_at = r.Int("created_at");
  t.updated_at = r.Int("updated_at");
  return t;
}

Followup FollowupOf(const std::string& s) {
  if (s == "rectification") return Followup::kRectification;
  if (s == "exit") return Followup::kExit;
  return Followup::kNone;
}

Assessment ToAssessment(const storage::Row& row) {
  storage::NamedRow r(row, kAssessment);
  Assessment a;
  a.id = r.Int("id");
  a.station_id = r.Int("station_id");
  a.region = *RegionCode::Parse(r.Text("region_code"));
  a.template_id = r.Int("template_id");
  a.period = r.Text("period");
  a.assessed_on = OptDate(r.OptText("assessed_on")).value_or(CivilDate{});
  a.total_centi = r.Int("total_centi");
  a.passed = r.Bool("passed");
  a.comment = r.Text("comment");
  if (auto name = r.OptText("evidence_name")) {
    a.evidence = EvidenceFile{*name, r.Text("evidence_type"), r.Text("evidence_sha256"),
                              r.Int("evidence_size")};
  }
  a.followup = FollowupOf(r.Text("followup"));
  a.followup_status = r.Text("followup_status");
  a.followup_deadline = OptDate(r.OptText("followup_deadline"));
  a.followup_note = r.Text("followup_note");
  a.assessed_by = r.OptInt("assessed_by");
  a.created_at = r.Int("created_at");
  a.updated_at = r.Int("updated_at");
  a.station_name = r.Text("station_name");
  a.template_name = r.Text("template_name");
  a.pass_mark = r.Int("pass_mark");
  return a;
}

Status Done(Result<int64_t> r) {
  if (!r.ok()) return r.take_error();
  return {};
}

Status InsertItems(storage::Connection& conn, int64_t id, const std::vector<TemplateItem>& items) {
  int64_t pos = 0;
  for (const auto& i : items) {
    RETURN_IF_ERROR(Done(conn.Exec(
        "INSERT INTO station_assessment_items (template_id, position, name, weight, max_score) "
        "VALUES (?, ?, ?, ?, ?)",
        {id, ++pos, i.name, i.weight, i.max_score})));
  }
  return {};
}

Result<std::vector<TemplateItem>> ItemsOf(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, name, weight, max_score FROM "
                                         "station_assessment_items WHERE template_id = ? "
                                         "ORDER BY position",
                                         {id}));
  std::vector<TemplateItem> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Int(3)});
  return out;
}

Result<std::vector<Assessment>> Assessments(storage::Connection& conn, const storage::Where& w,
                                            const std::string& order) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT " + kAssessment.List() + kAssessmentFrom + w.Clause() + order,
                              w.params()));
  std::vector<Assessment> out;
  for (const auto& r : rows) out.push_back(ToAssessment(r));
  return out;
}

}  // namespace

Result<int64_t> InsertTemplate(storage::Connection& conn, const RegionCode& county,
                               const TemplateInput& in, Stamp stamp) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO station_assessment_templates (county_code, name, period_kind, "
                    "pass_mark, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    {county.str(), in.name, std::string(PeriodKindName(in.period_kind)),
                     in.pass_mark, storage::OrNull(stamp.by), stamp.now_ms, stamp.now_ms},
                    "insert template"));
  int64_t id = row.Int(0);
  RETURN_IF_ERROR(InsertItems(conn, id, in.items));
  return id;
}

Status ReplaceTemplate(storage::Connection& conn, int64_t id, const TemplateInput& in,
                       int64_t now_ms) {
  RETURN_IF_ERROR(Done(
      conn.Exec("UPDATE station_assessment_templates SET name = ?, period_kind = ?, pass_mark = ?, "
                "updated_at = ? WHERE id = ?",
                {in.name, std::string(PeriodKindName(in.period_kind)), in.pass_mark, now_ms, id})));
  RETURN_IF_ERROR(
      Done(conn.Exec("DELETE FROM station_assessment_items WHERE template_id = ?", {id})));
  return InsertItems(conn, id, in.items);
}

Status RetireTemplate(storage::Connection& conn, int64_t id, int64_t now_ms) {
  return Done(
      conn.Exec("UPDATE station_assessment_templates SET retired = 1, updated_at = ? WHERE id = ?",
                {now_ms, id}));
}

Result<AssessmentTemplate> GetTemplate(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kTemplate.List() +
                                             " FROM station_assessment_templates t WHERE t.id = ?",
                                         {id}));
  if (rows.empty()) return Error::NotFound("考核模板 " + std::to_string(id) + " 不存在");
  AssessmentTemplate t = ToTemplate(rows[0]);
  ASSIGN_OR_RETURN(t.items, ItemsOf(conn, id));
  return t;
}

Result<std::vector<AssessmentTemplate>> TemplatesOf(storage::Connection& conn,
                                                    const RegionCode& county, bool with_retired) {
  storage::Where w;
  w.Eq("t.county_code", county.str());
  if (!with_retired) w.Eq("t.retired", int64_t{0});
  ASSIGN_OR_RETURN(
      auto rows, conn.Query("SELECT " + kTemplate.List() + " FROM station_assessment_templates t" +
                                w.Clause() + " ORDER BY t.retired, t.id DESC",
                            w.params()));
  std::vector<AssessmentTemplate> out;
  for (const auto& r : rows) {
    AssessmentTemplate t = ToTemplate(r);
    ASSIGN_OR_RETURN(t.items, ItemsOf(conn, t.id));
    out.push_back(std::move(t));
  }
  return out;
}

Result<bool> TemplateNameTaken(storage::Connection& conn, const RegionCode& county,
                               const std::string& name, int64_t except_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT 1 FROM station_assessment_templates WHERE "
                                         "county_code = ? AND name = ? AND id <> ?",
                                         {county.str(), name, except_id}));
  return !rows.empty();
}

Result<int64_t> InsertAssessment(storage::Connection& conn, const NewAssessment& a, Stamp stamp) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO station_assessments (station_id, county_code, region_code, template_id, "
          "period, assessed_on, total_centi, passed, comment, assessed_by, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {a.station->id, a.station->region.county().str(), a.station->region.str(), a.tmpl->id,
           a.period, a.assessed_on.ToString(), a.total_centi, int64_t{a.passed ? 1 : 0}, a.comment,
           storage::OrNull(stamp.by), stamp.now_ms, stamp.now_ms},
          "insert assessment"));
  int64_t id = row.Int(0);
  for (const auto& s : a.scores) {
    RETURN_IF_ERROR(
        Done(conn.Exec("INSERT INTO station_assessment_scores (assessment_id, "
                       "item_id, score, note) VALUES (?, ?, ?, ?)",
                       {id, s.item_id, s.score, s.note})));
  }
  return id;
}

Result<bool> AssessmentExists(storage::Connection& conn, int64_t station_id, int64_t template_id,
                              const std::string& period) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT 1 FROM station_assessments WHERE station_id = ? "
                                         "AND template_id = ? AND period = ?",
                                         {station_id, template_id, period}));
  return !rows.empty();
}

Result<Assessment> GetAssessment(storage::Connection& conn, int64_t id) {
  storage::Where w;
  w.Eq("a.id", id);
  ASSIGN_OR_RETURN(auto found, Assessments(conn, w, ""));
  if (found.empty()) return Error::NotFound("考核记录 " + std::to_string(id) + " 不存在");
  Assessment a = std::move(found[0]);
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT i.id, i.name, i.weight, i.max_score, COALESCE(c.score, 0), "
                              "COALESCE(c.note, '') FROM station_assessment_items i LEFT JOIN "
                              "station_assessment_scores c ON c.item_id = i.id AND "
                              "c.assessment_id = ? WHERE i.template_id = ? ORDER BY i.position",
                              {a.id, a.template_id}));
  for (const auto& r : rows) {
    ItemScore s;
    s.item_id = r.Int(0);
    s.item_name = r.Text(1);
    s.weight = r.Int(2);
    s.max_score = r.Int(3);
    s.score = r.Int(4);
    s.note = r.Text(5);
    a.scores.push_back(std::move(s));
  }
  return a;
}

Result<std::vector<Assessment>> AssessmentsOfStation(storage::Connection& conn,
                                                     int64_t station_id) {
  storage::Where w;
  w.Eq("a.station_id", station_id);
  return Assessments(conn, w, " ORDER BY a.period DESC, a.id DESC");
}

Status SetEvidence(storage::Connection& conn, int64_t id, const EvidenceFile& f,
                   const std::string& bytes, int64_t now_ms) {
  return Done(conn.Exec(
      "UPDATE station_assessments SET evidence_name = ?, evidence_type = ?, evidence_size = ?, "
      "evidence_sha256 = ?, evidence_base64 = ?, updated_at = ? WHERE id = ?",
      {f.filename, f.content_type, f.size, f.sha256, crypto::Base64Encode(bytes), now_ms, id}));
}

Result<std::pair<EvidenceFile, std::string>> ReadEvidence(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT evidence_name, evidence_type, evidence_sha256, "
                                         "evidence_size, evidence_base64 FROM "
                                         "station_assessments WHERE id = ? AND evidence_name IS "
                                         "NOT NULL",
                                         {id}));
  if (rows.empty()) return Error::NotFound("该考核没有佐证材料");
  ASSIGN_OR_RETURN(std::string bytes, crypto::Base64Decode(rows[0].Text(4)));
  return std::pair(EvidenceFile{rows[0].Text(0), rows[0].Text(1), rows[0].Text(2), rows[0].Int(3)},
                   std::move(bytes));
}

Status SetFollowup(storage::Connection& conn, int64_t id, Followup kind, const std::string& status,
                   const std::optional<CivilDate>& deadline, const std::string& note,
                   int64_t now_ms) {
  return Done(conn.Exec(
      "UPDATE station_assessments SET followup = ?, followup_status = ?, followup_deadline = ?, "
      "followup_note = ?, updated_at = ? WHERE id = ?",
      {std::string(FollowupName(kind)), status,
       deadline ? Value{deadline->ToString()} : Value{Null{}}, note, now_ms, id}));
}

Result<std::vector<Assessment>> RankingRows(storage::Connection& conn, const RegionCode& scope,
                                            int64_t template_id, const std::string& period) {
  storage::Where w;
  w.Eq("a.template_id", template_id).Eq("a.period", period).InSubtree("a.region_code", scope);
  return Assessments(conn, w, " ORDER BY a.total_centi DESC, a.station_id");
}

Result<std::vector<Assessment>> AssessmentsOfYear(storage::Connection& conn,
                                                  const RegionCode& scope, int year) {
  storage::Where w;
  w.InSubtree("a.region_code", scope).StartsWith("a.period", std::to_string(year));
  return Assessments(conn, w, " ORDER BY a.station_id, a.period DESC, a.id DESC");
}

}  // namespace ruralec::station::store
