// Evaluation of award rules: eligibility → amount → uplift → cap/floor, one line per subject.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "award/award.h"
#include "award/words.h"

namespace ruralec::award {

using programme::AwardRule;
using programme::Quantity;

const char* LineStatusName(LineStatus s) {
  switch (s) {
    case LineStatus::kPayable:
      return "payable";
    case LineStatus::kNeedsLocalSetting:
      return "needs_local_setting";
    case LineStatus::kAlreadyAwarded:
      return "already_awarded";
    case LineStatus::kBeyondQuota:
      return "beyond_quota";
  }
  return "payable";
}

std::optional<LineStatus> ParseLineStatus(const std::string& s) {
  for (auto v : {LineStatus::kPayable, LineStatus::kNeedsLocalSetting, LineStatus::kAlreadyAwarded,
                 LineStatus::kBeyondQuota})
    if (s == LineStatusName(v)) return v;
  return std::nullopt;
}

const char* RuleStatusName(RuleStatus s) {
  switch (s) {
    case RuleStatus::kEvaluated:
      return "evaluated";
    case RuleStatus::kNoDataSource:
      return "no_data_source";
    case RuleStatus::kNeedsLocalSetting:
      return "needs_local_setting";
    case RuleStatus::kNotEvaluable:
      return "not_evaluable";
  }
  return "evaluated";
}

Result<int> ParseYear(const std::string& period) {
  if (period.size() == 4 && std::all_of(period.begin(), period.end(), ::isdigit)) {
    int y = std::stoi(period);
    if (y >= 2000 && y <= 2100) return y;
  }
  return Error::Invalid("period", "期间应为四位年份，例如 2019: " + period);
}

std::string MetricUnit(const std::string& metric) {
  if (metric == "online_sales" || metric == "uplink_online_sales" ||
      metric == "uplink_service_with_sales" || metric == "purchase_from_poor" ||
      metric == "purchase_amount" || metric == "stable_purchase_cooperation" ||
      metric == "cooperation_online_sales")
    return "fen";
  if (metric == "station_service_performance" || metric == "training_qualified" ||
      metric == "poor_household_employment" || metric == "poor_household_online_shop")
    return "count";
  if (metric == "online_export_sales") return "us_cent";
  if (metric == "station_assessment_score") return "centi_point";  // 003 R03, threshold in 分
  return "";
}

std::optional<int64_t> ApplyRate(int64_t value, int64_t basis_points) {
  __int128 p = static_cast<__int128>(value) * basis_points;
  __int128 q = p >= 0 ? (p + 5000) / 10000 : -((-p + 5000) / 10000);
  if (q > INT64_MAX || q < INT64_MIN) return std::nullopt;
  return static_cast<int64_t>(q);
}

namespace {

int64_t N(const std::optional<Quantity>& q) { return q && q->normalized ? *q->normalized : 0; }

bool Compare(int64_t v, const std::string& cmp, int64_t t) {
  if (cmp == ">") return v > t;
  if (cmp == ">=") return v >= t;
  if (cmp == "<") return v < t;
  if (cmp == "<=") return v <= t;
  return v == t;
}

bool LeavesEligibilityOpen(const AwardRule& r) {
  return std::any_of(r.set_locally.begin(), r.set_locally.end(),
                     [](const programme::LocalSetting& s) { return s.setting == "eligibility"; });
}

// Metrics stating a fact of the subject (1 = it holds) rather than an amount: an eligibility
// line on one without a threshold ("= 培训合格") asks for the fact, and its `period: session`
// is the session in which the fact arose, which the data adapter places in the evaluated year
// (a trainee subject exists only for the year of the qualification).
// 001 R05's poor_household_online_shop is one too: the household subject exists only for the
// year its first shop opened, so `period: once` is that year.
bool IsFactMetric(const std::string& metric) {
  return metric == "training_qualified" || metric == "poor_household_online_shop";
}

// The period an eligibility line on `metric` may say and still be evaluated per year.
bool EvaluablePeriod(const std::string& metric, const std::string& period) {
  if (period == "year") return true;
  if (metric == "training_qualified") return period == "session";
  return metric == "poor_household_online_shop" && period == "once";
}

// The threshold of an eligibility line: the seed's, else the county's local threshold; 1 for a
// fact metric without one. A line "> (no threshold)" on a rule that does not leave its
// eligibility to the county rewards the act itself (002 R10 "收购贫困村、贫困户农村产品的"): more
// than zero.
std::optional<int64_t> Threshold(const AwardRule& r, const programme::Eligibility& e, bool* local) {
  *local = false;
  if (e.threshold && e.threshold->normalized) return *e.threshold->normalized;
  if (IsFactMetric(e.metric) && !e.threshold) return 1;
  if (r.local && r.local->threshold && r.local->threshold->normalized) {
    *local = true;
    return *r.local->threshold->normalized;
  }
  if (e.comparator == ">" && !LeavesEligibilityOpen(r)) return int64_t{0};
  return std::nullopt;
}

// Why a rule cannot produce lines at all; kEvaluated when it can.
RuleOutcome Precheck(const AwardRule& r, const SubjectData& data) {
  RuleOutcome o{r.id, r.name, r.subject};
  auto no_source = [&](std::string why) {
    o.status = RuleStatus::kNoDataSource;
    o.reason = std::move(why);
    return o;
  };
  if (!data.by_kind.count(r.subject))
    return no_source("暂无数据来源：尚无" + SubjectLabel(r.subject) + "数据");
  for (const auto& e : r.eligibility) {
    if (!data.metrics.count(e.metric)) return no_source("无数据来源: 指标 " + e.metric);
    if (!EvaluablePeriod(e.metric, e.period)) {
      o.status = RuleStatus::kNotEvaluable;
      o.reason = "资格期间 " + e.period + " 暂不支持按年评估";
      return o;
    }
    bool local = false;
    auto t = Threshold(r, e, &local);
    if (!t) {
      o.status = RuleStatus::kNeedsLocalSetting;
      o.reason = "资格门槛未由方案给出，须地方设定 (local.threshold): " + e.text;
      return o;
    }
    const auto& th = local ? r.local->threshold : e.threshold;
    if (th && th->base_unit != MetricUnit(e.metric)) {
      o.status = RuleStatus::kNotEvaluable;
      o.reason = "门槛单位 " + th->unit + " 与指标 " + e.metric + " 不符";
      return o;
    }
  }
  if (r.amount.type == "percentage" && !data.metrics.count(r.amount.of))
    return no_source("无数据来源: 计算基数 " + r.amount.of);
  return o;
}

// A demonstration rule applies to designations of its level and kind (the rules' `district`
// is the designation's `county`); other rules to every subject of their kind.
bool Applies(const AwardRule& r, const Subject& s) {
  if (r.subject != "demonstration") return true;
  if (!s.designation || s.designation->kind != r.designation_kind) return false;
  std::string level = r.designation_level == "district" ? "county" : r.designation_level;
  return level.empty() || level == "any" || level == s.designation->level;
}

bool Eligible(const AwardRule& r, const Subject& s, Explanation& ex) {
  for (const auto& f : r.flags)
    if (!s.flags.count(f)) return false;
  if (!r.region_tags.empty() &&
      std::none_of(r.region_tags.begin(), r.region_tags.end(),
                   [&](const std::string& t) { return s.region_tags.count(t) > 0; }))
    return false;
  for (const auto& e : r.eligibility) {
    bool local = false;
    int64_t t = *Threshold(r, e, &local);
    auto it = s.metrics.find(e.metric);
    int64_t v = it == s.metrics.end() ? 0 : it->second;
    if (!Compare(v, e.comparator, t)) return false;
    MetricUse mu{e.metric, v, MetricUnit(e.metric), e.comparator, t, local, {}};
    auto ev = s.evidence.find(e.metric);
    if (ev != s.evidence.end()) mu.record_ids = ev->second;
    ex.metrics.push_back(std::move(mu));
    if (local) ex.set_locally = true;
  }
  return true;
}

int64_t MetricOf(const Subject& s, const std::string& m) {
  auto it = s.metrics.find(m);
  return it == s.metrics.end() ? 0 : it->second;
}

// The tier the subject's first eligibility metric falls in, from the seed's tiers or the
// county's local tiers.
bool PickTier(const AwardRule& r, const Subject& s, Explanation& ex) {
  const auto& seed = r.amount.tiers;
  bool local = seed.empty();
  const auto& tiers = local ? (r.local ? r.local->tiers : seed) : seed;
  if (tiers.empty()) {
    ex.note = "档次由地方设定，尚未设定 (set_locally: tiers)";
    return false;
  }
  std::string metric = r.eligibility.empty() ? r.amount.of : r.eligibility[0].metric;
  int64_t v = MetricOf(s, metric);
  for (size_t i = 0; i < tiers.size(); ++i) {
    const auto& t = tiers[i];
    if (t.from && v < N(t.from)) continue;
    if (t.to && v >= N(t.to)) continue;
    TierUse tu{static_cast<int>(i + 1), std::nullopt, std::nullopt, *t.amount.normalized};
    if (t.from) tu.from = N(t.from);
    if (t.to) tu.to = N(t.to);
    ex.tier = tu;
    ex.base_fen = tu.amount_fen;
    if (local) ex.set_locally = true;
    return true;
  }
  ex.note = "该值不在任何档次内: " + metric + " = " + std::to_string(v);
  return false;
}

// The error of an amount that leaves int64 while a rule is applied to a subject.
Error Overflow(const AwardRule& r, const Subject& s) {
  return MoneyOverflow("规则 " + r.id + " 对 " + s.name + " (" + s.kind + " " +
                       std::to_string(s.id) + ") 的奖补金额");
}

Result<bool> Percentage(const AwardRule& r, const Subject& s, Explanation& ex) {
  const auto& a = r.amount;
  int64_t bp = 0;
  if (r.local && r.local->percent) {
    bp = N(r.local->percent);
    ex.set_locally = true;
  } else if (a.up_to) {
    ex.note = "方案只给出比例上限 " + a.percent->text + a.percent->unit +
              "，实际比例须地方设定 (set_locally: rate)";
    return false;
  } else {
    bp = N(a.percent);
  }
  ex.percent_bp = bp;
  ex.percent_of = a.of;
  ex.percent_base = MetricOf(s, a.of);
  auto evidence = s.evidence.find(a.of);
  bool listed = std::any_of(ex.metrics.begin(), ex.metrics.end(),
                            [&](const MetricUse& m) { return m.metric == a.of; });
  if (!listed && evidence != s.evidence.end())
    ex.metrics.push_back(
        {a.of, *ex.percent_base, MetricUnit(a.of), "", 0, false, evidence->second});
  ex.base_fen = ApplyRate(*ex.percent_base, bp);
  if (!ex.base_fen) return Overflow(r, s);
  return true;
}

// Base amount before uplift; false (with ex.note) when an open part has no local value.
Result<bool> Base(const AwardRule& r, const Subject& s, Explanation& ex) {
  const auto& a = r.amount;
  if (a.type == "fixed") {
    ex.base_fen = N(a.value);
    return true;
  }
  if (a.type == "percentage") return Percentage(r, s, ex);
  if (a.type == "tiers") return PickTier(r, s, ex);
  if (r.local && r.local->value) {  // open
    ex.base_fen = N(r.local->value);
    ex.set_locally = true;
    return true;
  }
  ex.note = "金额由地方设定，尚未设定 (set_locally: amount)";
  return false;
}

Result<int64_t> Uplift(const AwardRule& r, const Subject& s, Explanation& ex, int64_t base) {
  int64_t best = 0;
  size_t best_i = 0;
  for (const auto& m : r.multipliers) {
    if (!s.region_tags.count(m.region_tag)) continue;
    ex.multipliers.push_back({m.region_tag, N(m.uplift), false});
    if (N(m.uplift) > best) {
      best = N(m.uplift);
      best_i = ex.multipliers.size() - 1;
    }
  }
  if (best == 0) return base;
  ex.multipliers[best_i].applied = true;
  auto up = ApplyRate(base, 10000 + best);
  if (!up) return Overflow(r, s);
  return *up;
}

int64_t Limit(const AwardRule& r, Explanation& ex, int64_t amount) {
  if (r.amount.cap && r.amount.cap->normalized) {
    ex.cap_fen = N(r.amount.cap);
    if (amount > *ex.cap_fen) {
      amount = *ex.cap_fen;
      ex.cap_applied = true;
    }
  }
  if (r.amount.floor && r.amount.floor->normalized) {
    ex.floor_fen = N(r.amount.floor);
    if (amount < *ex.floor_fen) {
      amount = *ex.floor_fen;
      ex.floor_applied = true;
    }
  }
  return amount;
}

const PriorAward* FindPrior(const EvalInput& in, const AwardRule& r, const Subject& s) {
  for (const auto& p : in.prior)
    if (p.rule_id == r.id && p.subject_kind == s.kind && p.subject_id == s.id &&
        p.period != in.period)
      return &p;
  return nullptr;
}

Explanation Describe(const AwardRule& r) {
  Explanation ex;
  ex.rule_name = r.name;
  ex.rule_text = r.text;
  ex.source = r.source;
  ex.amount_type = r.amount.type;
  ex.frequency = r.frequency;
  ex.payable_after_acceptance = r.payable_after_acceptance;
  if (r.local) {
    ex.set_by = r.local->set_by;
    ex.local_reference = r.local->reference;
  }
  return ex;
}

// The data edge's remarks on the figures this rule reads (eligibility metrics, then its base).
void AppendMetricNotes(const AwardRule& r, const Subject& s, Explanation& ex) {
  std::vector<std::string> used;
  for (const auto& e : r.eligibility) used.push_back(e.metric);
  if (!r.amount.of.empty()) used.push_back(r.amount.of);
  std::set<std::string> said;
  for (const auto& m : used) {
    auto it = s.metric_notes.find(m);
    if (it == s.metric_notes.end() || !said.insert(it->second).second) continue;
    ex.note = ex.note.empty() ? it->second : ex.note + "；" + it->second;
  }
}

Result<Line> LineFor(const EvalInput& in, const AwardRule& r, const Subject& s, Explanation ex) {
  Line l{r.id, s.kind, s.id, s.name, s.region_code, s.payee_entity_id, s.personal_name};
  const PriorAward* p = r.frequency == "once" ? FindPrior(in, r, s) : nullptr;
  if (p) {
    l.status = LineStatus::kAlreadyAwarded;
    ex.prior = *p;
    ex.note = "一次性奖励已于 " + p->period + " 年核定（清单 " + std::to_string(p->list_id) +
              " 第 " + std::to_string(p->version) + " 版）";
  }
  ASSIGN_OR_RETURN(bool based, p ? Result<bool>(false) : Base(r, s, ex));
  if (!p && !based) l.status = LineStatus::kNeedsLocalSetting;
  if (based) {
    ASSIGN_OR_RETURN(ex.after_uplift_fen, Uplift(r, s, ex, *ex.base_fen));
    l.amount_fen = Limit(r, ex, *ex.after_uplift_fen);
  }
  if (!ex.set_locally) {
    ex.set_by.clear();
    ex.local_reference.clear();
  }
  AppendMetricNotes(r, s, ex);
  l.explanation = std::move(ex);
  return l;
}

// A metric's value in words: 分 with two decimals, 元, or the number itself.
std::string ValueText(int64_t v, const std::string& metric) {
  std::string unit = MetricUnit(metric);
  if (unit == "fen") return Fen{v}.ToYuan();
  if (unit == "centi_point") {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%02lld分", static_cast<long long>(v / 100),
                  static_cast<long long>(std::llabs(v % 100)));
    return buf;
  }
  return std::to_string(v);
}

// Why a line is beyond the quota: its rank and value, and either how far beyond or the tie.
std::string QuotaNote(const QuotaUse& q, int64_t v, const std::string& metric) {
  std::string at = (q.tied > 1 ? "并列第" : "第") + std::to_string(q.rank) + "名（" +
                   MetricLabel(metric) + " " + ValueText(v, metric) + "）";
  int left = q.places - q.rank + 1;  // places still free at this rank
  if (left > 0)
    return at + "，" + std::to_string(q.tied) + "个并列争剩余" + std::to_string(left) +
           "个名额，未自动入选，由地方决定";
  return at + "，超出择优名额" + std::to_string(q.places) + "个";
}

// 择优名额: competition ranks of the eligible lines by their first eligibility metric (the
// value each line's explanation names), highest first; a line whose rank and equals fit in the
// quota keeps its status, the others become beyond_quota with no amount. Equals across the cut
// are all beyond it: which of them the county chooses is its decision, not the engine's.
void ApplyQuota(const AwardRule& r, std::vector<Line>& lines) {
  if (!r.quota || lines.empty()) return;
  auto value = [](const Line& l) {
    return l.explanation.metrics.empty() ? 0 : l.explanation.metrics.front().value;
  };
  std::vector<size_t> order(lines.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return value(lines[a]) > value(lines[b]); });
  const int places = *r.quota;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && value(lines[order[j]]) == value(lines[order[i]])) ++j;
    QuotaUse q{places, static_cast<int>(i) + 1, static_cast<int>(j - i), false};
    q.within = q.rank + q.tied - 1 <= places;
    for (size_t k = i; k < j; ++k) {
      Line& l = lines[order[k]];
      l.explanation.quota = q;
      if (q.within) continue;
      l.status = LineStatus::kBeyondQuota;
      l.amount_fen.reset();
      l.explanation.note = QuotaNote(q, value(l), l.explanation.metrics.front().metric);
    }
    i = j;
  }
}

// Checked sums: a total that leaves int64 fails the evaluation (never a wrapped amount).
Status EvaluateRule(const EvalInput& in, const AwardRule& r, Evaluation& out) {
  RuleOutcome o = Precheck(r, *in.data);
  std::vector<Line> lines;
  if (o.status == RuleStatus::kEvaluated) {
    for (const auto& s : in.data->by_kind.at(r.subject)) {
      if (!Applies(r, s)) continue;
      ++o.candidates;
      Explanation ex = Describe(r);
      ex.designation = s.designation;
      ex.training = s.training;
      if (!Eligible(r, s, ex)) continue;
      ASSIGN_OR_RETURN(Line l, LineFor(in, r, s, std::move(ex)));
      lines.push_back(std::move(l));
    }
  }
  ApplyQuota(r, lines);
  for (auto& l : lines) {
    ++o.lines;
    if (l.amount_fen && !AddMoney(&o.payable_fen, *l.amount_fen))
      return MoneyOverflow("规则 " + r.id + " 的奖补金额");
    out.lines.push_back(std::move(l));
  }
  if (!AddMoney(&out.total_fen, o.payable_fen)) return MoneyOverflow("奖补清单");
  out.rules.push_back(std::move(o));
  return {};
}

}  // namespace

Result<Evaluation> Evaluate(const EvalInput& in) {
  Evaluation out;
  out.period = in.period;
  for (const auto& r : in.programme->award_rules) {
    size_t first = out.lines.size();
    RETURN_IF_ERROR(EvaluateRule(in, r, out));
    std::stable_sort(out.lines.begin() + static_cast<std::ptrdiff_t>(first), out.lines.end(),
                     [](const Line& a, const Line& b) {
                       return std::tie(a.subject_kind, a.subject_id) <
                              std::tie(b.subject_kind, b.subject_id);
                     });
  }
  return out;
}

}  // namespace ruralec::award
