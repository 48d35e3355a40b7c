// Append-only, hash-chained audit log. Every row's hash covers the previous row's hash and the
// row itself; audit_head keeps the last seq/hash. Verify() walks the chain and names the first
// row that was edited, deleted or reordered. Only the audit admin reads it (checked by callers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/db.h"

namespace ruralec::audit {

// Who did it. For anonymous actions (a failed login) user_id is empty and username is what
// was submitted.
struct Actor {
  std::optional<int64_t> user_id;
  std::string username;
  std::string role;  // comma-separated roles held at the time
  std::string ip;
  std::string region_code;  // the actor's region ("" when unknown)
};

enum class Outcome { kSuccess, kFailure, kDenied };
const char* OutcomeName(Outcome o);

struct Entry {
  Actor actor;
  std::string action;       // e.g. "auth.login", "user.create", "region.tags.update"
  std::string object_type;  // e.g. "user", "region"
  std::string object_id;
  Outcome outcome = Outcome::kSuccess;
  std::string detail;  // short before/after; truncated to kMaxDetail bytes
};
inline constexpr size_t kMaxDetail = 2000;

struct Record {
  int64_t seq = 0;
  int64_t at = 0;
  std::optional<int64_t> user_id;
  std::string username, role, ip, action, object_type, object_id, outcome, detail, region_code;
};

struct Filter {
  std::string username, action, object_type, outcome;
  std::optional<int64_t> from_ms, to_ms;  // inclusive bounds on `at`
};

struct VerifyReport {
  bool ok = true;
  int64_t checked = 0;
  std::optional<int64_t> first_bad_seq;
  std::string reason;
};

class AuditLog {
 public:
  explicit AuditLog(const Clock& clock) : clock_(clock) {}
  // Appends inside the connection's current transaction, or in its own write transaction.
  Status Append(storage::Connection& conn, const Entry& entry) const;
  Result<Page<Record>> List(storage::Connection& conn, const Filter& filter,
                            const PageRequest& page) const;
  Result<VerifyReport> Verify(storage::Connection& conn) const;

 private:
  Status AppendLocked(storage::Connection& conn, const Entry& entry) const;
  const Clock& clock_;
};

}  // namespace ruralec::audit
