#include "station/indicators.h"

#include <algorithm>
#include <set>

#include "region/region.h"
#include "station/records.h"
#include "station/records_internal.h"
#include "station/station.h"
#include "station/station_store.h"

namespace ruralec::station::indicators {
namespace {

using runtime::IndicatorQuery;
using runtime::Measurement;

constexpr char kSource[] = "station registry (stations, station_status_changes)";
constexpr char kRecordsSource[] = "station service records (station_service_records)";

Measurement NoData(std::string reason) {
  Measurement m;
  m.status = Measurement::Status::kNoDataSource;
  m.reason = std::move(reason);
  return m;
}

Measurement Value(int64_t v) {
  Measurement m;
  m.status = Measurement::Status::kOk;
  m.value = v;
  return m;
}

// The status of the station at the end of `day`; nullopt before its registration date.
std::optional<StationStatus> StatusOn(const store::Timeline& t, CivilDate day) {
  std::optional<StationStatus> out;
  for (const auto& [on, st] : t.changes) {
    if (day < on) break;
    out = st;
  }
  return out;
}

std::optional<CivilDate> FirstOperating(const store::Timeline& t) {
  for (const auto& [on, st] : t.changes) {
    if (st == StationStatus::kOperating) return on;
  }
  return std::nullopt;
}

std::string Param(const IndicatorQuery& q, const std::string& key) {
  auto it = q.params.find(key);
  return it == q.params.end() ? "" : it->second;
}

// Whether `code` or one of its ancestors carries `tag` (tags: region::TagsInAndAbove).
bool Tagged(const std::map<std::string, std::vector<std::string>>& tags, RegionCode code,
            const std::string& tag) {
  for (; !code.empty(); code = code.parent()) {
    auto it = tags.find(code.str());
    if (it != tags.end() &&
        std::find(it->second.begin(), it->second.end(), tag) != it->second.end())
      return true;
  }
  return false;
}

// One station against the `stations` parameters (already parsed).
struct StationsRule {
  std::optional<Level> level;
  std::optional<StationStatus> status;  // explicit status param
  std::string scope;                    // "", new, upgraded
  std::string tag;
  bool Counts(const store::Timeline& t, const IndicatorQuery& q) const {
    if (level && t.level != *level) return false;
    std::optional<StationStatus> now = StatusOn(t, q.to);
    if (!now) return false;
    if (scope.empty()) return *now == status.value_or(StationStatus::kOperating);
    if (t.build_kind != scope) return false;
    auto first = FirstOperating(t);
    if (!first || *first < q.from || q.to < *first) return false;
    return status ? *now == *status : *now != StationStatus::kExited;
  }
};

Result<Measurement> Stations(storage::Connection& conn, const IndicatorQuery& q) {
  StationsRule rule;
  if (std::string l = Param(q, "level"); !l.empty()) {
    auto level = ParseLevel(l);
    if (!level.ok()) return NoData("站点台账只有镇级、村级站点 (level: " + l + ")");
    rule.level = *level;
  }
  if (std::string s = Param(q, "status"); !s.empty()) {
    auto status = ParseStatus(s);
    if (!status.ok()) return NoData("未知站点状态 (status: " + s + ")");
    rule.status = *status;
  }
  rule.scope = Param(q, "scope");
  if (!rule.scope.empty() && rule.scope != "new" && rule.scope != "upgraded")
    return NoData("scope 应为 new 或 upgraded (scope: " + rule.scope + ")");
  rule.tag = Param(q, "region_tag");
  ASSIGN_OR_RETURN(auto timelines, store::Timelines(conn, q.region));
  std::map<std::string, std::vector<std::string>> tags;
  if (!rule.tag.empty()) {
    ASSIGN_OR_RETURN(tags, region::TagsInAndAbove(conn, q.region));
  }
  int64_t n = 0;
  for (const auto& t : timelines) {
    if (!rule.Counts(t, q)) continue;
    if (!rule.tag.empty() && !Tagged(tags, t.region, rule.tag)) continue;
    ++n;
  }
  return Value(n);
}

// Share of the administrative villages of the subtree (only those tagged `tag` when given)
// with a village-level station operating at the end of q.to.
Result<Measurement> Coverage(storage::Connection& conn, const IndicatorQuery& q,
                             const std::string& tag) {
  ASSIGN_OR_RETURN(auto villages, region::AtLevelIn(conn, q.region, RegionLevel::kVillage));
  std::map<std::string, std::vector<std::string>> tags;
  if (!tag.empty()) {
    ASSIGN_OR_RETURN(tags, region::TagsInAndAbove(conn, q.region));
  }
  std::set<std::string> eligible;
  for (const auto& v : villages) {
    if (!region::IsVillageCommittee(v.name)) continue;
    if (!tag.empty()) {
      auto it = tags.find(v.code.str());
      if (it == tags.end() ||
          std::find(it->second.begin(), it->second.end(), tag) == it->second.end())
        continue;
    }
    eligible.insert(v.code.str());
  }
  if (eligible.empty())
    return NoData(tag.empty() ? "区划内没有行政村（村民委员会）"
                              : "区划内没有标记为 " + tag + " 的行政村");
  ASSIGN_OR_RETURN(auto timelines, store::Timelines(conn, q.region));
  std::set<std::string> covered;
  for (const auto& t : timelines) {
    if (t.level != Level::kVillage || !eligible.count(t.region.str())) continue;
    if (StatusOn(t, q.to) == StationStatus::kOperating) covered.insert(t.region.str());
  }
  auto num = static_cast<int64_t>(covered.size());
  auto den = static_cast<int64_t>(eligible.size());
  Measurement m = Value((num * 20000 + den) / (2 * den));  // basis points, half up (≥ 0)
  m.numerator = num;
  m.denominator = den;
  return m;
}

// The months of [q.from, q.to] as periods: a record of month M counts when M lies between the
// month of `from` and the month of `to` (records are monthly).
std::pair<std::string, std::string> Months(const IndicatorQuery& q) {
  return {q.from.ToString().substr(0, 7), q.to.ToString().substr(0, 7)};
}

Result<Measurement> UplinkSales(storage::Connection& conn, const IndicatorQuery& q) {
  auto [from, to] = Months(q);
  ASSIGN_OR_RETURN(store::Sums s, store::SumInSubtree(conn, q.region, from, to, kUplinkItem));
  return Value(s.amount_fen);
}

Result<Measurement> ServiceCount(storage::Connection& conn, const IndicatorQuery& q) {
  std::string item = Param(q, "item");
  if (!item.empty()) {
    ASSIGN_OR_RETURN(auto items, RecordItems(conn, q.region.county()));
    const RecordItem* found = internal::FindItem(items, item);
    if (!found) return NoData("站点服务记录没有服务项目 " + item);
    item = found->value;
  }
  auto [from, to] = Months(q);
  ASSIGN_OR_RETURN(store::Sums s, store::SumInSubtree(conn, q.region, from, to, item));
  return Value(s.quantity);
}

}  // namespace

std::vector<runtime::IndicatorSource> Sources() {
  return {
      {"stations", kSource, Stations},
      {"village_station_coverage_rate", kSource,
       [](storage::Connection& c, const IndicatorQuery& q) { return Coverage(c, q, ""); }},
      {"poverty_village_station_coverage_rate", kSource,
       [](storage::Connection& c, const IndicatorQuery& q) {
         return Coverage(c, q, "poverty_village");
       }},
      {"station_uplink_sales", kRecordsSource, UplinkSales},
      {"station_service_count", kRecordsSource, ServiceCount},
  };
}

}  // namespace ruralec::station::indicators
