// Maker-checker approval of an award list and the payable items it hands to the fund ledger.
#include <map>

#include "award/list_internal.h"
#include "entity/entity.h"

namespace ruralec::award {
namespace {

using storage::Null;
using storage::Value;

struct PrevItem {
  int64_t id = 0;
  int64_t amount_fen = 0;
  Value payee;
  std::string payee_name, region_code;
  std::string acceptance;  // its acceptance_status: a later version keeps a recorded acceptance
};

// The acceptance state of a new item: none needed, else the one recorded for the item it
// replaces (an acceptance is of the subject, not of the amount), else pending.
std::string AcceptanceOf(bool after, const PrevItem* prev) {
  if (!after) return "not_required";
  if (prev && (prev->acceptance == "accepted" || prev->acceptance == "failed"))
    return prev->acceptance;
  return "pending";
}

std::string KeyText(const std::string& rule, const std::string& kind, int64_t id) {
  return rule + "|" + kind + "|" + std::to_string(id);
}

Result<std::map<std::string, PrevItem>> PreviousItems(storage::Connection& conn, int64_t list_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, rule_id, subject_kind, subject_id, "
                                         "amount_fen, payee_entity_id, payee_name, region_code, "
                                         "acceptance_status FROM award_payable_items WHERE "
                                         "list_id = ? ORDER BY id",
                                         {list_id}));
  std::map<std::string, PrevItem> out;
  for (const auto& r : rows) {
    Value payee = r.IsNull(5) ? Value(Null{}) : Value(r.Int(5));
    out[KeyText(r.Text(1), r.Text(2), r.Int(3))] = {r.Int(0),  r.Int(4),  payee,
                                                    r.Text(6), r.Text(7), r.Text(8)};
  }
  return out;
}

// Who is paid, by name: a brand's line pays its owning entity.
Result<std::string> PayeeName(storage::Connection& conn, const Line& line) {
  if (line.subject_kind != "brand" || line.payee_entity_id == 0) return line.subject_name;
  auto owner = entity::Get(conn, line.payee_entity_id);
  if (owner.ok()) return owner->name;
  if (owner.error().code == ErrorCode::kNotFound) return line.subject_name;
  return owner.error();
}

const char* kItemInsert =
    "INSERT INTO award_payable_items (county_code, list_id, line_id, programme_key, scope_code, "
    "period, rule_id, subject_kind, subject_id, payee_entity_id, payee_name, region_code, "
    "amount_fen, previous_item_id, delta_fen, payable_after_acceptance, acceptance_status, "
    "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)";

// One item per payable line; reversal items for subjects the new version no longer pays.
Status WriteItems(storage::Connection& conn, const ListInfo& l, std::optional<int64_t> prev_list,
                  int64_t now) {
  std::map<std::string, PrevItem> prev;
  if (prev_list) {
    ASSIGN_OR_RETURN(prev, PreviousItems(conn, *prev_list));
    RETURN_IF_ERROR(
        conn.Exec("UPDATE award_payable_items SET status = 'superseded', "
                  "superseded_at = ? WHERE list_id = ? AND status = 'open'",
                  {now, *prev_list}));
  }
  ASSIGN_OR_RETURN(auto lines, internal::LoadLines(conn, l.id, true));
  for (const auto& s : lines) {
    const Line& line = s.line;
    if (line.status != LineStatus::kPayable || !line.amount_fen) continue;
    auto p = prev.find(KeyText(line.rule_id, line.subject_kind, line.subject_id));
    int64_t amount = *line.amount_fen;
    bool after = line.explanation.payable_after_acceptance;
    ASSIGN_OR_RETURN(std::string payee_name, PayeeName(conn, line));
    RETURN_IF_ERROR(
        conn.Exec(kItemInsert,
                  {l.county_code, l.id, s.id, l.programme_key, l.scope_code, l.period, line.rule_id,
                   line.subject_kind, line.subject_id,
                   line.payee_entity_id ? Value(line.payee_entity_id) : Value(Null{}), payee_name,
                   line.region_code, amount, p == prev.end() ? Value(Null{}) : Value(p->second.id),
                   amount - (p == prev.end() ? 0 : p->second.amount_fen), int64_t{after ? 1 : 0},
                   AcceptanceOf(after, p == prev.end() ? nullptr : &p->second), now}));
    if (p != prev.end()) prev.erase(p);
  }
  for (const auto& [key, p] : prev) {
    if (p.amount_fen == 0) continue;
    size_t a = key.find('|'), b = key.find('|', a + 1);
    RETURN_IF_ERROR(conn.Exec(
        kItemInsert, {l.county_code, l.id, Value(Null{}), l.programme_key, l.scope_code, l.period,
                      key.substr(0, a), key.substr(a + 1, b - a - 1), std::stoll(key.substr(b + 1)),
                      p.payee, p.payee_name, p.region_code, int64_t{0}, p.id, -p.amount_fen,
                      int64_t{0}, std::string("not_required"), now}));
  }
  return {};
}

}  // namespace

namespace {

// The approved list this one replaces (same programme, scope, period), after checking that
// approving `l` is allowed: it is proposed, not older than the approved version, and no
// approved list of an overlapping scope (a city list and one of its counties) covers the same
// period — the same subject would otherwise be paid twice.
Result<std::optional<int64_t>> Replaced(storage::Connection& conn, const ListInfo& l) {
  if (l.status != "proposed")
    return Error::Conflict("清单状态为 " + l.status + "，只有已提交的清单可以审批", "status");
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, version, scope_code FROM award_lists WHERE "
                                         "programme_key = ? AND period = ? AND status = "
                                         "'approved'",
                                         {l.programme_key, l.period}));
  ASSIGN_OR_RETURN(RegionCode scope, RegionCode::Parse(l.scope_code));
  std::optional<int64_t> replaced;
  for (const auto& r : rows) {
    if (r.Text(2) == l.scope_code) {
      if (r.Int(1) > l.version)
        return Error::Conflict(
            "已有更新的核定版本 (第 " + std::to_string(r.Int(1)) + " 版)，旧版本不能再审批",
            "version");
      replaced = r.Int(0);
      continue;
    }
    auto other = RegionCode::Parse(r.Text(2));
    if (other.ok() && (other->Contains(scope) || scope.Contains(*other)))
      return Error::Conflict("区域 " + r.Text(2) + " 已有同期核定清单 (" +
                                 std::to_string(r.Int(0)) + ")，与本清单区域重叠，不能重复核定",
                             "scope_code");
  }
  return replaced;
}

}  // namespace

Result<ListInfo> Lists::Approve(const account::Principal& who, int64_t list_id) {
  auto conn = db_.Acquire();
  std::optional<std::string> refused;
  auto refuse = [&](std::string why) -> Error {
    refused = why;
    return Error::Forbidden(std::move(why));
  };
  auto res =
      storage::InTransaction<ListInfo>(*conn, storage::TxMode::kWrite, [&]() -> Result<ListInfo> {
        refused.reset();
        ASSIGN_OR_RETURN(ListInfo l, internal::LoadList(*conn, list_id));
        ASSIGN_OR_RETURN(bool holds,
                         account::HoldsPermissionNow(*conn, who.id.value, "award:approve"));
        if (!holds) return refuse("审批人当前不具有财政审核权限 (award:approve)，不能审批");
        if (l.created_by == who.id.value || l.proposed_by == who.id.value)
          return refuse("不能审批本人编制或提交的清单（编制与审核须由不同人员完成）");
        if (l.status == "approved") {
          l.already = true;
          return l;
        }
        ASSIGN_OR_RETURN(std::optional<int64_t> prev, Replaced(*conn, l));
        int64_t now = clock_.NowMs();
        RETURN_IF_ERROR(
            conn->Exec("UPDATE award_lists SET status = 'approved', approved_by = ?, "
                       "approved_at = ? WHERE id = ? AND status = 'proposed'",
                       {who.id.value, now, list_id}));
        if (prev)
          RETURN_IF_ERROR(
              conn->Exec("UPDATE award_lists SET status = 'superseded', "
                         "superseded_by = ?, superseded_at = ? WHERE id = ?",
                         {list_id, now, *prev}));
        RETURN_IF_ERROR(WriteItems(*conn, l, prev, now));
        RETURN_IF_ERROR(Audit(*conn, who, "award.list.approve", list_id, audit::Outcome::kSuccess,
                              "v" + std::to_string(l.version) + " total_fen=" +
                                  std::to_string(l.total_fen) + " sha256=" + l.content_sha256 +
                                  (prev ? " supersedes " + std::to_string(*prev) : "")));
        return internal::LoadList(*conn, list_id);
      });
  if (!res.ok() && refused)
    (void)Audit(*conn, who, "award.list.approve", list_id, audit::Outcome::kDenied, *refused);
  return res;
}

}  // namespace ruralec::award
