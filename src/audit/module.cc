#include "audit/module.h"

#include "audit/api/audit_handlers.h"
#include "audit/api/export_routes.h"
#include "audit/cli/audit_command.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::audit {
namespace {

// Every module's audit action labels, for the audit page's filter and tags.
Result<std::vector<runtime::DictEntry>> ActionLabels(runtime::Context& ctx) {
  std::vector<runtime::DictEntry> out;
  for (const runtime::Module* m : ctx.modules()) {
    for (const auto& a : m->audit_actions) out.push_back({a.action, a.label});
  }
  return out;
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "audit";
    m.title = "审计日志";
    m.tables = {"audit_log", "audit_head"};
    m.permissions = {{"audit:read", "查看审计日志", {"audit_admin"}}};
    m.dicts = {
        {"audit_outcomes",
         {{"success", "成功"}, {"failure", "失败"}, {"denied", "拒绝"}},
         nullptr,
         "审计结果"},
        {"audit_actions", {}, ActionLabels, "审计操作"},
    };
    m.audit_actions = {{"access.denied", "越权访问"},
                       {"audit.verify", "校验日志"},
                       {"audit.chain.keyed", "审计链启用密钥"}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, c.db(), c.audit());
      api::RegisterExport(s, c);
    };
    m.commands = AddAuditCommand;
    return m;
  }();
  return m;
}

}  // namespace ruralec::audit
