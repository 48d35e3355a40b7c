// SQL of award lists, lines and payable items (schema/migrations/0008_awards.sql).
#include <map>

#include "account/account.h"
#include "award/award_json.h"
#include "award/list_internal.h"
#include "crypto/crypto.h"
#include "programme/store.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::award {
namespace {

using storage::Null;
using storage::Value;

Value OptV(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(Null{}); }

// Appends the 12-digit code range of `scope`'s subtree (lo, hi) to `p`.
void AppendRange(storage::Params& p, const RegionCode& scope) {
  for (auto& v : storage::SubtreeRange(scope)) p.push_back(std::move(v));
}

std::vector<RuleOutcome> RulesFromJson(const std::string& text) {
  std::vector<RuleOutcome> out;
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& r : j) out.push_back(RuleOutcomeFromJson(r));
  return out;
}

const storage::RowDecoder<ListInfo> kList{{"id", &ListInfo::id},
                                          {"county_code", &ListInfo::county_code},
                                          {"scope_code", &ListInfo::scope_code},
                                          {"programme_id", &ListInfo::programme_id},
                                          {"programme_key", &ListInfo::programme_key},
                                          {"period", &ListInfo::period},
                                          {"version", &ListInfo::version},
                                          {"status", &ListInfo::status},
                                          {"line_count", &ListInfo::line_count},
                                          {"payable_count", &ListInfo::payable_count},
                                          {"total_fen", &ListInfo::total_fen},
                                          {"content_sha256", &ListInfo::content_sha256},
                                          {"rules_json", {}},
                                          {"created_by", &ListInfo::created_by},
                                          {"created_at", &ListInfo::created_at},
                                          {"proposed_by", &ListInfo::proposed_by},
                                          {"proposed_at", &ListInfo::proposed_at},
                                          {"approved_by", &ListInfo::approved_by},
                                          {"approved_at", &ListInfo::approved_at},
                                          {"superseded_by", &ListInfo::superseded_by},
                                          {"superseded_at", &ListInfo::superseded_at}};
const std::string& kListCols = kList.List();

ListInfo ListFromRow(const storage::Row& r) {
  ListInfo l = kList.Decode(r);
  l.totals_scope_code = l.scope_code;  // the whole list until NarrowTotals says otherwise
  l.rules = RulesFromJson(kList.Named(r).Text("rules_json"));
  return l;
}

const storage::Columns kLine(
    "id, line_no, rule_id, subject_kind, subject_id, subject_name, personal_name, region_code, "
    "payee_entity_id, status, amount_fen, explanation");
const std::string& kLineCols = kLine.List();

// A stored line with its explanation decoded (the only place that reads the JSON back).
Result<StoredLine> LineFromRow(const storage::Row& row) {
  storage::NamedRow r(row, kLine);
  StoredLine s;
  s.id = r.Int("id");
  s.line_no = static_cast<int>(r.Int("line_no"));
  Line& l = s.line;
  l.rule_id = r.Text("rule_id");
  l.subject_kind = r.Text("subject_kind");
  l.subject_id = r.Int("subject_id");
  l.subject_name = r.Text("subject_name");
  l.personal_name = r.Bool("personal_name");
  l.region_code = r.Text("region_code");
  l.payee_entity_id = r.Int("payee_entity_id");
  auto status = ParseLineStatus(r.Text("status"));
  if (!status) return Error::Internal("奖补明细 " + std::to_string(s.id) + " 的状态无效");
  l.status = *status;
  l.amount_fen = r.OptInt("amount_fen");
  auto ex = ExplanationFromJson(r.Text("explanation"));
  if (!ex.ok())
    return Error::Internal("奖补明细 " + std::to_string(s.id) + ": " + ex.error().message);
  l.explanation = std::move(*ex);
  if (l.explanation.prior) {
    l.explanation.prior->rule_id = l.rule_id;
    l.explanation.prior->subject_kind = l.subject_kind;
    l.explanation.prior->subject_id = l.subject_id;
  }
  return s;
}

Result<std::vector<StoredLine>> LinesFromRows(const std::vector<storage::Row>& rows) {
  std::vector<StoredLine> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(StoredLine s, LineFromRow(r));
    out.push_back(std::move(s));
  }
  return out;
}

// Hash over what a reader checks: every line's key, status, amount and explanation.
std::string ContentHash(const Evaluation& ev) {
  std::string all;
  for (const auto& l : ev.lines) all += LineJson(l).dump() + "\n";
  return crypto::Sha256Hex(all);
}

Status InsertLines(storage::Connection& conn, int64_t list_id, const std::string& county,
                   const Evaluation& ev) {
  std::vector<std::vector<Value>> rows;
  int no = 0;
  for (const auto& l : ev.lines)
    rows.push_back({list_id, county, int64_t{++no}, l.rule_id, l.subject_kind, l.subject_id,
                    l.subject_name, int64_t{l.personal_name ? 1 : 0}, l.region_code,
                    l.payee_entity_id ? Value(l.payee_entity_id) : Value(Null{}),
                    std::string(LineStatusName(l.status)), OptV(l.amount_fen),
                    ExplanationJson(l).dump()});
  if (rows.empty()) return {};
  return conn.BulkInsert("award_lines",
                         {"list_id", "county_code", "line_no", "rule_id", "subject_kind",
                          "subject_id", "subject_name", "personal_name", "region_code",
                          "payee_entity_id", "status", "amount_fen", "explanation"},
                         rows)
                 .ok()
             ? Status{}
             : Error::Internal("写入奖补清单明细失败");
}

std::string RulesJson(const Evaluation& ev) {
  Json rules = Json::array();
  for (const auto& r : ev.rules) rules.push_back(RuleOutcomeJson(r));
  return rules.dump();
}

int64_t PayableCount(const Evaluation& ev) {
  int64_t n = 0;
  for (const auto& l : ev.lines) n += l.amount_fen ? 1 : 0;
  return n;
}

// Fills the *_by_name fields of each list from account::UserLabels.
Status NameUsers(storage::Connection& conn, std::vector<ListInfo>& lists) {
  std::vector<int64_t> ids;
  for (const auto& l : lists) {
    ids.push_back(l.created_by);
    if (l.proposed_by) ids.push_back(*l.proposed_by);
    if (l.approved_by) ids.push_back(*l.approved_by);
  }
  if (ids.empty()) return {};
  ASSIGN_OR_RETURN(auto labels, account::UserLabels(conn, ids));
  auto name = [&](std::optional<int64_t> id) {
    auto it = id ? labels.find(*id) : labels.end();
    return it == labels.end() ? std::string() : it->second.display_name;
  };
  for (auto& l : lists) {
    l.created_by_name = name(l.created_by);
    l.proposed_by_name = name(l.proposed_by);
    l.approved_by_name = name(l.approved_by);
  }
  return {};
}

// The totals of `l` as seen from `view`: when the list's scope is wider than `view` (a town
// user reading a county list), line_count, payable_count, total_fen and each rule's lines and
// payable_fen count only the lines inside `view`; totals_scope_code says which region they
// cover. Checked sums: a total that leaves int64 is an error, never a wrapped number.
Status NarrowTotals(storage::Connection& conn, ListInfo& l, const RegionCode& view) {
  l.totals_scope_code = l.scope_code;
  ASSIGN_OR_RETURN(RegionCode scope, RegionCode::Parse(l.scope_code));
  if (view.Contains(scope)) return {};
  storage::Params p = {l.id};
  AppendRange(p, view);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT rule_id, amount_fen FROM award_lines WHERE "
                                         "list_id = ? AND region_code >= ? AND region_code <= ?",
                                         p));
  std::map<std::string, RuleOutcome*> rule;
  for (auto& r : l.rules) {
    r.lines = r.payable_fen = 0;
    rule[r.rule_id] = &r;
  }
  l.line_count = static_cast<int64_t>(rows.size());
  l.payable_count = l.total_fen = 0;
  for (const auto& r : rows) {
    auto it = rule.find(r.Text(0));
    if (it != rule.end()) ++it->second->lines;
    if (r.IsNull(1)) continue;
    ++l.payable_count;
    if (!AddMoney(&l.total_fen, r.Int(1)) ||
        (it != rule.end() && !AddMoney(&it->second->payable_fen, r.Int(1))))
      return MoneyOverflow("奖补清单 " + std::to_string(l.id) + " 的金额");
  }
  l.totals_scope_code = view.str();
  return {};
}

}  // namespace

namespace internal {
Result<std::vector<StoredLine>> LoadLines(storage::Connection& conn, int64_t list_id,
                                          bool payable_only) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query(std::string("SELECT ") + kLineCols + " FROM award_lines WHERE list_id = ?" +
                     (payable_only ? " AND status = 'payable'" : "") + " ORDER BY line_no",
                 {list_id}));
  return LinesFromRows(rows);
}

Result<ListInfo> LoadList(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOne(std::string("SELECT ") + kListCols + " FROM award_lists WHERE id = ?",
                              {id}, "奖补清单 " + std::to_string(id) + " 不存在"));
  std::vector<ListInfo> one = {ListFromRow(row)};
  RETURN_IF_ERROR(NameUsers(conn, one));
  return std::move(one[0]);
}
}  // namespace internal

using internal::LoadList;

Status Lists::Audit(storage::Connection& conn, const account::Principal& who, const char* action,
                    int64_t id, audit::Outcome outcome, const std::string& detail) const {
  return audit_.Append(conn,
                       {who.ToActor(), action, "award_list", std::to_string(id), outcome, detail});
}

Result<ListInfo> Lists::CreateDraft(const account::Principal& who, const NewList& n) {
  const Evaluation& ev = *n.evaluation;
  std::string county = n.scope.county().str();
  auto conn = db_.Acquire();
  return storage::InTransaction<ListInfo>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<ListInfo> {
        ASSIGN_OR_RETURN(auto vrow,
                         conn->QueryOne("SELECT COALESCE(MAX(version), 0) FROM "
                                        "award_lists WHERE programme_key = ? AND "
                                        "scope_code = ? AND period = ?",
                                        {n.programme_key, n.scope.str(), ev.period}, "v"));
        int64_t version = vrow.Int(0) + 1;
        ASSIGN_OR_RETURN(
            auto idrow,
            conn->QueryOne(
                "INSERT INTO award_lists (county_code, scope_code, programme_id, "
                "programme_key, period, version, status, line_count, payable_count, "
                "total_fen, content_sha256, rules_json, created_by, created_at) VALUES "
                "(?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {county, n.scope.str(), n.programme_id, n.programme_key, ev.period, version,
                 static_cast<int64_t>(ev.lines.size()), PayableCount(ev), ev.total_fen,
                 ContentHash(ev), RulesJson(ev), who.id.value, clock_.NowMs()},
                "id"));
        int64_t id = idrow.Int(0);
        RETURN_IF_ERROR(InsertLines(*conn, id, county, ev));
        RETURN_IF_ERROR(Audit(*conn, who, "award.list.create", id, audit::Outcome::kSuccess,
                              n.programme_key + " " + ev.period + " v" + std::to_string(version) +
                                  " total_fen=" + std::to_string(ev.total_fen)));
        return LoadList(*conn, id);
      });
}

Result<ListInfo> Lists::Propose(const account::Principal& who, int64_t list_id) {
  auto conn = db_.Acquire();
  return storage::InTransaction<ListInfo>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<ListInfo> {
        ASSIGN_OR_RETURN(ListInfo l, LoadList(*conn, list_id));
        if (l.status == "proposed") return l;  // idempotent
        if (l.status != "draft")
          return Error::Conflict("清单状态为 " + l.status + "，只有草稿可以提交审核", "status");
        RETURN_IF_ERROR(
            conn->Exec("UPDATE award_lists SET status = 'proposed', proposed_by = ?, "
                       "proposed_at = ? WHERE id = ? AND status = 'draft'",
                       {who.id.value, clock_.NowMs(), list_id}));
        RETURN_IF_ERROR(Audit(*conn, who, "award.list.propose", list_id, audit::Outcome::kSuccess,
                              "v" + std::to_string(l.version) + " sha256=" + l.content_sha256));
        return LoadList(*conn, list_id);
      });
}

Result<ListInfo> Lists::Get(int64_t list_id) {
  auto conn = db_.Acquire();
  return LoadList(*conn, list_id);
}

Result<ListInfo> Lists::Get(int64_t list_id, const RegionCode& view) {
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(ListInfo l, LoadList(*conn, list_id));
  RETURN_IF_ERROR(NarrowTotals(*conn, l, view));
  return l;
}

Result<std::vector<StoredLine>> Lists::AllLines(int64_t list_id) {
  auto conn = db_.Acquire();
  return internal::LoadLines(*conn, list_id, false);
}

Result<std::vector<StoredLine>> Lists::AllLines(int64_t list_id, const RegionCode& view) {
  auto conn = db_.Acquire();
  storage::Params p = {list_id};
  AppendRange(p, view);
  ASSIGN_OR_RETURN(auto rows, conn->Query(std::string("SELECT ") + kLineCols +
                                              " FROM award_lines WHERE list_id = ? AND "
                                              "region_code >= ? AND region_code <= ? ORDER BY "
                                              "line_no",
                                          p));
  return LinesFromRows(rows);
}

Result<Page<StoredLine>> Lists::Lines(int64_t list_id, const RegionCode& scope,
                                      const PageRequest& page) {
  storage::Where where;
  where.Eq("list_id", list_id).InSubtree("region_code", scope);
  auto conn = db_.Acquire();
  return storage::QueryPage<StoredLine>(*conn, kLineCols, "FROM award_lines", where,
                                        " ORDER BY line_no", page, LineFromRow);
}

Result<Page<ListInfo>> Lists::Versions(const RegionCode& scope, int64_t programme_id,
                                       const std::string& period, const PageRequest& page) {
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(programme::ProgrammeRow prog, programme::GetProgrammeRow(*conn, programme_id));
  // Lists inside the caller's region, and lists of an ancestor scope (a city list seen by a
  // county: its lines are then limited to the county by Lines(), its totals by NarrowTotals).
  storage::Params p;
  AppendRange(p, scope);
  RegionCode up = scope.parent();
  for (int i = 0; i < 4; ++i, up = up.empty() ? up : up.parent())
    p.push_back(up.empty() ? std::string("-") : up.str());
  storage::Where where;
  where.Eq("programme_key", prog.key)
      .Sql("((scope_code >= ? AND scope_code <= ?) OR scope_code IN (?, ?, ?, ?))", std::move(p))
      .EqIf("period", period);
  ASSIGN_OR_RETURN(auto out,
                   storage::QueryPage<ListInfo>(*conn, kListCols, "FROM award_lists", where,
                                                " ORDER BY period DESC, scope_code, version DESC",
                                                page, ListFromRow));
  RETURN_IF_ERROR(NameUsers(*conn, out.items));
  for (auto& l : out.items) RETURN_IF_ERROR(NarrowTotals(*conn, l, scope));
  return out;
}

Result<std::optional<ListInfo>> Lists::LastApproved(const std::string& programme_key,
                                                    const RegionCode& scope,
                                                    const std::string& period) {
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(auto row,
                   conn->QueryOptional(std::string("SELECT ") + kListCols +
                                           " FROM award_lists WHERE programme_key = ? AND "
                                           "scope_code = ? AND period = ? AND status = "
                                           "'approved'",
                                       {programme_key, scope.str(), period}));
  if (!row) return std::optional<ListInfo>{};
  std::vector<ListInfo> one = {ListFromRow(*row)};
  RETURN_IF_ERROR(NameUsers(*conn, one));
  return std::optional<ListInfo>(std::move(one[0]));
}

Result<std::vector<PriorAward>> LoadPriorAwards(storage::Connection& conn,
                                                const std::string& programme_key,
                                                const RegionCode& scope) {
  storage::Params p = {programme_key};
  AppendRange(p, scope);
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT l.rule_id, l.subject_kind, l.subject_id, a.period, a.id, "
                              "a.version FROM award_lines l JOIN award_lists a ON a.id = "
                              "l.list_id WHERE a.programme_key = ? AND a.status = 'approved' "
                              "AND l.status = 'payable' AND l.region_code >= ? AND "
                              "l.region_code <= ? ORDER BY a.period, l.id",
                              p));
  std::vector<PriorAward> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    out.push_back(
        {r.Text(0), r.Text(1), r.Int(2), r.Text(3), r.Int(4), static_cast<int>(r.Int(5))});
  return out;
}

}  // namespace ruralec::award
