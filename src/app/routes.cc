#include "app/routes.h"

#include "storage/migrate.h"

namespace ruralec::app {
namespace {

using http::Json;

const runtime::Dict* FindDict(const runtime::Context& ctx, const std::string& name) {
  for (const runtime::Module* m : ctx.modules()) {
    for (const runtime::Dict& d : m->dicts) {
      if (d.name == name) return &d;
    }
  }
  return nullptr;
}

// GET /dicts/{name}: the select options and tags a module declares (fixed or loaded).
void RegisterDicts(http::Server& s, runtime::Context& ctx) {
  s.Get("/dicts/([a-z_]+)", {}, [&ctx](http::Request& req, http::Reply&) -> Result<Json> {
    std::string name = req.Match(1);
    const runtime::Dict* d = FindDict(ctx, name);
    if (!d) return Error::NotFound("字典 " + name + " 不存在");
    std::vector<runtime::DictEntry> entries = d->entries;
    if (d->load) {
      ASSIGN_OR_RETURN(entries, d->load(ctx));
    }
    Json out = Json::array();
    for (const auto& e : entries) out.push_back({{"value", e.value}, {"label", e.label}});
    return out;
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
    if (m->routes) m->routes(*server, ctx);
  }
  RegisterDicts(*server, ctx);
  RegisterModuleList(*server, ctx);
  return server;
}

}  // namespace ruralec::app
