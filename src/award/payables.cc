#include "award/payables.h"

namespace ruralec::award {

namespace {

constexpr const char* kColumns =
    "SELECT id, list_id, line_id, county_code, programme_key, scope_code, period, rule_id, "
    "subject_kind, subject_id, payee_name, region_code, amount_fen, delta_fen, "
    "payable_after_acceptance, acceptance_status, status FROM award_payable_items ";

std::vector<PayableItem> ItemsOf(const std::vector<storage::Row>& rows) {
  std::vector<PayableItem> out;
  for (const auto& r : rows) {
    PayableItem p;
    p.id = r.Int(0);
    p.list_id = r.Int(1);
    p.line_id = r.OptInt(2);
    p.county_code = r.Text(3);
    p.programme_key = r.Text(4);
    p.scope_code = r.Text(5);
    p.period = r.Text(6);
    p.rule_id = r.Text(7);
    p.subject_kind = r.Text(8);
    p.subject_id = r.Int(9);
    p.payee_name = r.Text(10);
    p.region_code = r.Text(11);
    p.amount_fen = r.Int(12);
    p.delta_fen = r.Int(13);
    p.payable_after_acceptance = r.Int(14) != 0;
    p.acceptance_status = r.Text(15);
    p.status = r.Text(16);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Result<std::vector<PayableItem>> ItemsOfList(storage::Connection& conn, int64_t list_id) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query(std::string(kColumns) + "WHERE list_id = ? ORDER BY id", {list_id}));
  return ItemsOf(rows);
}

Result<std::vector<PayableItem>> ItemsOfSubject(storage::Connection& conn, const PayableItem& i) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query(
          std::string(kColumns) + "WHERE programme_key = ? AND scope_code = ? AND period = ? AND "
                                  "rule_id = ? AND subject_kind = ? AND subject_id = ? ORDER BY id",
          {i.programme_key, i.scope_code, i.period, i.rule_id, i.subject_kind, i.subject_id}));
  return ItemsOf(rows);
}

Status MarkPaid(storage::Connection& conn, int64_t item_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("UPDATE award_payable_items SET status = 'paid' "
                                         "WHERE id = ? AND status = 'open' RETURNING id",
                                         {item_id}));
  if (rows.empty())
    return Error::Conflict("奖补应付事项" + std::to_string(item_id) + "已支付或已被新版本取代",
                           "item");
  return {};
}

Status SetAcceptance(storage::Connection& conn, int64_t item_id, bool accepted) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("UPDATE award_payable_items SET acceptance_status = ? WHERE id = ? "
                              "AND status = 'open' AND acceptance_status = 'pending' RETURNING id",
                              {std::string(accepted ? "accepted" : "failed"), item_id}));
  if (rows.empty())
    return Error::Conflict("奖补应付事项" + std::to_string(item_id) + "不在待验收状态", "item_id");
  return {};
}

}  // namespace ruralec::award
