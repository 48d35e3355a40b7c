// Spreadsheet import of entities (multipart upload), its template, and the xlsx/csv export of
// the entity list.
#include "entity/api/routes_internal.h"
#include "entity/import.h"
#include "imports/api/upload.h"

namespace ruralec::entity::api {
namespace {

std::string Flag(bool b) { return b ? "是" : "否"; }

Result<Json> ExportEntities(const Deps& d, Request& req, Reply& reply) {
  ASSIGN_OR_RETURN(queries::EntityFilter f, EntityFilterFrom(req));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto p, queries::ListEntities(*conn, f, ExportPage()));
  RETURN_IF_ERROR(TooManyForExport(p.total));
  spreadsheet::Sheet sheet{
      "经营主体",
      {"统一社会信用代码", "主体名称", "主体类型", "区划代码", "所属区划", "注册日期", "联系人",
       "联系电话", "利益联结", "订单农业", "带动贫困户", "网店数", "品牌数", "经度", "纬度"},
      {},
      {}};
  using spreadsheet::ColumnType;
  sheet.types.assign(11, ColumnType::kText);
  sheet.types[5] = ColumnType::kDate;
  sheet.types.push_back(ColumnType::kInteger);  // 网店数
  sheet.types.push_back(ColumnType::kInteger);  // 品牌数
  sheet.types.push_back(ColumnType::kText);     // 经度 (as entered: 6 decimals)
  sheet.types.push_back(ColumnType::kText);     // 纬度
  for (const auto& r : p.items) {
    const auto& e = r.entity;
    sheet.rows.push_back({e.uscc, e.name, KindLabel(e.kind), e.region.str(), r.region_name,
                          e.registered_on ? e.registered_on->ToString() : "", e.contact_name,
                          e.mobile_masked.value_or(""), Flag(e.linkage.model),
                          Flag(e.linkage.contract_farming), Flag(e.linkage.employs_poor),
                          std::to_string(r.shop_count), std::to_string(r.brand_count),
                          e.point ? FormatDegrees(e.point->lng_e6) : "",
                          e.point ? FormatDegrees(e.point->lat_e6) : ""});
  }
  RETURN_IF_ERROR(FileReply(req, sheet, http::DatedStem("经营主体名录", d.clock.NowMs()), reply));
  return Json::object();
}

}  // namespace

void RegisterImportRoutes(http::Server& s, const Deps& d) {
  imports::api::SetReadPermission("entities", "entity:read");
  s.Post("/entities/import", {.permission = "entity:edit"}, [d](Request& req, Reply&) {
    imports::ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
    return imports::api::Upload(
        ctx, req, "entities",
        [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
           imports::Mode m,
           const imports::ImportOptions& o) { return ImportEntities(c, who, path, m, o); });
  });
  s.Get("/entities/template", {.permission = "entity:read"},
        [](Request&, Reply& r) -> Result<Json> {
          RETURN_IF_ERROR(XlsxReply(EntitiesTemplate(), "entities-template.xlsx", r));
          return Json::object();
        });
  s.Get("/entities/export", {.permission = "entity:read"},
        [d](Request& req, Reply& r) { return ExportEntities(d, req, r); });
}

}  // namespace ruralec::entity::api
