#include "audit/api/audit_handlers.h"

#include "core/date.h"
#include "http/audit_entry.h"
#include "http/list.h"

namespace ruralec::audit::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

// `from`/`to` are civil dates (Asia/Shanghai); `to` includes the whole day.
Result<std::optional<int64_t>> DateBound(const Request& req, const std::string& name, bool end) {
  std::string v = req.Query(name);
  if (v.empty()) return std::optional<int64_t>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(v, name));
  int64_t start = (d.DaysSinceEpoch() + (end ? 1 : 0)) * 86'400'000 - 8LL * 3'600'000;
  return std::optional<int64_t>(end ? start - 1 : start);
}

Json RecordJson(const Record& r) {
  return Json{{"seq", r.seq},
              {"at", FormatUtc(r.at)},
              {"username", r.username},
              {"role", r.role},
              {"ip", r.ip},
              {"action", r.action},
              {"object_type", r.object_type},
              {"object_id", r.object_id},
              {"outcome", r.outcome},
              {"detail", r.detail},
              {"region_code", r.region_code}};
}

}  // namespace

Result<Filter> FilterFrom(const Request& req) {
  Filter f{req.Query("user"), req.Query("action"), req.Query("object_type"), req.Query("outcome")};
  ASSIGN_OR_RETURN(f.from_ms, DateBound(req, "from", false));
  ASSIGN_OR_RETURN(f.to_ms, DateBound(req, "to", true));
  f.scope = req.principal().region;  // an audit admin reads its own subtree only
  return f;
}

void RegisterRoutes(http::Server& s, storage::Database& db, const AuditLog& audit) {
  s.Get("/audit", {.permission = "audit:read"},
        [&db, &audit](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(Filter f, FilterFrom(req));
          auto conn = db.Acquire();
          ASSIGN_OR_RETURN(auto p, audit.List(*conn, f, page));
          return http::PageJson(p, page, RecordJson);
        });
  s.Post(
      "/audit/verify", {.permission = "audit:read"},
      [&db, &audit](Request& req, Reply&) -> Result<Json> {
        auto conn = db.Acquire();
        ASSIGN_OR_RETURN(VerifyReport rep, audit.Verify(*conn, req.principal().region));
        (void)audit.Append(*conn, http::AuditEntry(req, "audit.verify", "audit_log", "", rep.reason,
                                                   rep.ok ? Outcome::kSuccess : Outcome::kFailure));
        return Json{{"ok", rep.ok},
                    {"checked", rep.checked},
                    {"first_bad_seq", rep.first_bad_seq ? Json(*rep.first_bad_seq) : Json(nullptr)},
                    {"reason", rep.reason},
                    {"keyed_from", rep.keyed_from},
                    {"legacy", rep.legacy}};
      });
}

}  // namespace ruralec::audit::api
