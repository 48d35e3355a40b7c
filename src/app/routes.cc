#include "app/routes.h"

#include "core/date.h"
#include "http/params.h"
#include "runtime/dicts.h"
#include "storage/migrate.h"

namespace ruralec::app {
namespace {

using http::Json;

// GET /dicts/{name}: the select options and tags a module declares (fixed or loaded), with the
// caller's county's enabled additions for an extensible one; `?all=true` adds the disabled
// ones too (to show the label of a record that carries one).
void RegisterDicts(http::Server& s, runtime::Context& ctx) {
  s.Get("/dicts/([a-z_]+)", {}, [&ctx](http::Request& req, http::Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(runtime::FoundDict f, runtime::FindDict(ctx, req.Match(1)));
    ASSIGN_OR_RETURN(std::optional<bool> all, http::QueryOptBool(req, "all"));
    auto conn = ctx.db().Acquire();
    ASSIGN_OR_RETURN(auto entries, runtime::CountyDictEntries(ctx, *conn, *f.dict,
                                                              req.principal().region.county()));
    Json out = Json::array();
    for (const auto& e : entries) {
      if (e.disabled && !all.value_or(false)) continue;
      out.push_back({{"value", e.value}, {"label", e.label}});
    }
    return out;
  });
}

Result<CivilDate> DateParam(const http::Request& req, const std::string& name, CivilDate dflt) {
  std::string v = req.Query(name);
  if (v.empty()) return dflt;
  return CivilDate::Parse(v, name);
}

// GET /indicators/{id}?region=&from=&to=&param=…: one indicator over a region subtree and a
// date range, computed by whichever module registered it (runtime::IndicatorRegistry). Scoped
// to the caller's region; "no data source" is an answer (status no_data_source, value null),
// not an error. Rates carry numerator and denominator.
void RegisterIndicatorRead(http::Server& s, runtime::Context& ctx) {
  s.Get("/indicators/([a-z0-9_]+)", {true, "programme:read"},
        [&ctx](http::Request& req, http::Reply&) -> Result<Json> {
          std::string id = req.Match(1);
          if (!ctx.indicators().Known(id)) return Error::NotFound("指标 " + id + " 不存在");
          RegionCode region = req.principal().region;
          if (std::string r = req.Query("region"); !r.empty()) {
            auto code = RegionCode::Parse(r);
            if (!code.ok()) return Error::Invalid("region", "区划代码无效: " + r);
            region = *code;
          }
          if (!req.principal().InScope(region))
            return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
          ASSIGN_OR_RETURN(CivilDate to, DateParam(req, "to", ShanghaiDate(ctx.clock().NowMs())));
          ASSIGN_OR_RETURN(CivilDate from, DateParam(req, "from", to));
          if (to < from) return Error::Invalid("to", "结束日期不能早于开始日期");
          runtime::IndicatorQuery q{id, region, from, to, req.QueryParams()};
          for (const char* k : {"region", "from", "to"}) q.params.erase(k);
          auto conn = ctx.db().Acquire();
          ASSIGN_OR_RETURN(runtime::Measurement m, ctx.indicators().Compute(*conn, q));
          bool ok = m.status == runtime::Measurement::Status::kOk;
          auto opt = [](const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); };
          return Json{{"indicator", id},
                      {"region", region.str()},
                      {"from", from.ToString()},
                      {"to", to.ToString()},
                      {"params", q.params},
                      {"status", ok ? "ok" : "no_data_source"},
                      {"value", ok ? opt(m.value) : Json(nullptr)},
                      {"unit", ctx.indicators().Unit(id)},
                      {"numerator", opt(m.numerator)},
                      {"denominator", opt(m.denominator)},
                      {"source", m.source},
                      {"reason", m.reason}};
        });
}

// GET /modules: the modules this server has, so the console shows only their pages.
void RegisterModuleList(http::Server& s, runtime::Context& ctx) {
  s.Get("/modules", {}, [&ctx](http::Request&, http::Reply&) -> Result<Json> {
    Json out = Json::array();
    for (const runtime::Module* m : ctx.modules())
      out.push_back({{"name", m->name}, {"title", m->title}});
    return out;
  });
}

}  // namespace

std::unique_ptr<http::Server> BuildServer(runtime::Context& ctx, const http::ServerConfig& config) {
  auto server = std::make_unique<http::Server>(config, ctx.accounts(), ctx.audit(), ctx.db());
  storage::Database& db = ctx.db();
  server->SetReadiness([&db]() -> Status {
    auto conn = db.Acquire();
    ASSIGN_OR_RETURN(int v, storage::SchemaVersion(*conn));
    if (v < storage::EmbeddedMigrations().back().version) {
      return Error{ErrorCode::kUnavailable, "数据库结构版本过旧", ""};
    }
    return {};
  });
  for (const runtime::Module* m : ctx.modules()) {
    server->SetRegistrar(m->name);
    if (m->routes) m->routes(*server, ctx);
  }
  server->SetRegistrar("");
  RegisterDicts(*server, ctx);
  RegisterModuleList(*server, ctx);
  RegisterIndicatorRead(*server, ctx);
  return server;
}

}  // namespace ruralec::app
