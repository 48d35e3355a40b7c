// The audit entry of a request's action: the signed-in caller as actor (user, roles, IP,
// region), one line per handler instead of the six-field initialiser.
#pragma once

#include <cstdint>
#include <string>

#include "audit/audit.h"
#include "http/server.h"

namespace ruralec::http {

audit::Entry AuditEntry(const Request& req, std::string action, std::string object_type,
                        std::string object_id, std::string detail,
                        audit::Outcome outcome = audit::Outcome::kSuccess);
audit::Entry AuditEntry(const Request& req, std::string action, std::string object_type,
                        int64_t object_id, std::string detail,
                        audit::Outcome outcome = audit::Outcome::kSuccess);

}  // namespace ruralec::http
