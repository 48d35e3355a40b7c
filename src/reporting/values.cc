// The registry's reported-values provider (reporting.h "Only confirmed reports count").
#include "programme/indicators.h"
#include "reporting/report_store.h"
#include "reporting/reporting.h"

namespace ruralec::reporting {
namespace {

using runtime::Measurement;

constexpr char kSource[] = "人工填报（经第二人确认）";

// The params of a query as a report stores them: empty values dropped.
std::string QueryParams(const std::map<std::string, std::string>& params) {
  std::map<std::string, std::string> kept;
  for (const auto& [k, v] : params) {
    if (!v.empty()) kept[k] = v;
  }
  return ParamsText(kept);
}

Measurement FromReport(const Report& r) {
  Measurement m;
  m.status = Measurement::Status::kOk;
  m.value = r.value;
  m.source = kSource;
  m.reported = runtime::ReportedBy{r.id,           r.period,      r.reported_name,
                                   r.decided_name, r.reported_at, r.decided_at.value_or(0)};
  return m;
}

Measurement Nothing(bool reportable) {
  Measurement m;
  if (reportable) m.reason = "尚无经确认的填报值（可在“指标填报”中填报并由第二人确认）";
  return m;
}

// The confirmed report answering a region: its quarter overlaps [from, to] and began by `to`;
// `reports` are ordered latest quarter, then latest version first.
const Report* Answer(const std::vector<Report>& reports, const std::string& region,
                     const CivilDate& from, const CivilDate& to) {
  for (const Report& r : reports) {
    if (r.region.str() == region && r.period_first <= to && r.period_last >= from) return &r;
  }
  return nullptr;
}

}  // namespace

Result<std::vector<runtime::Measurements>> ReportedValues(
    storage::Connection& conn, const std::vector<runtime::IndicatorBatch>& batches) {
  std::vector<runtime::Measurements> out;
  for (const auto& b : batches) {
    runtime::Measurements ms;
    bool reportable = programme::Reportable(b.indicator);
    std::vector<Report> reports;
    std::vector<std::string> codes;
    for (const auto& region : b.regions) codes.push_back(region.str());
    if (reportable && !codes.empty()) {
      ASSIGN_OR_RETURN(reports, store::Confirmed(conn, b.indicator, QueryParams(b.params), codes));
    }
    for (const auto& code : codes) {
      const Report* r = Answer(reports, code, b.from, b.to);
      ms.push_back(r ? FromReport(*r) : Nothing(reportable));
    }
    out.push_back(std::move(ms));
  }
  return out;
}

}  // namespace ruralec::reporting
