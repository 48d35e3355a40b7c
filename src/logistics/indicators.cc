#include "logistics/indicators.h"

#include "logistics/cold_chain.h"
#include "logistics/coverage.h"

namespace ruralec::logistics::indicators {
namespace {

using runtime::IndicatorQuery;
using runtime::Measurement;

constexpr char kEvents[] = "logistics scan events at village points (logistics_scan_events)";
constexpr char kNetwork[] = "logistics network (logistics_nodes, logistics_lines)";
constexpr char kCold[] = "logistics cold-chain resources (logistics_cold_resources)";

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

Measurement ValueOr(std::optional<int64_t> v, const char* reason) {
  return v ? Value(*v) : NoData(reason);
}

std::string Param(const IndicatorQuery& q, const std::string& key) {
  auto it = q.params.find(key);
  return it == q.params.end() ? "" : it->second;
}

// The query's dates as a period (a programme's range may span years: no length limit here).
Result<Period> PeriodOf(const IndicatorQuery& q) {
  if (q.to < q.from) return Error::Invalid("to", "结束日期不能早于开始日期");
  return Period{q.from, q.to};
}

Result<Coverage> Of(storage::Connection& conn, const IndicatorQuery& q) {
  ASSIGN_OR_RETURN(Period p, PeriodOf(q));
  return ComputeCoverage(conn, q.region, p);
}

constexpr char kNoVillage[] = "区划内没有行政村（村民委员会）";

Result<Measurement> CoverageRate(storage::Connection& conn, const IndicatorQuery& q) {
  ASSIGN_OR_RETURN(Coverage c, Of(conn, q));
  Measurement m = ValueOr(c.total.rate_bp(), kNoVillage);
  if (m.value) {
    m.numerator = c.total.reached;
    m.denominator = c.total.villages;
  }
  return m;
}

Result<Measurement> Frequency(storage::Connection& conn, const IndicatorQuery& q) {
  ASSIGN_OR_RETURN(Coverage c, Of(conn, q));
  return ValueOr(c.total.frequency_centi(c.period.days()), kNoVillage);
}

Result<Measurement> LeadMinutes(storage::Connection& conn, const IndicatorQuery& q) {
  const std::string stat = Param(q, "stat");
  int percent = 50;
  if (stat == "p90") {
    percent = 90;
  } else if (!stat.empty() && stat != "median") {
    return NoData("stat 应为 median 或 p90 (stat: " + stat + ")");
  }
  ASSIGN_OR_RETURN(Coverage c, Of(conn, q));
  return ValueOr(c.total.lead(percent), "期间内没有经镇级中转站到达、在村级服务点签收的快递");
}

Result<Measurement> CarriersPerPoint(storage::Connection& conn, const IndicatorQuery& q) {
  ASSIGN_OR_RETURN(Coverage c, Of(conn, q));
  return ValueOr(c.total.carriers_per_point_centi(), "区划内没有在用的村级物流服务点");
}

Result<Measurement> UplinkPerVillage(storage::Connection& conn, const IndicatorQuery& q) {
  ASSIGN_OR_RETURN(Coverage c, Of(conn, q));
  return ValueOr(c.total.uplink_per_village_centi(), kNoVillage);
}

Result<Measurement> Nodes(storage::Connection& conn, const IndicatorQuery& q) {
  const std::string kind = Param(q, "kind");
  if (kind != "county_centre" && kind != "town_hub" && kind != "village_point")
    return NoData("kind 应为 county_centre、town_hub 或 village_point (kind: " + kind + ")");
  const std::string scope = Param(q, "scope");
  if (scope == "upgraded") return NoData("物流网点台账不记录改造（scope: upgraded），请填报");
  if (!scope.empty() && scope != "new") return NoData("scope 应为 new (scope: " + scope + ")");
  ASSIGN_OR_RETURN(Period p, PeriodOf(q));
  ASSIGN_OR_RETURN(int64_t n, CountNodes(conn, q.region, kind, p, scope == "new"));
  return Value(n);
}

Result<Measurement> Lines(storage::Connection& conn, const IndicatorQuery& q) {
  std::string kind = Param(q, "kind");
  if (kind == "trunk_line") kind = "trunk";
  if (kind == "branch_line") kind = "branch";
  if (kind != "trunk" && kind != "branch")
    return NoData("kind 应为 trunk_line 或 branch_line (kind: " + Param(q, "kind") + ")");
  ASSIGN_OR_RETURN(Period p, PeriodOf(q));
  ASSIGN_OR_RETURN(int64_t n, CountLines(conn, q.region, kind, p, false));
  return Value(n);
}

// Tonnes of the active cold-chain resources registered by the end of the period (kind: a
// logistics_cold_kinds value, absent: every kind). Read as the resources are now, like the nodes.
Result<Measurement> ColdCapacity(storage::Connection& conn, const IndicatorQuery& q) {
  const std::string kind = Param(q, "kind");
  if (!kind.empty()) {
    ASSIGN_OR_RETURN(bool known, KnownColdKind(conn, q.region, kind));
    if (!known) return NoData("kind 应为冷链资源类型的值，如 cold_store (kind: " + kind + ")");
  }
  ASSIGN_OR_RETURN(Period p, PeriodOf(q));
  ASSIGN_OR_RETURN(int64_t t, ColdCapacityTonnes(conn, q.region, kind, p.end_ms()));
  return Value(t);
}

}  // namespace

std::vector<runtime::IndicatorSource> Sources() {
  return {
      {"express_coverage_rate", kEvents, CoverageRate},
      {"delivery_frequency", kEvents, Frequency},
      {"delivery_lead_minutes", kEvents, LeadMinutes},
      {"carriers_per_point", kNetwork, CarriersPerPoint},
      {"uplink_parcels_per_village", kEvents, UplinkPerVillage},
      {"logistics_nodes", kNetwork, Nodes},
      {"logistics_lines", kNetwork, Lines},
      {"cold_storage_capacity", kCold, ColdCapacity},
  };
}

}  // namespace ruralec::logistics::indicators
