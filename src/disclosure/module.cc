#include "disclosure/module.h"

#include "disclosure/api/disclosure_handlers.h"
#include "disclosure/api/public_handlers.h"
#include "disclosure/disclosure.h"
#include "http/server.h"
#include "runtime/context.h"

namespace ruralec::disclosure {
namespace {

std::vector<runtime::DictEntry> KindEntries() {
  std::vector<runtime::DictEntry> out;
  for (Kind k : AllKinds()) out.push_back({KindName(k), KindLabel(k)});
  return out;
}

std::vector<runtime::DictEntry> StateEntries() {
  std::vector<runtime::DictEntry> out;
  for (State s :
       {State::kDraft, State::kSubmitted, State::kPublished, State::kSuperseded, State::kWithdrawn})
    out.push_back({StateName(s), StateLabel(s)});
  return out;
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "disclosure";
    m.title = "信息公开";
    m.depends = {"region", "account", "programme", "funds",  "projects",
                 "award",  "entity",  "products",  "station"};
    m.tables = {"disclosure_publications"};
    m.permissions = {
        {"disclosure:read", "查看信息公开的草稿和发布记录", {"county_staff", "auditor"}},
        {"disclosure:edit", "编制和提交信息公开草稿", {"county_staff"}},
        {"disclosure:approve", "审核发布和撤回信息公开（不能是编制人）", {"county_staff"}},
    };
    m.dicts = {{"disclosure_kinds", KindEntries(), nullptr, "信息公开类别"},
               {"disclosure_statuses", StateEntries(), nullptr, "信息公开状态"}};
    m.audit_actions = {{"disclosure.draft", "编制信息公开草稿"},
                       {"disclosure.submit", "提交信息公开"},
                       {"disclosure.publish", "发布信息公开"},
                       {"disclosure.withdraw", "撤回信息公开"}};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(
          s, Deps{c.db(), c.audit(), c.clock(), c.cipher(), c.record_mac(), c.indicators()});
      api::RegisterPublicRoutes(s, c.db(), c.clock());
    };
    return m;
  }();
  return m;
}

}  // namespace ruralec::disclosure
