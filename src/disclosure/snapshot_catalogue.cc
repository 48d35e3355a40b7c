// Snapshots of the county's catalogues: the specialty product library (admitted products;
// products module: List) and the station directory (operating and suspended stations; station
// module: List). No personal data: a producer that may be a natural person
// (individual business, family farm, or unknown) is masked, a station manager's name is masked
// and no mobile, ID number or user name is taken.
#include <map>

#include "crypto/person_name.h"
#include "disclosure/snapshot_internal.h"
#include "entity/entity.h"
#include "products/products.h"
#include "station/station.h"

namespace ruralec::disclosure::internal {
namespace {

// Whether each entity of the county may be a natural person (one read for the whole table).
Result<std::map<int64_t, bool>> PersonalEntities(const Context& c) {
  auto conn = c.d.db.Acquire();
  ASSIGN_OR_RETURN(auto all, entity::EntitiesIn(*conn, c.county));
  std::map<int64_t, bool> out;
  for (const auto& e : all)
    out[e.id] = e.kind == entity::Kind::kIndividualBusiness || e.kind == entity::Kind::kFamilyFarm;
  return out;
}

std::string EntityName(const std::map<int64_t, bool>& personal, int64_t id,
                       const std::string& name) {
  auto it = personal.find(id);
  return PublicName(name, it == personal.end() || it->second);
}

Snapshot Head(const Context& c, const std::string& title, const std::string& what, size_t n) {
  Snapshot out;
  out.doc.title = c.county_name + title;
  out.doc.as_of = c.today;
  out.doc.summary =
      c.county_name + "公开" + what + "，共 " + std::to_string(n) + " 项（截至 " + c.today + "）。";
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
  return out;
}

Result<std::map<std::string, std::string>> ServiceLabels(const Context& c) {
  auto conn = c.d.db.Acquire();
  ASSIGN_OR_RETURN(auto values, station::DictValues(*conn, c.county, "station_services"));
  std::map<std::string, std::string> out;
  for (const auto& v : values) out[v.value] = v.label;
  return out;
}

std::vector<std::string> StationRow(const station::Station& s,
                                    const std::map<std::string, std::string>& labels) {
  std::vector<std::string> services;
  for (const auto& v : s.services) services.push_back(labels.count(v) ? labels.at(v) : v);
  return {s.name,
          station::LevelLabel(s.level),
          s.region_name,
          s.address,
          Join(services),
          s.manager_name.empty() ? "—" : crypto::MaskPersonName(s.manager_name),
          station::StatusLabel(s.status)};
}

}  // namespace

Result<Snapshot> Products(const Context& c) {
  products::Deps pd{c.d.db, c.d.audit, c.d.clock};
  products::Filter f;
  f.region = c.county;
  f.admission = products::Admission::kAdmitted;
  bool cut = false;
  ASSIGN_OR_RETURN(
      auto all, AllPages<products::Product>(
                    [&](const PageRequest& p) { return products::List(pd, c.who, f, p); }, &cut));
  ASSIGN_OR_RETURN(auto personal, PersonalEntities(c));
  Section s{"特色产品目录", {}, Table{}, {}};
  s.table->columns = {"产品名称", "类别", "生产经营主体", "产地",
                      "品牌",     "等级", "三品一标",     "入库日期"};
  for (const auto& p : all) {
    std::string brand = p.brand_name.empty() ? p.regional_brand_name : p.brand_name;
    s.table->rows.push_back(
        {p.name, p.category_label, EntityName(personal, p.entity_id, p.entity_name), p.region_name,
         brand.empty() ? "—" : brand, p.grade.empty() ? "—" : p.grade,
         p.certified ? "有效认证" : "—", p.admission_on ? p.admission_on->ToString() : "—"});
  }
  if (cut) s.notes.push_back(CutNote());
  s.notes.push_back("个体工商户、家庭农场等自然人名称已部分隐去。");
  Snapshot out = Head(c, "特色产品目录", "经准入审核的特色产品", s.table->rows.size());
  out.doc.sections.push_back(std::move(s));
  return out;
}

Result<Snapshot> Stations(const Context& c) {
  station::Deps sd{c.d.db, c.d.audit, c.d.clock, c.d.cipher};
  station::Filter f;
  f.region = c.county;
  bool cut = false;
  ASSIGN_OR_RETURN(auto all,
                   AllPages<station::Station>(
                       [&](const PageRequest& p) { return station::List(sd, c.who, f, p); }, &cut));
  ASSIGN_OR_RETURN(auto labels, ServiceLabels(c));
  Section s{"服务站点名录", {}, Table{}, {}};
  s.table->columns = {"站点名称", "级别", "所在区划", "地址", "服务项目", "负责人", "状态"};
  for (const auto& st : all) {
    if (st.status != station::StationStatus::kOperating &&
        st.status != station::StationStatus::kSuspended)
      continue;
    s.table->rows.push_back(StationRow(st, labels));
  }
  if (cut) s.notes.push_back(CutNote());
  s.notes.push_back("负责人姓名已部分隐去；联系电话请向所在乡镇咨询。");
  Snapshot out = Head(c, "电商服务站点名录", "运营中的电子商务服务站点", s.table->rows.size());
  out.doc.sections.push_back(std::move(s));
  return out;
}

}  // namespace ruralec::disclosure::internal
