#include "households/indicators.h"

#include "households/help.h"

namespace ruralec::households::indicators {
namespace {

constexpr char kSource[] =
    "poor-household register and help records (households, purchases, household_employments, "
    "household_shops; and the help sources other modules register: matches of listings naming "
    "a household)";

Result<runtime::Measurement> CoverageRate(storage::Connection& conn,
                                          const runtime::IndicatorQuery& q) {
  ASSIGN_OR_RETURN(Coverage c, CoverageIn(conn, q.region, q.from, q.to));
  runtime::Measurement m;
  if (c.total.eligible == 0) {
    m.reason = "区划内没有有参与意愿且有能力的贫困户";
    return m;
  }
  int64_t num = c.total.covered, den = c.total.eligible;
  m.status = runtime::Measurement::Status::kOk;
  m.value = (num * 20000 + den) / (2 * den);  // basis points, half up (≥ 0)
  m.numerator = num;
  m.denominator = den;
  return m;
}

}  // namespace

std::vector<runtime::IndicatorSource> Sources() {
  return {{"willing_poor_household_coverage_rate", kSource, CoverageRate}};
}

}  // namespace ruralec::households::indicators
