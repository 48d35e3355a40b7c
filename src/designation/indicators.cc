#include "designation/indicators.h"

#include "designation/designation.h"
#include "designation/designation_store.h"
#include "designation/reads_internal.h"

namespace ruralec::designation::indicators {
namespace {

using runtime::IndicatorQuery;
using runtime::Measurement;

constexpr char kSource[] = "demonstration designations (designations, designation_status_changes)";

Measurement NoData(std::string reason) {
  Measurement m;
  m.status = Measurement::Status::kNoDataSource;
  m.source = kSource;
  m.reason = std::move(reason);
  return m;
}

std::string Param(const IndicatorQuery& q, const std::string& key) {
  auto it = q.params.find(key);
  return it == q.params.end() ? "" : it->second;
}

Result<Measurement> Units(storage::Connection& conn, const IndicatorQuery& q) {
  std::optional<Level> level;
  if (std::string l = Param(q, "level"); !l.empty() && l != "any") {
    auto parsed = ParseLevel(l);
    if (!parsed.ok()) return NoData("示范级别未知 (level: " + l + ")");
    level = *parsed;
  }
  std::optional<Kind> kind;
  if (std::string k = Param(q, "kind"); !k.empty()) {
    auto parsed = ParseKind(k);
    if (!parsed.ok()) return NoData("示范类别未知 (kind: " + k + ")");
    kind = *parsed;
  }
  ASSIGN_OR_RETURN(auto timelines, store::Timelines(conn, q.region, kind));
  int64_t n = 0;
  for (const auto& t : timelines) {
    if (level && t.d.level != *level) continue;
    if (internal::Counted(t, q.from, q.to)) ++n;
  }
  Measurement m;
  m.status = Measurement::Status::kOk;
  m.value = n;
  m.source = kSource;
  return m;
}

}  // namespace

std::vector<runtime::IndicatorSource> Sources() {
  return {{"demonstration_units", kSource, Units}};
}

}  // namespace ruralec::designation::indicators
