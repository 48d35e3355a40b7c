#include "training/indicators.h"

#include <algorithm>
#include <set>

#include "training/followup.h"
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

Measurement NoData(std::string reason) {
  Measurement m;
  m.status = Measurement::Status::kNoDataSource;
  m.reason = std::move(reason);
  return m;
}

// The conversion rule of the query: the county's settings (followup.h; defaults above county
// level or without a row), overridden by the target's params `months` and `kinds` (comma
// separated outcome kinds) — a programme's own rule. nullopt with the reason when a param is
// not understood.
Result<std::pair<std::optional<ConversionSettings>, std::string>> RuleOf(storage::Connection& conn,
                                                                         const IndicatorQuery& q) {
  using Out = std::pair<std::optional<ConversionSettings>, std::string>;
  ASSIGN_OR_RETURN(ConversionSettings s, SettingsFor(conn, q.region));
  if (auto it = q.params.find("months"); it != q.params.end() && !it->second.empty()) {
    bool digits =
        it->second.size() <= 3 && it->second.find_first_not_of("0123456789") == std::string::npos;
    s.months = digits ? std::stoi(it->second) : 0;
    if (s.months < 1 || s.months > 60)
      return Out{std::nullopt, "months 应为 1 到 60 的整数 (months: " + it->second + ")"};
  }
  if (auto it = q.params.find("kinds"); it != q.params.end() && !it->second.empty()) {
    s.kinds.clear();
    std::string k;
    for (char c : it->second + ",") {
      if (c != ',') {
        k += c;
        continue;
      }
      if (k.empty()) continue;
      const auto& known = Builtin("training_outcome_kinds");
      auto hit = std::find_if(known.begin(), known.end(),
                              [&](const DictValue& v) { return v.value == k || v.label == k; });
      if (hit == known.end()) return Out{std::nullopt, "未知的跟踪结果类型 (kinds: " + k + ")"};
      s.kinds.push_back(hit->value);
      k.clear();
    }
  }
  return Out{std::move(s), ""};
}

Result<Measurement> Conversion(storage::Connection& conn, const IndicatorQuery& q) {
  ASSIGN_OR_RETURN(auto rule, RuleOf(conn, q));
  if (!rule.first) return NoData(rule.second);
  const std::set<std::string> kinds(rule.first->kinds.begin(), rule.first->kinds.end());
  const int months = rule.first->months;
  store::Span span{q.region, q.from.ToString(), q.to.ToString()};
  ASSIGN_OR_RETURN(auto last, store::LastDayOfTrainees(conn, span));
  ASSIGN_OR_RETURN(auto facts, store::OutcomesSince(conn, q.region, span.from));
  std::set<int64_t> converted;
  for (const auto& f : facts) {
    auto it = last.find(f.trainee_id);
    if (it == last.end() || !kinds.count(f.kind) || f.happened_on < it->second) continue;
    // The window's end: the same day N months on (the month's last day when it has no such day).
    CivilDate until = MonthsAfter(*CivilDate::Parse(it->second), months);
    if (f.happened_on <= until.ToString()) converted.insert(f.trainee_id);
  }
  if (last.empty()) return NoData("区划内本期没有参训学员");
  auto num = static_cast<int64_t>(converted.size());
  auto den = static_cast<int64_t>(last.size());
  Measurement m = Value((num * 20000 + den) / (2 * den));  // basis points, half up
  m.numerator = num;
  m.denominator = den;
  return m;
}

}  // namespace

std::vector<runtime::IndicatorSource> Sources() {
  return {
      {"training_person_times", kSource,
       [](storage::Connection& c, const IndicatorQuery& q) { return Count(c, q, false); }},
      {"training_trainees", kSource,
       [](storage::Connection& c, const IndicatorQuery& q) { return Count(c, q, true); }},
      {"training_conversion_rate", kOutcomes, Conversion},
      {"ecommerce_leaders", kOutcomes,
       [](storage::Connection& c, const IndicatorQuery& q) -> Result<Measurement> {
         store::Span span{q.region, q.from.ToString(), q.to.ToString()};
         ASSIGN_OR_RETURN(int64_t n, store::TraineesWithOutcome(c, span, "leader"));
         return Value(n);
       }},
  };
}

}  // namespace ruralec::training::indicators
