// Append-only, keyed hash-chained audit log. Every row's hash is a keyed BLAKE2b tag (key from
// the key file, never in the database) over the previous row's hash and every stored column of
// the row; audit_head keeps the last seq/hash, the first keyed seq and its own tag. Verify()
// walks the chain and names the first row that was edited, deleted or reordered. Rows written
// before the chain was keyed (legacy, SHA-256) stay as they were: the first keyed row covers the
// last legacy hash, so editing a legacy row breaks it. Only the audit admin reads the log
// (checked by callers); reads and verify details are limited to the caller's region scope.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
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
  std::string county_code;  // county of region_code ("" when the actor has no region)
};

// Whether a row is in a caller's scope: its actor's region lies in `scope`'s subtree. Rows
// without a region (CLI operations, sign-in attempts before identification) belong to the
// deployment: visible to callers at county level or above. An empty scope sees everything.
bool InScope(const RegionCode& scope, const Record& r);

struct Filter {
  std::string username, action, object_type, outcome;
  std::optional<int64_t> from_ms, to_ms;  // inclusive bounds on `at`
  RegionCode scope;                       // only rows InScope(scope, row); empty = all (CLI)
};

// The whole chain is always checked (one chain links every county's rows, so no part verifies
// alone); `ok` is its verdict. `checked` counts the rows in the caller's scope; `first_bad_seq`
// names a deleted or reordered row to anyone, an edited row only when it is in scope (otherwise
// it stays empty and `reason` says the damage is outside the caller's scope).
struct VerifyReport {
  bool ok = true;
  int64_t checked = 0;
  std::optional<int64_t> first_bad_seq;
  std::string reason;
  int64_t keyed_from = 1;  // first keyed seq; rows before it are legacy (SHA-256, unkeyed)
  int64_t legacy = 0;      // legacy rows checked (in scope)
};

class AuditLog {
 public:
  // `mac` keys the chain: the same key must be given to every instance and to `audit verify`.
  AuditLog(const Clock& clock, crypto::RecordMac mac) : clock_(clock), mac_(std::move(mac)) {}
  // Appends inside the connection's current transaction, or in its own write transaction.
  Status Append(storage::Connection& conn, const Entry& entry) const;
  Result<Page<Record>> List(storage::Connection& conn, const Filter& filter,
                            const PageRequest& page) const;
  // Checks rows 1..head.seq as of the start (rows appended meanwhile are left for next time).
  Result<VerifyReport> Verify(storage::Connection& conn, const RegionCode& scope = {}) const;

 private:
  Status AppendLocked(storage::Connection& conn, const Entry& entry) const;
  // Inserts `r` (seq and at set) after `prev` and returns its keyed hash.
  Result<std::string> InsertRow(storage::Connection& conn, Record r, const std::string& prev) const;
  // The first append after legacy rows 1..seq-1 (seq == keyed_from) first writes an
  // `audit.chain.keyed` entry at `seq` that anchors them; returns the seq left for the caller's
  // entry and advances `prev` to the anchor's hash.
  Result<int64_t> AnchorLegacy(storage::Connection& conn, int64_t seq, std::string& prev) const;
  bool HeadIntact(int64_t seq, const std::string& hash, int64_t keyed_from,
                  const std::string& tag) const;
  bool RowIntact(const std::string& prev, const Record& r, const std::string& stored_hash,
                 bool legacy) const;
  const Clock& clock_;
  crypto::RecordMac mac_;
};

}  // namespace ruralec::audit
