// The funds module's only SQL (schema/migrations/0033_funds.sql): funds, categories, projects,
// transfers and balances. Plain structs in and out; the caller holds the transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "funds/funds.h"
#include "funds/rules.h"
#include "storage/db.h"

namespace ruralec::funds::store {

Result<FundId> InsertFund(storage::Connection& conn, const Fund& f, std::optional<int64_t> by,
                          int64_t now_ms);
// kNotFound unless the fund exists (and, when county is not empty, belongs to it).
Result<Fund> LoadFund(storage::Connection& conn, FundId id, const std::string& county = "");
// Whether the county already has a fund of that name.
Result<bool> FundNamed(storage::Connection& conn, const std::string& county,
                       const std::string& name);
Result<std::vector<Fund>> ListFunds(storage::Connection& conn, const std::string& county);
// The fund, every balance and every project.
Result<FundState> LoadState(storage::Connection& conn, FundId id);

Status PutProject(storage::Connection& conn, FundId fund, const Project& p);
// Sets the category's plan and appends the change (with `before`) to its history.
Status PutPlanChange(storage::Connection& conn, FundId fund, const PlanChange& c);
Status SetClosedThrough(storage::Connection& conn, FundId fund, CivilDate d);

Result<std::optional<Transfer>> FindByKey(storage::Connection& conn, FundId fund,
                                          const std::string& key, std::string* fingerprint);
Result<std::optional<Transfer>> FindTransfer(storage::Connection& conn, FundId fund, TransferId id);
Result<bool> IsReversed(storage::Connection& conn, TransferId id);
// What the transfers under idempotency key `key` still move, in every fund: the sum of their
// amounts, less those reversed (index fund_transfers_idem, migration 0060).
Result<int64_t> LiveAmountOfKey(storage::Connection& conn, const std::string& key);
// The last transfer's seq and tag (0 and "" for a fund without any).
Result<std::pair<int64_t, std::string>> Head(storage::Connection& conn, FundId fund);
Result<TransferId> InsertTransfer(storage::Connection& conn, const Transfer& t,
                                  const std::string& fingerprint);
Status AddToBalance(storage::Connection& conn, FundId fund, const Account& a, int64_t delta);

// Every transfer, by fund then seq (verify); `fn` returns false to stop.
Status ScanTransfers(storage::Connection& conn, std::optional<FundId> fund,
                     const std::function<bool(const Transfer&)>& fn);
// Stored balances: (fund, account) → balance.
Result<std::vector<std::pair<FundId, Balance>>> StoredBalances(storage::Connection& conn,
                                                               std::optional<FundId> fund);

}  // namespace ruralec::funds::store
