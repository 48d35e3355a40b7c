#include "funds/reclaim_store.h"

#include <array>

#include "funds/store_rows.h"

namespace ruralec::funds {

const char* ReclaimStateName(ReclaimState s) {
  static constexpr std::array<const char*, 4> kNames = {"raised", "partly_recovered", "recovered",
                                                        "reversed"};
  return kNames.at(static_cast<size_t>(s));
}

const char* ReclaimStateLabel(ReclaimState s) {
  static constexpr std::array<const char*, 4> kLabels = {"待追回", "部分追回", "已追回", "已冲销"};
  return kLabels.at(static_cast<size_t>(s));
}

namespace store {
namespace {

using storage::Null;
using storage::Row;
using storage::Value;

constexpr const char* kSelect =
    "SELECT a.id, a.fund_id, a.list_id, a.item_id, a.transfer_id, a.project, a.category, "
    "a.payee_name, a.rule_id, a.delta_fen, a.amount_fen, a.created_by, a.created_at, "
    "t.value_date, t.document, (SELECT r.id FROM fund_transfers r WHERE r.reverses = t.id) "
    "FROM fund_award_reclaims a JOIN fund_transfers t ON t.id = a.transfer_id ";

AwardReclaim ReclaimOf(const Row& r) {
  AwardReclaim a;
  a.id = r.Int(0);
  a.fund = FundId{r.Int(1)};
  a.list_id = r.Int(2);
  a.item_id = r.Int(3);
  a.transfer = TransferId{r.Int(4)};
  a.project = r.Text(5);
  a.category = r.Text(6);
  a.payee_name = r.Text(7);
  a.rule_id = r.Text(8);
  a.delta = Fen{r.Int(9)};
  a.amount = Fen{r.Int(10)};
  a.outstanding = a.amount;
  a.created_by = r.OptInt(11);
  a.created_at = r.Int(12);
  a.value_date = rows::DateOf(r.Text(13));
  a.document = r.Text(14);
  if (!r.IsNull(15)) a.reversed_by = TransferId{r.Int(15)};
  return a;
}

}  // namespace

Status InsertReclaim(storage::Connection& conn, AwardReclaim* r) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("INSERT INTO fund_award_reclaims (fund_id, list_id, item_id, transfer_id, "
                 "project, category, payee_name, rule_id, delta_fen, amount_fen, created_by, "
                 "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {r->fund.value, r->list_id, r->item_id, r->transfer.value, r->project, r->category,
                  r->payee_name, r->rule_id, r->delta.value, r->amount.value,
                  r->created_by ? Value(*r->created_by) : Value(Null{}), r->created_at}));
  r->id = rows.at(0).Int(0);
  return {};
}

Result<std::optional<AwardReclaim>> ReclaimOfItem(storage::Connection& conn, int64_t item_id) {
  ASSIGN_OR_RETURN(
      auto rows, conn.Query(std::string(kSelect) + "WHERE a.item_id = ? ORDER BY a.id DESC LIMIT 1",
                            {item_id}));
  if (rows.empty()) return std::optional<AwardReclaim>();
  return std::optional<AwardReclaim>(ReclaimOf(rows.at(0)));
}

Result<std::vector<AwardReclaim>> ReclaimsOfItem(storage::Connection& conn, int64_t item_id) {
  ASSIGN_OR_RETURN(
      auto rows, conn.Query(std::string(kSelect) + "WHERE a.item_id = ? ORDER BY a.id", {item_id}));
  std::vector<AwardReclaim> out;
  for (const auto& r : rows) out.push_back(ReclaimOf(r));
  return out;
}

Result<std::vector<AwardReclaim>> ReclaimsOfFund(storage::Connection& conn, FundId fund) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string(kSelect) + "WHERE a.fund_id = ? ORDER BY a.id",
                                         {fund.value}));
  std::vector<AwardReclaim> out;
  for (const auto& r : rows) out.push_back(ReclaimOf(r));
  return out;
}

}  // namespace store
}  // namespace ruralec::funds
