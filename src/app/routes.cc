#include "app/routes.h"

#include "account/api/account_handlers.h"
#include "account/roles.h"
#include "audit/api/audit_handlers.h"
#include "calendar/api/calendar_handlers.h"
#include "region/api/region_handlers.h"
#include "region/region.h"
#include "storage/migrate.h"
#if __has_include("programme/api/programme_handlers.h")
#include "programme/api/programme_handlers.h"
#endif
#if __has_include("routing/api/plan_handlers.h")
#include "routing/api/plan_handlers.h"
#endif
#if __has_include("award/api/award_handlers.h")
#include "award/api/award_handlers.h"
#endif
#if __has_include("sales/api/sales_handlers.h")
#include "sales/api/sales_handlers.h"
#endif
#if __has_include("sales/indicators/sales_indicators.h")
#include <spdlog/spdlog.h>

#include "sales/indicators/sales_indicators.h"
#endif

namespace ruralec::app {
namespace {

using http::Json;

Json Pairs(std::initializer_list<std::pair<const char*, const char*>> kv) {
  Json out = Json::array();
  for (const auto& [v, l] : kv) out.push_back({{"value", v}, {"label", l}});
  return out;
}

// Small fixed dictionaries the console shows as tags and select options.
void RegisterDicts(http::Server& s, storage::Database& db) {
  s.Get("/dicts/([a-z_]+)", {}, [&db](http::Request& req, http::Reply&) -> Result<Json> {
    std::string name = req.Match(1);
    if (name == "roles") {
      Json out = Json::array();
      for (const auto& r : account::BuiltinRoles())
        out.push_back({{"value", r.name}, {"label", r.label}});
      return out;
    }
    if (name == "region_levels") {
      return Pairs({{"province", "省"},
                    {"city", "市"},
                    {"county", "县(区)"},
                    {"town", "乡镇(街道)"},
                    {"village", "村(社区)"}});
    }
    if (name == "user_status") return Pairs({{"active", "正常"}, {"disabled", "停用"}});
    if (name == "entity_kinds") {
      return Pairs({{"enterprise", "企业"},
                    {"cooperative", "合作社"},
                    {"family_farm", "家庭农场"},
                    {"individual_business", "个体工商户"},
                    {"operator", "运营服务商"}});
    }
    if (name == "sales_directions") return Pairs({{"uplink", "上行"}, {"downlink", "下行"}});
    if (name == "audit_outcomes")
      return Pairs({{"success", "成功"}, {"failure", "失败"}, {"denied", "拒绝"}});
    if (name == "audit_actions") {
      return Pairs({{"auth.login", "登录"},
                    {"auth.logout", "退出"},
                    {"auth.lockout", "锁定"},
                    {"auth.password.change", "修改口令"},
                    {"user.create", "新建用户"},
                    {"user.update", "修改用户"},
                    {"user.roles.update", "修改角色"},
                    {"user.disable", "停用用户"},
                    {"user.enable", "启用用户"},
                    {"user.password.reset", "重置口令"},
                    {"user.unlock", "解锁"},
                    {"pii.view", "查看个人信息"},
                    {"region.tags.update", "修改区划标签"},
                    {"region.tag.define", "新增标签"},
                    {"region.import", "导入区划"},
                    {"calendar.year.put", "维护日历"},
                    {"security.policy.update", "修改口令策略"},
                    {"access.denied", "越权访问"},
                    {"audit.verify", "校验日志"},
                    {"entity.create", "登记经营主体"},
                    {"entity.update", "修改经营主体"},
                    {"entity.shop.create", "登记网店"},
                    {"entity.shop.update", "修改网店"},
                    {"entity.brand.create", "登记品牌"},
                    {"entity.brand.update", "修改品牌"},
                    {"entity.import", "导入经营主体"},
                    {"sales.record", "登记网络销售额"},
                    {"sales.correct", "更正网络销售额"},
                    {"sales.import", "导入网络销售额"}});
    }
    if (name == "region_tags") {
      auto conn = db.Acquire();
      ASSIGN_OR_RETURN(auto defs, region::ListTagDefs(*conn));
      Json out = Json::array();
      for (const auto& d : defs) out.push_back({{"value", d.name}, {"label", d.label}});
      return out;
    }
    return Error::NotFound("字典 " + name + " 不存在");
  });
}

}  // namespace

std::unique_ptr<http::Server> BuildServer(AppContext& ctx, const http::ServerConfig& config) {
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
  account::api::RegisterRoutes(*server, ctx.accounts());
  region::api::RegisterRoutes(*server, db, ctx.audit(), ctx.clock());
  calendar::api::RegisterRoutes(*server, db, ctx.audit(), ctx.clock());
  audit::api::RegisterRoutes(*server, db, ctx.audit());
  RegisterDicts(*server, db);
#if __has_include("programme/api/programme_handlers.h")
  programme::api::RegisterRoutes(*server, db, ctx.audit(), ctx.clock());
#endif
#if __has_include("sales/api/sales_handlers.h")
  sales::api::RegisterRoutes(*server, db, ctx.audit(), ctx.clock(), ctx.cipher());
#endif
#if __has_include("sales/indicators/sales_indicators.h")
  // The ledger feeds programme indicators (progress, lagging list, quarterly report).
  if (auto st = sales::indicators::RegisterProcessIndicators(); !st.ok())
    spdlog::error("sales indicators: {}", st.error().message);
#endif
#if __has_include("award/api/award_handlers.h")
  award::api::RegisterRoutes(*server, db, ctx.audit(), ctx.clock());
#endif
#if __has_include("routing/api/plan_handlers.h")
  routing::api::RegisterRoutes(*server, db, ctx.clock());
#endif
  return server;
}

}  // namespace ruralec::app
