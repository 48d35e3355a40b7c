// Rows of the funds tables as structs, shared by the module's two store files (ledger_store.cc,
// read_store.cc). Internal to the funds module.
#pragma once

#include <string>

#include "funds/funds.h"
#include "storage/db.h"

namespace ruralec::funds::store::rows {

extern const char* const kFundColumns;      // FundOf reads them in this order
extern const char* const kTransferColumns;  // TransferOf; column 22 is the fingerprint
CivilDate DateOf(const std::string& s);
Fund FundOf(const storage::Row& r);
Account AccountOf(const storage::Row& r, size_t i);  // kind, category, project from column i
Transfer TransferOf(const storage::Row& r);

}  // namespace ruralec::funds::store::rows
