// The sources a draft may name (disclosure.h Sources), read through their modules.
#include "award/lists.h"
#include "disclosure/disclosure.h"
#include "funds/service.h"
#include "programme/store.h"

namespace ruralec::disclosure {
namespace {

Result<std::vector<programme::ProgrammeRow>> CountyProgrammes(const Deps& d,
                                                              const RegionCode& county) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto rows, programme::ListProgrammes(*conn, std::string(county.prefix())));
  std::vector<programme::ProgrammeRow> out;
  for (auto& r : rows)
    if (r.region_code == county.str()) out.push_back(std::move(r));
  return out;
}

Result<std::vector<SourceOption>> Programmes(const Deps& d, const RegionCode& county) {
  ASSIGN_OR_RETURN(auto rows, CountyProgrammes(d, county));
  std::vector<SourceOption> out;
  for (const auto& r : rows)
    out.push_back({r.id, r.name + "（第" + std::to_string(r.version) + "版）"});
  return out;
}

Result<std::vector<SourceOption>> Funds(const Deps& d, const account::Principal& who,
                                        const RegionCode& county) {
  PageRequest page;
  page.page_size = PageRequest::kMaxPageSize;
  ASSIGN_OR_RETURN(auto funds,
                   funds::ListFunds({d.db, d.audit, d.clock, d.mac}, who, county, page));
  std::vector<SourceOption> out;
  for (const auto& v : funds.items)
    if (v.fund.county_code == county.str()) out.push_back({v.fund.id.value, v.fund.name});
  return out;
}

Result<std::vector<SourceOption>> AwardLists(const Deps& d, const RegionCode& county) {
  ASSIGN_OR_RETURN(auto programmes, CountyProgrammes(d, county));
  award::Lists lists(d.db, d.audit, d.clock);
  PageRequest page;
  page.page_size = PageRequest::kMaxPageSize;
  std::vector<SourceOption> out;
  for (const auto& p : programmes) {
    ASSIGN_OR_RETURN(auto versions, lists.Versions(county, p.id, "", page));
    for (const auto& l : versions.items)
      if (l.status == "approved")
        out.push_back({l.id, p.name + " " + l.period + "年 第" + std::to_string(l.version) + "版"});
  }
  return out;
}

}  // namespace

Result<std::vector<SourceOption>> Sources(const Deps& d, const account::Principal& who, Kind kind,
                                          RegionCode county) {
  if (!who.Can("disclosure:edit")) return Error::Forbidden("没有编制公开信息的权限");
  if (county.empty()) county = who.region;
  if (!who.InScope(county) || county.level() != RegionLevel::kCounty)
    return Error::Invalid("county_code", "请选择您管辖范围内的一个区县（county_code）");
  switch (kind) {
    case Kind::kProgramme:
      return Programmes(d, county);
    case Kind::kFunds:
      return Funds(d, who, county);
    case Kind::kAwards:
      return AwardLists(d, county);
    default:
      return std::vector<SourceOption>{};
  }
}

}  // namespace ruralec::disclosure
