#include "training/indicators.h"

#include "training/training.h"
#include "training/training_store.h"

namespace ruralec::training::indicators {
namespace {

using runtime::IndicatorQuery;
using runtime::Measurement;

constexpr char kSource[] = "training attendance (training_attendance, training_trainees)";
constexpr char kOutcomes[] = "training follow-up outcomes (training_outcomes)";

Measurement Value(int64_t v) {
  Measurement m;
  m.status = Measurement::Status::kOk;
  m.value = v;
  return m;
}

// The audience parameter as a dictionary value ("" = everyone); nullopt when unknown.
Result<std::optional<std::string>> Audience(storage::Connection& conn, const IndicatorQuery& q) {
  auto it = q.params.find("audience");
  if (it == q.params.end() || it->second.empty()) return std::optional<std::string>("");
  ASSIGN_OR_RETURN(auto known, DictValues(conn, q.region.county(), "training_audiences"));
  for (const auto& k : known)
    if (k.value == it->second || k.label == it->second) return std::optional(k.value);
  return std::optional<std::string>();
}

Result<Measurement> Count(storage::Connection& conn, const IndicatorQuery& q, bool persons) {
  ASSIGN_OR_RETURN(auto audience, Audience(conn, q));
  if (!audience) {
    Measurement m;
    m.status = Measurement::Status::kNoDataSource;
    m.reason = "培训人员类别字典没有 " + q.params.at("audience");
    return m;
  }
  store::Span span{q.region, q.from.ToString(), q.to.ToString()};
  ASSIGN_OR_RETURN(int64_t n, persons ? store::UniqueTrainees(conn, span, *audience)
                                      : store::PersonTimes(conn, span, *audience));
  return Value(n);
}

}  // namespace

std::vector<runtime::IndicatorSource> Sources() {
  return {
      {"training_person_times", kSource,
       [](storage::Connection& c, const IndicatorQuery& q) { return Count(c, q, false); }},
      {"training_trainees", kSource,
       [](storage::Connection& c, const IndicatorQuery& q) { return Count(c, q, true); }},
      {"ecommerce_leaders", kOutcomes,
       [](storage::Connection& c, const IndicatorQuery& q) -> Result<Measurement> {
         store::Span span{q.region, q.from.ToString(), q.to.ToString()};
         ASSIGN_OR_RETURN(int64_t n, store::TraineesWithOutcome(c, span, "leader"));
         return Value(n);
       }},
  };
}

}  // namespace ruralec::training::indicators
