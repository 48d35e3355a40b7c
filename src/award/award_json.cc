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
  if (const auto& d = e.designation)
    j["designation"] = {{"id", d->id},
                        {"level", d->level},
                        {"kind", d->kind},
                        {"year", d->year},
                        {"document_no", d->document_no},
                        {"issuing_body", d->issuing_body},
                        {"recognised_on", d->recognised_on}};
  if (const auto& q = e.quota)
    j["quota"] = {
        {"places", q->places}, {"rank", q->rank}, {"tied", q->tied}, {"within", q->within}};
  if (const auto& t = e.training)
    j["training"] = {{"enrolment_id", t->enrolment_id},
                     {"trainee_id", t->trainee_id},
                     {"course_id", t->course_id},
                     {"course_title", t->course_title},
                     {"level", t->level},
                     {"level_label", t->level_label},
                     {"certificate_code", t->certificate_code},
                     {"qualified_on", t->qualified_on}};
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

namespace {

std::optional<int64_t> OptInt(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<int64_t>();
}

MetricUse MetricFromJson(const Json& j) {
  MetricUse m{j.at("metric").get<std::string>(), j.at("value").get<int64_t>(),
              j.at("unit").get<std::string>()};
  if (j.contains("comparator")) {
    m.comparator = j.at("comparator").get<std::string>();
    m.threshold = j.at("threshold").get<int64_t>();
    m.threshold_set_locally = j.at("threshold_set_locally").get<bool>();
  }
  m.record_ids = j.at("record_ids").get<std::vector<int64_t>>();
  return m;
}

std::optional<TierUse> TierFromJson(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return TierUse{j.at("index").get<int>(), OptInt(j, "from"), OptInt(j, "to"),
                 j.at("amount_fen").get<int64_t>()};
}

std::string Str(const Json& j, const char* key) {
  const Json& v = j.at(key);
  return v.is_null() ? std::string() : v.get<std::string>();
}

// Throws nlohmann::json::exception on a missing key or a wrong type.
Explanation DecodeExplanation(const Json& j) {
  Explanation e;
  e.rule_name = Str(j, "rule_name");
  e.rule_text = Str(j, "rule_text");
  e.source = Str(j, "source");
  e.amount_type = Str(j, "amount_type");
  for (const auto& m : j.at("metrics")) e.metrics.push_back(MetricFromJson(m));
  e.tier = TierFromJson(j.at("tier"));
  e.percent_bp = OptInt(j, "percent_bp");
  e.percent_of = Str(j, "percent_of");
  e.percent_base = OptInt(j, "percent_base");
  e.base_fen = OptInt(j, "base_fen");
  for (const auto& m : j.at("multipliers"))
    e.multipliers.push_back({m.at("region_tag").get<std::string>(),
                             m.at("uplift_bp").get<int64_t>(), m.at("applied").get<bool>()});
  e.after_uplift_fen = OptInt(j, "after_uplift_fen");
  e.cap_fen = OptInt(j, "cap_fen");
  e.cap_applied = j.at("cap_applied").get<bool>();
  e.floor_fen = OptInt(j, "floor_fen");
  e.floor_applied = j.at("floor_applied").get<bool>();
  e.set_locally = j.at("set_locally").get<bool>();
  e.set_by = Str(j, "set_by");
  e.local_reference = Str(j, "local_reference");
  e.frequency = Str(j, "frequency");
  e.payable_after_acceptance = j.at("payable_after_acceptance").get<bool>();
  e.note = Str(j, "note");
  if (auto p = j.find("prior"); p != j.end())
    e.prior = PriorAward{{},
                         {},
                         0,
                         p->at("period").get<std::string>(),
                         p->at("list_id").get<int64_t>(),
                         p->at("version").get<int>()};
  if (auto d = j.find("designation"); d != j.end())
    e.designation =
        DesignationRef{d->at("id").get<int64_t>(), Str(*d, "level"),       Str(*d, "kind"),
                       d->at("year").get<int>(),   Str(*d, "document_no"), Str(*d, "issuing_body"),
                       Str(*d, "recognised_on")};
  if (auto q = j.find("quota"); q != j.end())
    e.quota = QuotaUse{q->at("places").get<int>(), q->at("rank").get<int>(),
                       q->at("tied").get<int>(), q->at("within").get<bool>()};
  if (auto t = j.find("training"); t != j.end())
    e.training = TrainingRef{t->at("enrolment_id").get<int64_t>(),
                             t->at("trainee_id").get<int64_t>(),
                             t->at("course_id").get<int64_t>(),
                             Str(*t, "course_title"),
                             Str(*t, "level"),
                             Str(*t, "level_label"),
                             Str(*t, "certificate_code"),
                             Str(*t, "qualified_on")};
  return e;
}

}  // namespace

Result<Explanation> ExplanationFromJson(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return Error::Internal("奖补明细的计算说明不是有效的 JSON 对象");
  try {
    return DecodeExplanation(j);
  } catch (const Json::exception& e) {
    return Error::Internal(std::string("奖补明细的计算说明缺少字段或类型不符: ") + e.what());
  }
}

RuleOutcome RuleOutcomeFromJson(const Json& r) {
  RuleOutcome o{r.value("rule_id", ""), r.value("rule_name", ""), r.value("subject", "")};
  std::string st = r.value("status", "evaluated");
  for (auto s : {RuleStatus::kEvaluated, RuleStatus::kNoDataSource, RuleStatus::kNeedsLocalSetting,
                 RuleStatus::kNotEvaluable})
    if (st == RuleStatusName(s)) o.status = s;
  o.reason = r.value("reason", "");
  o.candidates = r.value("candidates", int64_t{0});
  o.lines = r.value("lines", int64_t{0});
  o.payable_fen = r.value("payable_fen", int64_t{0});
  return o;
}

}  // namespace ruralec::award
