#include "designation/demo.h"

#include <algorithm>

#include "region/region.h"

namespace ruralec::designation {
namespace {

constexpr char kNote[] = "演示数据（生成，文号为虚构）";

struct DemoRow {
  Level level;
  Kind kind;
  RegionCode region;
  int year;
  std::optional<NewStatus> status;
  std::string body;
};

NewStatus Recognised(const std::string& on, std::string doc, std::string body) {
  return {State::kRecognised, *CivilDate::Parse(on), "", std::move(doc), std::move(body)};
}

}  // namespace

Result<DemoSummary> GenerateDemo(const Deps& d, const account::Principal& who,
                                 const RegionCode& county) {
  std::vector<region::Division> towns, villages;
  {
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(towns, region::AtLevelIn(*conn, county, RegionLevel::kTown));
    ASSIGN_OR_RETURN(villages, region::AtLevelIn(*conn, county, RegionLevel::kVillage));
  }
  std::erase_if(villages,
                [](const region::Division& v) { return !region::IsVillageCommittee(v.name); });
  if (towns.size() < 2 || villages.size() < 6) return DemoSummary{};
  // A 示范镇 is a 镇 (not a 街道 or 乡) where the county has one.
  auto town = std::find_if(towns.begin(), towns.end(),
                           [](const region::Division& t) { return t.name.ends_with("镇"); });
  RegionCode demo_town = town == towns.end() ? towns[0].code : town->code;
  int this_year = ShanghaiDate(d.clock.NowMs()).year();
  std::vector<DemoRow> rows = {
      {Level::kProvince, Kind::kTown, demo_town, 2019,
       Recognised("2019-11-20", "皖商办流通〔2019〕演1号", "安徽省商务厅"), ""},
      {Level::kCounty, Kind::kVillage, villages[0].code, 2019,
       Recognised("2019-12-10", "埇商〔2019〕演8号", "埇桥区商务局"), ""},
      {Level::kCounty, Kind::kVillage, villages[3].code, 2019,
       Recognised("2019-12-10", "埇商〔2019〕演8号", "埇桥区商务局"), ""},
      {Level::kProvince, Kind::kCounty, county, 2020,
       NewStatus{State::kApplied, CivilDate{2020, 4, 1}, "", "", ""}, "安徽省商务厅"},
      {Level::kCounty, Kind::kVillage, villages[1].code, this_year, std::nullopt, ""},
      {Level::kCounty, Kind::kVillage, villages[5].code, this_year, std::nullopt, ""},
  };
  DemoSummary out;
  for (auto& r : rows) {
    DesignationInput in{r.level, r.kind, r.region, std::nullopt, r.year, r.body, "", kNote};
    ASSIGN_OR_RETURN(Designation x, Register(d, who, in, r.status));
    ++out.designations;
    if (x.status == State::kRecognised) ++out.recognised;
  }
  return out;
}

}  // namespace ruralec::designation
