// SQL of award lists, lines and payable items (schema/migrations/0008_awards.sql).
#include <map>

#include "account/account.h"
#include "award/award_json.h"
#include "award/list_internal.h"
#include "crypto/crypto.h"

namespace ruralec::award {
namespace {

using storage::Null;
using storage::Value;

Value OptV(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(Null{}); }

constexpr const char* kListCols =
    "id, county_code, scope_code, programme_id, programme_key, period, version, status, "
    "line_count, payable_count, total_fen, content_sha256, rules_json, created_by, created_at, "
    "proposed_by, proposed_at, approved_by, approved_at, superseded_by, superseded_at";

std::vector<RuleOutcome> RulesFromJson(const std::string& text) {
  std::vector<RuleOutcome> out;
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& r : j) {
    RuleOutcome o{r.value("rule_id", ""), r.value("rule_name", ""), r.value("subject", "")};
    std::string st = r.value("status", "evaluated");
    for (auto s : {RuleStatus::kEvaluated, RuleStatus::kNoDataSource,
                   RuleStatus::kNeedsLocalSetting, RuleStatus::kNotEvaluable})
      if (st == RuleStatusName(s)) o.status = s;
    o.reason = r.value("reason", "");
    o.candidates = r.value("candidates", int64_t{0});
    o.lines = r.value("lines", int64_t{0});
    o.payable_fen = r.value("payable_fen", int64_t{0});
    out.push_back(std::move(o));
  }
  return out;
}

ListInfo ListFromRow(const storage::Row& r) {
  ListInfo l;
  l.id = r.Int(0);
  l.county_code = r.Text(1);
  l.scope_code = r.Text(2);
  l.programme_id = r.Int(3);
  l.programme_key = r.Text(4);
  l.period = r.Text(5);
  l.version = static_cast<int>(r.Int(6));
  l.status = r.Text(7);
  l.line_count = r.Int(8);
  l.payable_count = r.Int(9);
  l.total_fen = r.Int(10);
  l.content_sha256 = r.Text(11);
  l.rules = RulesFromJson(r.Text(12));
  l.created_by = r.Int(13);
  l.created_at = r.Int(14);
  l.proposed_by = r.OptInt(15);
  l.proposed_at = r.OptInt(16);
  l.approved_by = r.OptInt(17);
  l.approved_at = r.OptInt(18);
  l.superseded_by = r.OptInt(19);
  l.superseded_at = r.OptInt(20);
  return l;
}

StoredLine LineFromRow(const storage::Row& r) {
  StoredLine s;
  s.id = r.Int(0);
  s.line_no = static_cast<int>(r.Int(1));
  s.line = LineFromStored(r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.OptInt(10), r.Text(9));
  s.line.personal_name = r.Int(6) != 0;
  s.line.region_code = r.Text(7);
  s.line.payee_entity_id = r.Int(8);
  s.explanation_json = r.Text(11);
  return s;
}

constexpr const char* kLineCols =
    "id, line_no, rule_id, subject_kind, subject_id, subject_name, personal_name, region_code, "
    "payee_entity_id, status, amount_fen, explanation";

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

}  // namespace

namespace internal {
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

Result<bool> UserHoldsNow(storage::Connection& conn, int64_t user_id,
                          const std::string& permission) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOne("SELECT COUNT(*) FROM users u JOIN user_roles ur ON ur.user_id "
                                 "= u.id JOIN role_permissions rp ON rp.role = ur.role WHERE "
                                 "u.id = ? AND u.status = 'active' AND rp.permission = ?",
                                 {user_id, permission}, "user"));
  return row.Int(0) > 0;
}

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

Result<std::vector<StoredLine>> Lists::AllLines(int64_t list_id) {
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(auto rows, conn->Query(std::string("SELECT ") + kLineCols +
                                              " FROM award_lines WHERE list_id = ? ORDER BY "
                                              "line_no",
                                          {list_id}));
  std::vector<StoredLine> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(LineFromRow(r));
  return out;
}

Result<Page<StoredLine>> Lists::Lines(int64_t list_id, const RegionCode& scope,
                                      const PageRequest& page) {
  std::string prefix(scope.prefix());
  std::string lo = prefix + std::string(12 - prefix.size(), '0');
  std::string hi = prefix + std::string(12 - prefix.size(), '9');
  auto conn = db_.Acquire();
  Page<StoredLine> out{{}, 0, page.page, page.page_size};
  ASSIGN_OR_RETURN(auto n, conn->QueryOne("SELECT COUNT(*) FROM award_lines WHERE list_id = ? "
                                          "AND region_code >= ? AND region_code <= ?",
                                          {list_id, lo, hi}, "count"));
  out.total = n.Int(0);
  ASSIGN_OR_RETURN(auto rows,
                   conn->Query(std::string("SELECT ") + kLineCols +
                                   " FROM award_lines WHERE list_id = ? AND region_code >= ? "
                                   "AND region_code <= ? ORDER BY line_no LIMIT ? OFFSET ?",
                               {list_id, lo, hi, int64_t{page.page_size}, page.offset()}));
  for (const auto& r : rows) out.items.push_back(LineFromRow(r));
  return out;
}

Result<Page<ListInfo>> Lists::Versions(const RegionCode& scope, int64_t programme_id,
                                       const std::string& period, const PageRequest& page) {
  std::string prefix(scope.prefix());
  std::string lo = prefix + std::string(12 - prefix.size(), '0');
  std::string hi = prefix + std::string(12 - prefix.size(), '9');
  auto conn = db_.Acquire();
  ASSIGN_OR_RETURN(auto key, conn->QueryOne("SELECT programme_key FROM programmes WHERE id = ?",
                                            {programme_id}, "方案不存在"));
  // Lists inside the caller's region, and lists of an ancestor scope (a city list seen by a
  // county: its lines are then limited to the county by Lines()).
  std::string where =
      " FROM award_lists WHERE programme_key = ? AND ((scope_code >= ? AND scope_code <= ?) OR "
      "scope_code IN (?, ?, ?, ?)) AND (? = '' OR period = ?)";
  storage::Params p = {key.Text(0), lo, hi};
  RegionCode up = scope.parent();
  for (int i = 0; i < 4; ++i, up = up.empty() ? up : up.parent())
    p.push_back(up.empty() ? std::string("-") : up.str());
  p.push_back(period);
  p.push_back(period);
  Page<ListInfo> out{{}, 0, page.page, page.page_size};
  ASSIGN_OR_RETURN(auto n, conn->QueryOne("SELECT COUNT(*)" + where, p, "count"));
  out.total = n.Int(0);
  p.push_back(int64_t{page.page_size});
  p.push_back(page.offset());
  ASSIGN_OR_RETURN(auto rows, conn->Query(std::string("SELECT ") + kListCols + where +
                                              " ORDER BY period DESC, scope_code, version DESC "
                                              "LIMIT ? OFFSET ?",
                                          p));
  for (const auto& r : rows) out.items.push_back(ListFromRow(r));
  RETURN_IF_ERROR(NameUsers(*conn, out.items));
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
  std::string prefix(scope.prefix());
  std::string lo = prefix + std::string(12 - prefix.size(), '0');
  std::string hi = prefix + std::string(12 - prefix.size(), '9');
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT l.rule_id, l.subject_kind, l.subject_id, a.period, a.id, "
                              "a.version FROM award_lines l JOIN award_lists a ON a.id = "
                              "l.list_id WHERE a.programme_key = ? AND a.status = 'approved' "
                              "AND l.status = 'payable' AND l.region_code >= ? AND "
                              "l.region_code <= ? ORDER BY a.period, l.id",
                              {programme_key, lo, hi}));
  std::vector<PriorAward> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    out.push_back(
        {r.Text(0), r.Text(1), r.Int(2), r.Text(3), r.Int(4), static_cast<int>(r.Int(5))});
  return out;
}

}  // namespace ruralec::award
