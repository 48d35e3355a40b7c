#include "logistics/coverage.h"

#include <algorithm>
#include <map>
#include <set>

#include "logistics/coverage_store.h"
#include "region/region.h"
#include "storage/where.h"

namespace ruralec::logistics {
namespace {

constexpr int64_t kBeijingOffsetMs = 8 * 3600 * 1000;
constexpr int64_t kDayMs = 24 * 3600 * 1000;

std::optional<int64_t> Ratio(int64_t num, int64_t scale, int64_t den) {
  if (den <= 0) return std::nullopt;
  return RoundDiv(num * scale, den);
}

// Each waybill's first signature in the period, with its lead minutes when it arrived at a
// town hub before; keyed by village.
std::map<std::string, std::vector<int64_t>> LeadsByVillage(
    const std::vector<store::SignedRow>& rows) {
  std::map<std::string, std::vector<int64_t>> out;
  int64_t last_waybill = 0;
  for (const auto& r : rows) {  // ordered by waybill, time
    if (r.waybill_id == last_waybill) continue;
    last_waybill = r.waybill_id;
    if (!r.arrived_at) continue;
    out[r.village_code].push_back((r.signed_at - *r.arrived_at) / 60'000);
  }
  return out;
}

void Add(CoverageFigures& f, const VillageCoverage& v, int64_t carriers,
         const std::vector<int64_t>* leads) {
  ++f.villages;
  if (v.reached) ++f.reached;
  f.delivery_days += v.delivery_days;
  f.uplink_parcels += v.uplink_parcels;
  f.points += v.points;
  f.point_carriers += carriers;
  if (leads) f.lead_minutes.insert(f.lead_minutes.end(), leads->begin(), leads->end());
}

}  // namespace

int64_t Period::from_ms() const { return from.DaysSinceEpoch() * kDayMs - kBeijingOffsetMs; }
int64_t Period::end_ms() const { return (to.DaysSinceEpoch() + 1) * kDayMs - kBeijingOffsetMs; }

Result<Period> MakePeriod(CivilDate from, CivilDate to) {
  if (to < from) return Error::Invalid("to", "结束日期不能早于开始日期");
  Period p{from, to};
  if (p.days() > 366) return Error::Invalid("to", "统计期间不能超过366天");
  return p;
}

Result<Period> MonthPeriod(std::string_view month, std::string_view field) {
  auto first = CivilDate::Parse(std::string(month) + "-01", field);
  if (month.size() != 7 || !first.ok())
    return Error::Invalid(std::string(field), "月份应为 YYYY-MM，如 2026-11");
  CivilDate next = first->month() == 12 ? CivilDate(first->year() + 1, 1, 1)
                                        : CivilDate(first->year(), first->month() + 1, 1);
  return Period{*first, next.AddDays(-1)};
}

int64_t RoundDiv(int64_t num, int64_t den) { return (2 * num + den) / (2 * den); }

std::optional<int64_t> NearestRank(std::vector<int64_t> values, int percent) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto n = static_cast<int64_t>(values.size());
  int64_t rank = (percent * n + 99) / 100;  // ⌈p·n⌉
  rank = std::clamp<int64_t>(rank, 1, n);
  return values[static_cast<size_t>(rank - 1)];
}

std::optional<int64_t> CoverageFigures::rate_bp() const { return Ratio(reached, 10'000, villages); }
std::optional<int64_t> CoverageFigures::frequency_centi(int64_t days) const {
  return Ratio(delivery_days, 700, villages * days);
}
std::optional<int64_t> CoverageFigures::carriers_per_point_centi() const {
  return Ratio(point_carriers, 100, points);
}
std::optional<int64_t> CoverageFigures::uplink_per_village_centi() const {
  return Ratio(uplink_parcels, 100, villages);
}

Result<Coverage> ComputeCoverage(storage::Connection& conn, const RegionCode& region,
                                 const Period& period) {
  ASSIGN_OR_RETURN(auto divisions, region::AtLevelIn(conn, region, RegionLevel::kVillage));
  ASSIGN_OR_RETURN(auto activity,
                   store::ActivityByVillage(conn, region, period.from_ms(), period.end_ms()));
  ASSIGN_OR_RETURN(auto points, store::VillagePoints(conn, region));
  ASSIGN_OR_RETURN(auto signed_rows,
                   store::SignedAtVillages(conn, region, period.from_ms(), period.end_ms()));
  std::map<std::string, store::VillageActivity> act;
  for (auto& a : activity) act[a.village_code] = a;
  std::map<std::string, std::pair<int64_t, int64_t>> pts;  // village → points, carriers
  for (const auto& p : points) {
    if (!p.active || p.created_at >= period.end_ms()) continue;
    auto& [n, carriers] = pts[p.village_code];
    ++n;
    carriers += static_cast<int64_t>(storage::SplitList(p.carriers).size());
  }
  auto leads = LeadsByVillage(signed_rows);
  Coverage out;
  out.region = region;
  out.period = period;
  out.total.code = region;
  std::map<std::string, TownCoverage> towns;
  for (const auto& d : divisions) {
    if (!region::IsVillageCommittee(d.name)) continue;
    VillageCoverage v{d.code, d.name};
    if (auto it = act.find(d.code.str()); it != act.end()) {
      v.delivery_days = it->second.delivery_days;
      v.uplink_parcels = it->second.uplink_parcels;
      v.reached = v.delivery_days > 0 || v.uplink_parcels > 0;
    }
    auto p = pts.find(d.code.str());
    v.points = p == pts.end() ? 0 : p->second.first;
    const int64_t carriers = p == pts.end() ? 0 : p->second.second;
    auto l = leads.find(d.code.str());
    const std::vector<int64_t>* lv = l == leads.end() ? nullptr : &l->second;
    Add(out.total, v, carriers, lv);
    TownCoverage& t = towns[d.code.parent().str()];
    t.figures.code = d.code.parent();
    Add(t.figures, v, carriers, lv);
    t.villages.push_back(std::move(v));
  }
  std::vector<std::string> codes = {region.str()};
  for (const auto& [code, t] : towns) codes.push_back(code);
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  out.total.name = names[region.str()];
  for (auto& [code, t] : towns) {
    t.figures.name = names[code];
    out.towns.push_back(std::move(t));
  }
  return out;
}

Result<int64_t> CountNodes(storage::Connection& conn, const RegionCode& region,
                           const std::string& level, const Period& period, bool only_new) {
  std::optional<int64_t> from;
  if (only_new) from = period.from_ms();
  return store::CountNodes(conn, region, level, from, period.end_ms());
}

Result<int64_t> CountLines(storage::Connection& conn, const RegionCode& region,
                           const std::string& kind, const Period& period, bool only_new) {
  std::optional<int64_t> from;
  if (only_new) from = period.from_ms();
  return store::CountLines(conn, region, kind, from, period.end_ms());
}

}  // namespace ruralec::logistics
