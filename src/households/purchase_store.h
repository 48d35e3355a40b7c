// SQL of the purchases ledger (purchases.h). No rules: callers validated, resolved the seller and
// checked scope. Every function runs in the caller's connection and transaction.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "households/purchases.h"
#include "storage/db.h"

namespace ruralec::households::store {

struct NewPurchase {
  PurchaseInput in;  // in.village set for both seller kinds
  RegionCode buyer_region;
  std::string source = "form";
  std::optional<int64_t> batch_id, source_row, supersedes_id, created_by;
  std::string correction_reason;
  int64_t created_at = 0;
};

// Inserts `p` as the current purchase of its key, clearing `p.supersedes_id`'s is_current.
Result<int64_t> InsertPurchase(storage::Connection& conn, const NewPurchase& p);
// Marks the county-months of an import batch's purchases (figure_changes.h), once when the
// batch's rows are written: InsertPurchase leaves an import's rows (batch_id set) to this.
Status MarkImportedPurchases(storage::Connection& conn, int64_t batch_id, int64_t now_ms);
Result<std::optional<Purchase>> GetPurchase(storage::Connection& conn, int64_t id);
// The current purchase of a natural key, if any.
Result<std::optional<Purchase>> CurrentByKey(storage::Connection& conn, const std::string& key);
// `own_entity`: only that entity's purchases (a bound caller).
Result<Page<Purchase>> ListPurchases(storage::Connection& conn, const PurchaseFilter& f,
                                     std::optional<int64_t> own_entity, const PageRequest& page);
// Calls fn(entity_id, seller_kind, amount_fen, id) for each current purchase of `scope`'s buyers
// dated in [from, to].
using PurchaseVisitor = std::function<void(int64_t, SellerKind, int64_t, int64_t)>;
Status ScanCurrent(storage::Connection& conn, const RegionCode& scope, const std::string& from,
                   const std::string& to, const PurchaseVisitor& fn);
// The masked head names of households (one query per call).
Result<std::map<int64_t, std::string>> MaskedNames(storage::Connection& conn,
                                                   const std::vector<int64_t>& ids);

}  // namespace ruralec::households::store
