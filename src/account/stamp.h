// What a service writes about the caller with each change: the stamp of the row
// (created_by/updated_at) and the audit entry of the action — one definition for every module
// (training, station, designation wrote their own before).
#pragma once

#include <cstdint>
#include <string>

#include "account/account.h"
#include "audit/audit.h"
#include "storage/stamp.h"

namespace ruralec::account {

// The stamp of a write by `who` at `now_ms`: their user id (none for the command line's system
// actor, whose id is not valid).
storage::Stamp StampOf(const Principal& who, int64_t now_ms);
// The audit entry of `who`'s successful `action` on the object (`type`, `id`).
audit::Entry AuditOf(const Principal& who, std::string action, std::string type, int64_t id,
                     std::string detail);

}  // namespace ruralec::account
