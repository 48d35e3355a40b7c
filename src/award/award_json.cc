#include "award/award_json.h"

namespace ruralec::award {
namespace {

Json Opt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json MetricJson(const MetricUse& m) {
  Json j = {
      {"metric", m.metric}, {"value", m.value}, {"unit", m.unit}, {"record_ids", m.record_ids}};
  if (!m.comparator.empty()) {
    j["comparator"] = m.comparator;
    j["threshold"] = m.threshold;
    j["threshold_set_locally"] = m.threshold_set_locally;
  }
  return j;
}

Json TierJson(const std::optional<TierUse>& t) {
  if (!t) return nullptr;
  return {{"index", t->index},
          {"from", Opt(t->from)},
          {"to", Opt(t->to)},
          {"amount_fen", t->amount_fen}};
}

}  // namespace

Json ExplanationJson(const Line& l) {
  const Explanation& e = l.explanation;
  Json metrics = Json::array(), mult = Json::array();
  for (const auto& m : e.metrics) metrics.push_back(MetricJson(m));
  for (const auto& m : e.multipliers)
    mult.push_back(
        {{"region_tag", m.region_tag}, {"uplift_bp", m.uplift_bp}, {"applied", m.applied}});
  Json j = {{"status", LineStatusName(l.status)},
            {"rule_name", e.rule_name},
            {"rule_text", e.rule_text},
            {"source", e.source},
            {"amount_type", e.amount_type},
            {"metrics", metrics},
            {"tier", TierJson(e.tier)},
            {"percent_bp", Opt(e.percent_bp)},
            {"percent_of", e.percent_of.empty() ? Json(nullptr) : Json(e.percent_of)},
            {"percent_base", Opt(e.percent_base)},
            {"base_fen", Opt(e.base_fen)},
            {"multipliers", mult},
            {"after_uplift_fen", Opt(e.after_uplift_fen)},
            {"cap_fen", Opt(e.cap_fen)},
            {"cap_applied", e.cap_applied},
            {"floor_fen", Opt(e.floor_fen)},
            {"floor_applied", e.floor_applied},
            {"set_locally", e.set_locally},
            {"set_by", e.set_by},
            {"local_reference", e.local_reference},
            {"frequency", e.frequency},
            {"payable_after_acceptance", e.payable_after_acceptance},
            {"region_code", l.region_code},
            {"payee_entity_id", l.payee_entity_id},
            {"note", e.note}};
  if (e.prior)
    j["prior"] = {
        {"period", e.prior->period}, {"list_id", e.prior->list_id}, {"version", e.prior->version}};
  return j;
}

Json LineJson(const Line& l) {
  return {{"subject_kind", l.subject_kind},  {"subject_id", l.subject_id},
          {"subject_name", l.subject_name},  {"rule_id", l.rule_id},
          {"amount_fen", Opt(l.amount_fen)}, {"explanation", ExplanationJson(l)}};
}

Json RuleOutcomeJson(const RuleOutcome& r) {
  return {{"rule_id", r.rule_id}, {"rule_name", r.rule_name},
          {"subject", r.subject}, {"status", RuleStatusName(r.status)},
          {"reason", r.reason},   {"candidates", r.candidates},
          {"lines", r.lines},     {"payable_fen", r.payable_fen}};
}

Json DiffJson(const Diff& d) {
  Json entries = Json::array();
  for (const auto& e : d.entries)
    entries.push_back({{"change", e.change},
                       {"rule_id", e.key.rule_id},
                       {"subject_kind", e.key.subject_kind},
                       {"subject_id", e.key.subject_id},
                       {"subject_name", e.subject_name},
                       {"old_amount_fen", Opt(e.old_amount_fen)},
                       {"new_amount_fen", Opt(e.new_amount_fen)},
                       {"old_status", e.old_status.empty() ? Json(nullptr) : Json(e.old_status)},
                       {"new_status", e.new_status.empty() ? Json(nullptr) : Json(e.new_status)}});
  return {{"entries", entries},
          {"unchanged", d.unchanged},
          {"old_total_fen", d.old_total_fen},
          {"new_total_fen", d.new_total_fen}};
}

Line LineFromStored(const std::string& rule_id, const std::string& subject_kind, int64_t subject_id,
                    const std::string& subject_name, const std::optional<int64_t>& amount_fen,
                    const std::string& status) {
  Line l;
  l.rule_id = rule_id;
  l.subject_kind = subject_kind;
  l.subject_id = subject_id;
  l.subject_name = subject_name;
  l.amount_fen = amount_fen;
  l.status = ParseLineStatus(status).value_or(LineStatus::kPayable);
  return l;
}

}  // namespace ruralec::award
