#include "http/audit_entry.h"

namespace ruralec::http {

audit::Entry AuditEntry(const Request& req, std::string action, std::string object_type,
                        std::string object_id, std::string detail, audit::Outcome outcome) {
  return {req.principal().ToActor(), std::move(action), std::move(object_type),
          std::move(object_id),      outcome,           std::move(detail)};
}

audit::Entry AuditEntry(const Request& req, std::string action, std::string object_type,
                        int64_t object_id, std::string detail, audit::Outcome outcome) {
  return AuditEntry(req, std::move(action), std::move(object_type), std::to_string(object_id),
                    std::move(detail), outcome);
}

}  // namespace ruralec::http
