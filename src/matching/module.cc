#include "matching/module.h"

#include "households/help.h"
#include "http/server.h"
#include "matching/agreements.h"
#include "matching/api/matching_handlers.h"
#include "matching/cli/matching_command.h"
#include "matching/matching_store.h"
#include "matching/purchase_link.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"

namespace ruralec::matching {
namespace {

std::vector<runtime::DictEntry> ModelEntries() {
  std::vector<runtime::DictEntry> out;
  for (const Model& m : Models()) out.push_back({m.code, m.label});
  return out;
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "matching";
    m.title = "产销对接与合作协议";
    m.depends = {"region", "account", "entity", "station", "households", "attachments"};
    m.tables = {"listings",        "demands",           "matches",
                "agreements",      "agreement_parties", "agreement_products",
                "agreement_sales", "matching_edits",    "matching_edit_fields"};
    m.permissions = {
        {"listing:read",
         "查看辖区内的农产品供应信息（含卖方脱敏信息）",
         {"county_staff", "town_staff", "auditor"}},
        {"listing:read:own", "查看本站点发布的农产品供应信息", {"station_operator"}},
        {"listing:browse",
         "浏览本县在售的农产品供应信息（不含个人信息，对接后可见卖方联系方式）",
         {"entity"}},
        {"listing:edit",
         "发布、修改、撤回农产品供应信息（站点运营人员限本站点）",
         {"county_staff", "town_staff", "station_operator"}},
        {"demand:read",
         "查看采购需求及匹配建议（经营主体限本主体）",
         {"county_staff", "town_staff", "auditor", "entity"}},
        {"demand:edit",
         "发布、关闭采购需求（经营主体限本主体）",
         {"county_staff", "town_staff", "entity"}},
        {"match:accept",
         "确认产销对接（接受匹配建议或认领供应信息）",
         {"county_staff", "town_staff", "entity"}},
        {"match:read",
         "查看产销对接记录（经营主体限本主体）",
         {"county_staff", "town_staff", "finance_staff", "auditor", "entity"}},
        {"agreement:read",
         "查看合作协议（经营主体限本主体）",
         {"county_staff", "town_staff", "finance_staff", "auditor", "entity"}},
        {"agreement:edit",
         "登记、修改合作协议，上传协议文本，填报协议带动的网络销售额",
         {"county_staff", "town_staff", "entity"}},
    };
    m.dicts = {{"agreement_models", ModelEntries(), nullptr, "利益联结模式"},
               {"agreement_party_kinds",
                {{"household", "农户"},
                 {"coop", "专业合作社"},
                 {"base", "基地"},
                 {"village", "村集体"},
                 {"entity", "经营主体"}},
                nullptr,
                "协议对象类型"},
               {"listing_statuses",
                {{"open", "在售"}, {"matched", "已对接"}, {"withdrawn", "已撤回"}},
                nullptr,
                "供应信息状态"},
               {"demand_statuses",
                {{"open", "求购中"}, {"filled", "已满足"}, {"closed", "已关闭"}},
                nullptr,
                "采购需求状态"}};
    m.audit_actions = {{"listing.create", "发布农产品供应信息"},
                       {"listing.update", "修改农产品供应信息"},
                       {"listing.withdraw", "撤回农产品供应信息"},
                       {"listing.file.add", "上传供应信息照片"},
                       {"demand.create", "发布采购需求"},
                       {"demand.close", "关闭采购需求"},
                       {"match.accept", "确认产销对接（匹配建议）"},
                       {"match.take", "确认产销对接（认领供应信息）"},
                       {"agreement.create", "登记合作协议"},
                       {"agreement.update", "修改合作协议"},
                       {"agreement.file.add", "上传合作协议文本"},
                       {"agreement.sales", "填报协议带动的网络销售额"}};
    // An imported entity these records name cannot be removed by undoing its import.
    m.import_dependents = {runtime::ReferencesTo(
        "entities", "经营主体",
        {{"SELECT COUNT(*) FROM demands WHERE entity_id", "条采购需求"},
         {"SELECT COUNT(*) FROM matches WHERE entity_id", "条产销对接"},
         {"SELECT COUNT(*) FROM agreements WHERE entity_id", "份合作协议"},
         {"SELECT COUNT(*) FROM agreement_parties WHERE party_entity_id", "个协议对象"},
         {"SELECT COUNT(*) FROM agreement_sales WHERE entity_id", "条协议带动销售额"}})};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock(), c.cipher()});
    };
    m.commands = AddMatchingCommands;
    // A household whose listing was taken up counts as helped (households' coverage).
    households::AddHelpSource("matching", store::HouseholdsMatched);
    // A purchase from the poor may name the agreement or listing it was made under.
    households::SetPurchaseLinkCheck(CheckPurchaseLink);
    return m;
  }();
  return m;
}

}  // namespace ruralec::matching
