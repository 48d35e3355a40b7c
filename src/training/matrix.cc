// Person-times by child region and course level (matrix.h contract).
#include "training/matrix.h"

#include "region/region.h"
#include "training/followup_store.h"

namespace ruralec::training {
namespace {

// How many digits of a 12-digit code name a child of a region at `level`.
std::optional<size_t> ChildDigits(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return 4;
    case RegionLevel::kCity:
      return 6;
    case RegionLevel::kCounty:
      return 9;
    case RegionLevel::kTown:
      return 12;
    case RegionLevel::kVillage:
      return std::nullopt;
  }
  return std::nullopt;
}

Result<std::vector<region::Region>> AllChildren(storage::Connection& conn, const RegionCode& r) {
  std::vector<region::Region> out;
  for (int page = 1;; ++page) {
    ASSIGN_OR_RETURN(auto p, region::Children(conn, r, PageRequest{page, 200}));
    for (auto& c : p.items) out.push_back(std::move(c));
    if (p.items.empty() || static_cast<int64_t>(out.size()) >= p.total) return out;
  }
}

}  // namespace

Result<PersonTimesMatrix> PersonTimesByChild(const Deps& d, const account::Principal& who,
                                             const RegionCode& region, int year) {
  if (!who.Can("training:read")) return Error::Forbidden("没有查看培训统计的权限");
  if (!who.InScope(region)) return Error::Forbidden("区划不在辖区内");
  auto digits = ChildDigits(region.level());
  if (!digits) return Error::Invalid("region_code", "村级区划没有下级，无法分区统计");
  auto conn = d.db.Acquire();
  PersonTimesMatrix m;
  m.region = region;
  m.year = year;
  ASSIGN_OR_RETURN(m.levels, DictValues(*conn, region.county(), "training_levels"));
  ASSIGN_OR_RETURN(auto children, AllChildren(*conn, region));
  std::string y = std::to_string(year);
  store::Span span{region, y + "-01-01", y + "-12-31"};
  ASSIGN_OR_RETURN(auto counts, store::PersonTimesByChildLevel(*conn, span, *digits));
  std::map<std::string, PersonTimesRow> by_child;
  for (const auto& c : children) {
    std::string prefix = c.code.str().substr(0, *digits);
    by_child[prefix] = PersonTimesRow{c.code.str(), c.name, {}, 0};
  }
  for (const auto& c : counts) {
    auto it = by_child.find(c.child);
    if (it == by_child.end()) continue;  // a code no longer in the region tree
    it->second.by_level[c.level] += c.person_times;
    it->second.total += c.person_times;
    m.by_level[c.level] += c.person_times;
    m.total += c.person_times;
  }
  for (auto& [prefix, row] : by_child) m.rows.push_back(std::move(row));
  return m;
}

}  // namespace ruralec::training
