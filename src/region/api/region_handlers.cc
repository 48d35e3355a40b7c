#include "region/api/region_handlers.h"

#include "http/audit_entry.h"
#include "http/list.h"
#include "region/region.h"

namespace ruralec::region::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json RegionJson(const Region& r) {
  return Json{{"code", r.code.str()},
              {"name", r.name},
              {"level", RegionLevelName(r.level)},
              {"parent_code", r.parent.empty() ? Json(nullptr) : Json(r.parent.str())},
              {"tags", r.tags},
              {"child_count", r.child_count}};
}

// The region named in the path, if the caller may see it.
Result<RegionCode> ScopedPathCode(const Request& req) {
  ASSIGN_OR_RETURN(RegionCode code, RegionCode::Parse(req.Match(1)));
  if (!req.principal().InScope(code)) {
    return Error::Forbidden("区划 " + code.str() + " 不在您的管辖范围内");
  }
  return code;
}

}  // namespace

void RegisterRoutes(http::Server& s, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock) {
  const std::string code_re = R"(/regions/(\d{2}|\d{4}|\d{6}|\d{9}|\d{12}))";
  s.Get(code_re, {.permission = "region:read"}, [&db](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(RegionCode code, ScopedPathCode(req));
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(Region r, Get(*conn, code));
    return RegionJson(r);
  });
  s.Get(code_re + "/children", {.permission = "region:read"},
        [&db](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(RegionCode code, ScopedPathCode(req));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          auto conn = db.Acquire();
          ASSIGN_OR_RETURN(auto p, Children(*conn, code, page));
          return http::PageJson(p, page, RegionJson);
        });
  s.Get(code_re + "/path", {.permission = "region:read"},
        [&db](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(RegionCode code, ScopedPathCode(req));
          auto conn = db.Acquire();
          ASSIGN_OR_RETURN(auto path, Path(*conn, code));
          Json out = Json::array();
          for (const auto& r : path) out.push_back(RegionJson(r));
          return out;
        });
  s.Get("/regions", {.permission = "region:read"}, [&db](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(auto p, Search(*conn, req.principal().region, req.Query("q"), page));
    return http::PageJson(p, page, RegionJson);
  });
  s.Put(
      code_re + "/tags", {.permission = "region:tag:edit"},
      [&db, &audit, &clock](Request& req, Reply&) -> Result<Json> {
        ASSIGN_OR_RETURN(RegionCode code, ScopedPathCode(req));
        ASSIGN_OR_RETURN(Json b, req.Body());
        ASSIGN_OR_RETURN(auto tags, http::StringArray(b, "tags"));
        auto conn = db.Acquire();
        return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
          ASSIGN_OR_RETURN(auto before, SetTags(*conn, code, tags, clock.NowMs()));
          ASSIGN_OR_RETURN(Region after, Get(*conn, code));
          RETURN_IF_ERROR(audit.Append(
              *conn, http::AuditEntry(
                         req, "region.tags.update", "region", code.str(),
                         "before=" + Json(before).dump() + " after=" + Json(after.tags).dump())));
          return RegionJson(after);
        });
      });
  // Adds one tag: a read-modify-write on the server, safe under concurrency (the transaction
  // serialises writers on SQLite and is retried on a serialization failure on PostgreSQL).
  s.Post(
      code_re + "/tags/([a-z][a-z0-9_]*)", {.permission = "region:tag:edit"},
      [&db, &audit, &clock](Request& req, Reply&) -> Result<Json> {
        ASSIGN_OR_RETURN(RegionCode code, ScopedPathCode(req));
        std::string tag = req.Match(2);
        auto conn = db.Acquire();
        return storage::InTransaction<Json>(*conn, storage::TxMode::kWrite, [&]() -> Result<Json> {
          ASSIGN_OR_RETURN(Region before, Get(*conn, code));
          std::vector<std::string> tags = before.tags;
          tags.push_back(tag);
          RETURN_IF_ERROR(SetTags(*conn, code, tags, clock.NowMs()));
          ASSIGN_OR_RETURN(Region after, Get(*conn, code));
          RETURN_IF_ERROR(
              audit.Append(*conn, http::AuditEntry(req, "region.tags.update", "region", code.str(),
                                                   "before=" + Json(before.tags).dump() +
                                                       " after=" + Json(after.tags).dump())));
          return RegionJson(after);
        });
      });
  s.Get("/region-tags", {.permission = "region:read"}, [&db](Request&, Reply&) -> Result<Json> {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(auto defs, ListTagDefs(*conn));
    Json out = Json::array();
    for (const auto& d : defs)
      out.push_back({{"name", d.name}, {"label", d.label}, {"builtin", d.builtin}});
    return out;
  });
  s.Post("/region-tags", {.permission = "region:tag:define"},
         [&db, &audit, &clock](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json b, req.Body());
           ASSIGN_OR_RETURN(auto name, http::RequiredString(b, "name"));
           ASSIGN_OR_RETURN(auto label, http::RequiredString(b, "label"));
           auto conn = db.Acquire();
           std::string stored;  // the label as stored (trimmed)
           RETURN_IF_ERROR(storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
             RETURN_IF_ERROR(AddTagDef(*conn, {name, label, false}, clock.NowMs()));
             ASSIGN_OR_RETURN(auto defs, ListTagDefs(*conn));
             for (const auto& d : defs)
               if (d.name == name) stored = d.label;
             return audit.Append(*conn, http::AuditEntry(req, "region.tag.define", "region_tag",
                                                         name, "label=" + stored));
           }));
           reply.status = 201;
           return Json{{"name", name}, {"label", stored}, {"builtin", false}};
         });
}

}  // namespace ruralec::region::api
