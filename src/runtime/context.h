// What every module may use at run time: the database, the audit writer, the clock, the field
// cipher, the record MAC (keyed hash chains of ledgers), the accounts service (sessions,
// principals), the indicator registry and the module list of the process. Opened once per process
// (server or command) by the composition root. Contract: Open applies the migrations, loads (or
// creates, 0600) the field key file, installs the role grants every module declares and syncs them
// into the roles tables, registers every module's indicator computations, and fails — naming the
// field — on the first problem.
#pragma once

#include <memory>
#include <string>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "runtime/indicators.h"
#include "runtime/module.h"
#include "storage/db.h"

namespace ruralec::runtime {

struct Options {
  std::string db;        // SQLite file path or postgresql:// URL
  std::string key_file;  // "" = <db>.key for SQLite; required for PostgreSQL
  int pool_size = 8;
};

class Context {
 public:
  static Result<std::unique_ptr<Context>> Open(const Options& options, const Clock& clock,
                                               const ModuleList& modules);

  storage::Database& db() { return *db_; }
  const Clock& clock() const { return clock_; }
  const audit::AuditLog& audit() const { return *audit_; }
  account::Accounts& accounts() { return *accounts_; }
  const crypto::FieldCipher& cipher() const { return *cipher_; }
  // The key of the audit chain, also for a module's own chain (funds: context "funds.transfer").
  const crypto::RecordMac& record_mac() const { return *record_mac_; }
  const IndicatorRegistry& indicators() const { return indicators_; }
  const ModuleList& modules() const { return modules_; }

 private:
  Context(const Clock& clock, ModuleList modules) : clock_(clock), modules_(std::move(modules)) {}
  Status RegisterIndicators();

  const Clock& clock_;
  ModuleList modules_;
  IndicatorRegistry indicators_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<crypto::FieldCipher> cipher_;
  std::unique_ptr<crypto::RecordMac> record_mac_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<account::Accounts> accounts_;
};

// The role grants declared by the modules: role name -> permissions.
std::map<std::string, std::vector<std::string>> Grants(const ModuleList& modules);

}  // namespace ruralec::runtime
