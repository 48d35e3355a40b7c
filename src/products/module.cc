#include "products/module.h"

#include "http/server.h"
#include "products/api/epcis_handlers.h"
#include "products/api/products_handlers.h"
#include "products/api/public_handlers.h"
#include "products/api/trace_handlers.h"
#include "products/cli/trace_command.h"
#include "products/indicators.h"
#include "products/links.h"
#include "products/products.h"
#include "products/trace.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"

namespace ruralec::products {
namespace {

template <typename List>
std::vector<runtime::DictEntry> EntriesOf(const List& list) {
  std::vector<runtime::DictEntry> out;
  for (const auto& e : list) out.push_back({e.value, e.label});
  return out;
}

std::vector<runtime::DictEntry> AdmissionEntries() {
  std::vector<runtime::DictEntry> out;
  for (Admission a : AllAdmissions()) out.push_back({AdmissionName(a), AdmissionLabel(a)});
  return out;
}

std::vector<runtime::DictEntry> ChecklistEntries() {
  std::vector<runtime::DictEntry> out;
  for (const auto& i : ChecklistItems()) out.push_back({i.code, i.label});
  return out;
}

std::vector<runtime::DictEntry> StepEntries() {
  std::vector<runtime::DictEntry> out;
  for (const auto& s : trace::Steps()) out.push_back({s.name, s.label});
  return out;
}

std::vector<runtime::DictEntry> UnitEntries() {
  std::vector<runtime::DictEntry> out;
  for (const auto& [code, label] : trace::Units()) out.push_back({code, label});
  return out;
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "products";
    m.title = "特色产品库与溯源";
    m.depends = {"region", "account", "entity", "settings", "attachments", "audit", "sales"};
    m.tables = {"product_grade_scales", "products",         "product_certifications",
                "product_admissions",   "trace_batches",    "trace_events",
                "epcis_events",         "epcis_event_epcs", "trace_scans",
                "trace_chain_marks"};
    m.permissions = {
        {"products:read",
         "查看特色产品库、认证证书和准入记录",
         {"county_staff", "town_staff", "entity", "auditor"}},
        {"products:edit",
         "登记特色产品和认证证书、申请入库",
         {"county_staff", "town_staff", "entity"}},
        {"products:review",
         "审核产品准入（准予、退回、不予入库、暂停、移出），制定分等分级标准",
         {"county_staff"}},
        {"products:trace",
         "登记溯源批次和溯源事件（种植、养殖、加工、包装、检测、运输、销售）及其更正",
         {"county_staff", "town_staff", "entity"}},
        {"products:epcis:read", "查询本县的 EPCIS 事件", {"county_staff", "auditor"}},
        {"products:epcis:capture", "采集 EPCIS 2.0 事件文档", {"county_staff"}},
        {"products:dict:edit", "维护本县的特色产品品类字典", {"county_staff"}},
    };
    m.dicts = {
        {kCategoryDict, EntriesOf(BuiltinCategories()), nullptr, "特色产品品类",
         runtime::DictExtension{"products:dict:edit"}},
        {"product_certification_kinds", EntriesOf(CertificationKinds()), nullptr,
         "认证类别（三品一标、达标合格证）"},
        {"product_admission_states", AdmissionEntries(), nullptr, "产品准入状态"},
        {"product_admission_checklist", ChecklistEntries(), nullptr, "产品准入审核项"},
        {"trace_steps", StepEntries(), nullptr, "溯源环节"},
        {"trace_units", UnitEntries(), nullptr, "溯源数量单位"},
    };
    m.params = {trace::BaseUrlParam()};
    m.indicators = indicators::Sources();
    m.audit_actions = {{"products.create", "登记特色产品"},
                       {"products.update", "修改特色产品"},
                       {"products.scale.create", "制定分等分级标准"},
                       {"products.cert.create", "登记认证证书"},
                       {"products.cert.update", "修改认证证书"},
                       {"products.admission", "产品准入操作"},
                       {"trace.batch.create", "登记溯源批次"},
                       {"trace.event.record", "登记溯源事件"},
                       {"trace.event.correct", "更正溯源事件（声明有误）"},
                       {"epcis.capture", "采集 EPCIS 事件"},
                       {"products.file.add", "上传产品照片"},
                       {"products.file.download", "下载产品照片"},
                       {"products.cert.file.add", "上传证书扫描件"},
                       {"products.cert.file.download", "下载证书扫描件"}};
    // An imported entity these records name cannot be removed by undoing its import.
    m.import_dependents = {runtime::ReferencesTo(
        "entities", "经营主体",
        {{"SELECT COUNT(*) FROM products WHERE entity_id", "个特色产品"},
         {"SELECT COUNT(*) FROM product_certifications WHERE entity_id", "张认证证书"},
         {"SELECT COUNT(*) FROM trace_batches WHERE entity_id", "个溯源批次"}})};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock()});
      trace::Deps td{c.db(), c.audit(), c.clock(), c.record_mac()};
      api::RegisterTraceRoutes(s, td);
      api::RegisterEpcisRoutes(s, td);
      api::RegisterPublicRoutes(s, td);
    };
    m.commands = cli::AddTraceCommand;
    return m;
  }();
  return m;
}

}  // namespace ruralec::products
