// SQL of the household register (households, household_helpers). No rules here: the service
// (register.cc) and the import validated input, encrypted the personal data and checked scope.
// Every function runs in the caller's connection and transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "households/households.h"
#include "storage/db.h"

namespace ruralec::households::store {

// What is written: the encrypted and masked forms of the personal data, the rest as entered.
struct Row {
  HouseholdInput in;
  std::string head_name_enc, head_name_masked, id_enc, id_bidx, id_masked;
  std::string source = "form";  // form | import | generated
  std::optional<int64_t> batch_id, created_by;
  int64_t now = 0;
};

// A stored household with the encrypted head name (decrypted by the service when shown).
struct Stored {
  Household h;
  std::string head_name_enc;
};

Result<int64_t> Insert(storage::Connection& conn, const Row& r);
Status Update(storage::Connection& conn, int64_t id, const Row& r);
// Marks the counties of an import batch's households changed (every month; figure_changes.h):
// Insert leaves an import's rows to this, called once when the batch's rows are written.
Status MarkImportedHouseholds(storage::Connection& conn, int64_t batch_id, int64_t now_ms);
Result<std::optional<Stored>> Get(storage::Connection& conn, int64_t id);
Result<Page<Stored>> List(storage::Connection& conn, const Filter& f, const PageRequest& page);
// {id, region, willing, able} of the household with this blind index, if any.
Result<std::optional<HouseholdRef>> FindByBlindIndex(storage::Connection& conn,
                                                     const std::string& bidx);
Result<std::optional<HouseholdRef>> FindRef(storage::Connection& conn, int64_t id);
// The stored households with these ids (≤ 500), in the order given (absent ids skipped).
Result<std::vector<Stored>> ByIds(storage::Connection& conn, const std::vector<int64_t>& ids);
// The encrypted head name and ID number.
Result<std::pair<std::string, std::string>> Secrets(storage::Connection& conn, int64_t id);

}  // namespace ruralec::households::store
