// Materials per programme (materials.h contract).
#include "projects/materials.h"

#include <set>

#include "account/stamp.h"
#include "core/validate.h"
#include "funds/ledger.h"
#include "programme/store.h"
#include "projects/projects_store.h"
#include "projects/service_internal.h"

namespace ruralec::projects {
namespace {

constexpr size_t kMaxMaterials = 30;

MaterialSet Builtin(const std::string& county, const std::string& type,
                    std::optional<int64_t> programme_id) {
  MaterialSet s{county, type, programme_id, "builtin"};
  if (const ProjectType* t = FindType(type)) s.materials = t->materials;
  return s;
}

// The programme must exist and cover the county (a county's or a city's programme).
Status CheckProgramme(storage::Connection& conn, int64_t id, const RegionCode& county) {
  auto row = programme::GetProgrammeRow(conn, id);
  if (!row.ok()) return Error::Invalid("programme_id", "方案不存在: " + std::to_string(id));
  auto region = RegionCode::Parse(row->region_code);
  if (!region.ok() || !region->Contains(county))
    return Error::Invalid("programme_id", "该方案不适用于本县: " + row->name);
  return {};
}

Status NameSetters(storage::Connection& conn, std::vector<MaterialSet*> sets) {
  std::vector<int64_t> ids;
  for (const auto* s : sets)
    if (s->created_by) ids.push_back(*s->created_by);
  ASSIGN_OR_RETURN(auto labels, account::UserLabels(conn, ids));
  for (auto* s : sets)
    if (s->created_by && labels.contains(*s->created_by))
      s->created_by_name = labels[*s->created_by].display_name;
  return {};
}

}  // namespace

Status CheckMaterialSet(MaterialSetInput& in) {
  if (!FindType(in.type)) return Error::Invalid("type", "未知的项目类型: " + in.type);
  if (in.materials.empty() || in.materials.size() > kMaxMaterials)
    return Error::Invalid("materials", "材料清单应有 1 至 30 项");
  std::set<std::string> codes;
  for (size_t i = 0; i < in.materials.size(); ++i) {
    Material& m = in.materials[i];
    std::string at = "第" + std::to_string(i + 1) + "项";
    if (!IsMaterialSlot(m.code))
      return Error::Invalid("materials",
                            at + "的编码应为附件2的材料编码或 extra_1 至 extra_10: " + m.code);
    if (!codes.insert(m.code).second)
      return Error::Invalid("materials", at + "的编码重复: " + m.code);
    auto label = validate::ValidateText(m.label, {"materials", at + "的名称", 100});
    if (!label.ok()) return label.take_error();
    m.label = *label;
  }
  ASSIGN_OR_RETURN(in.reason, validate::ValidateText(in.reason, {"reason", "调整原因", 200}));
  return {};
}

namespace internal {

Result<MaterialSet> MaterialsInForce(storage::Connection& conn, const Project& p) {
  std::optional<int64_t> programme;
  if (p.fund_id) {
    auto fund = funds::GetFund(conn, funds::FundId{*p.fund_id});
    if (fund.ok()) programme = fund->programme_id;
  }
  if (programme) {
    ASSIGN_OR_RETURN(auto sets, store::MaterialSetsOf(conn, p.county_code, programme, p.type));
    if (!sets.empty()) return sets.front();
  }
  ASSIGN_OR_RETURN(auto own, store::MaterialSetsOf(conn, p.county_code, std::nullopt, p.type));
  if (!own.empty()) return own.front();
  return Builtin(p.county_code, p.type, std::nullopt);
}

}  // namespace internal

Result<MaterialSets> GetMaterialSets(const Deps& d, const account::Principal& who,
                                     const std::string& type, std::optional<int64_t> programme_id) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  if (!FindType(type)) return Error::Invalid("type", "未知的项目类型: " + type);
  if (who.region.empty() || who.region.level() < RegionLevel::kCounty)
    return Error::Invalid("region_code", "材料清单按县设置：请以县级或以下账号查看");
  std::string county = who.region.county().str();
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto sets, store::MaterialSetsOf(*conn, county, programme_id, type));
  MaterialSets out;
  if (sets.empty()) {
    out.current = Builtin(county, type, programme_id);
  } else {
    out.current = sets.front();
    out.history.assign(sets.begin() + 1, sets.end());
  }
  std::vector<MaterialSet*> all{&out.current};
  for (auto& h : out.history) all.push_back(&h);
  RETURN_IF_ERROR(NameSetters(*conn, all));
  return out;
}

Result<MaterialSet> SetMaterials(const Deps& d, const account::Principal& who,
                                 MaterialSetInput in) {
  if (!who.Can("projects:review")) return Error::Forbidden("没有设置申报材料清单的权限");
  if (who.region.empty() || who.region.level() != RegionLevel::kCounty)
    return Error::Forbidden("申报材料清单由县级主管部门设置");
  RETURN_IF_ERROR(CheckMaterialSet(in));
  auto conn = d.db.Acquire();
  return storage::InTransaction<MaterialSet>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<MaterialSet> {
        if (in.programme_id) RETURN_IF_ERROR(CheckProgramme(*conn, *in.programme_id, who.region));
        MaterialSet s{who.region.county().str(), in.type, in.programme_id,
                      in.programme_id ? "programme" : "county", std::move(in.materials)};
        s.reason = in.reason;
        s.created_by = who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
        s.created_at = d.clock.NowMs();
        ASSIGN_OR_RETURN(s.id, store::InsertMaterialSet(*conn, s, s.created_by, s.created_at));
        std::string codes;
        for (const auto& m : s.materials) codes += (codes.empty() ? "" : ",") + m.code;
        RETURN_IF_ERROR(d.audit.Append(
            *conn, account::AuditOf(who, "projects.materials", "material_set", *s.id,
                                    "type=" + s.type + " programme=" +
                                        (s.programme_id ? std::to_string(*s.programme_id) : "-") +
                                        " materials=" + codes)));
        s.created_by_name = who.display_name.empty() ? who.username : who.display_name;
        return s;
      });
}

}  // namespace ruralec::projects
