#include "programme/cli/programme_json.h"

#include <cstdlib>

#include "programme/indicators.h"

namespace ruralec::programme {
namespace {

using J = nlohmann::ordered_json;

J Date(const std::optional<CivilDate>& d) { return d ? J(d->ToString()) : J(nullptr); }

// The value as written, as a JSON number when it is one ("1.28" → 1.28).
J Written(const std::string& text) {
  if (text.empty()) return nullptr;
  char* end = nullptr;
  double d = std::strtod(text.c_str(), &end);
  if (end && *end == '\0') {
    if (text.find('.') == std::string::npos) return std::strtoll(text.c_str(), nullptr, 10);
    return d;
  }
  return text;
}

J Qty(const std::optional<Quantity>& q) {
  if (!q) return nullptr;
  J j;
  j["value"] = Written(q->text);
  j["unit"] = q->unit;
  j["value_normalized"] = q->normalized ? J(*q->normalized) : J(nullptr);
  j["base_unit"] = q->base_unit;
  return j;
}

J Region(const RegionRef& r) {
  return {{"region_code", r.resolved_code.empty() ? J(nullptr) : J(r.resolved_code)},
          {"region_name", r.resolved_name.empty() ? r.name : r.resolved_name},
          {"written_name", r.name}};
}

J TargetJson(const programme::Target& t, const RegionRef& programme_region) {
  J j;
  j["id"] = t.id;
  j["indicator"] = t.indicator;
  const Indicator* ind = FindIndicator(t.indicator);
  j["indicator_name"] = ind ? ind->name : "";
  j["params"] = t.params;
  j["comparator"] = t.comparator;
  j["value"] = t.value ? Written(t.value->text) : J(nullptr);
  j["unit"] = t.value ? t.value->unit : (t.quotas.empty() ? "" : t.quotas[0].value.unit);
  j["value_normalized"] = t.value && t.value->normalized ? J(*t.value->normalized) : J(nullptr);
  j["base_unit"] = ind ? BaseUnitName(ind->dimension) : "";
  j["open"] = t.open.empty() ? J(nullptr) : J(t.open);
  j["aspiration"] = t.aspiration;
  j["deadline"] = Date(t.deadline);
  j["deadline_note"] = t.deadline_note;
  j["region"] = Region(t.region ? *t.region : programme_region);
  J quotas = J::array();
  for (const auto& q : t.quotas) {
    J e = Region(q.region);
    e["value"] = Written(q.value.text);
    e["value_normalized"] = q.value.normalized ? J(*q.value.normalized) : J(nullptr);
    e["source"] = q.source;
    quotas.push_back(e);
  }
  j["quotas"] = quotas;
  j["quotas_must_sum"] = t.quotas_must_sum;
  if (t.quota_each) {
    J each = {{"value", Written(t.quota_each->value.text)},
              {"applies_to", t.quota_each->applies_to},
              {"regions", J::array()}};
    for (const auto& r : t.quota_each->regions) each["regions"].push_back(Region(r));
    j["quota_each"] = each;
  }
  J cands = J::array();
  for (const auto& c : t.candidates) cands.push_back(Region(c));
  j["candidates"] = cands;
  j["text"] = t.text;
  j["source"] = t.source;
  j["line"] = t.line;
  return j;
}

J TaskJson(const programme::Task& t) {
  return {{"number", t.number},           {"text", t.text},
          {"lead_units", t.lead_units},   {"coordinating_units", t.coordinating_units},
          {"deadline", Date(t.deadline)}, {"deadline_text", t.deadline_text},
          {"targets", t.targets},         {"indicators", t.indicators},
          {"source", t.source},           {"line", t.line}};
}

// The county's values for the open parts (null when none): shown apart from the seed's.
J LocalJson(const std::optional<programme::LocalValues>& v) {
  if (!v) return nullptr;
  J tiers = J::array();
  for (const auto& t : v->tiers)
    tiers.push_back({{"from", Qty(t.from)}, {"to", Qty(t.to)}, {"amount", Qty(t.amount)}});
  return {{"set_by", v->set_by},           {"decided_on", Date(v->decided_on)},
          {"reference", v->reference},     {"tiers", tiers},
          {"value", Qty(v->value)},        {"percent", Qty(v->percent)},
          {"threshold", Qty(v->threshold)}};
}

J RuleJson(const AwardRule& r) {
  J j = {{"id", r.id}, {"name", r.name}, {"kind", r.kind}, {"subject", r.subject}};
  if (!r.designation_level.empty()) {
    j["designation"] = {{"level", r.designation_level}, {"kind", r.designation_kind}};
  }
  J el = J::array();
  for (const auto& e : r.eligibility) {
    el.push_back({{"metric", e.metric},
                  {"period", e.period},
                  {"comparator", e.comparator},
                  {"threshold", Qty(e.threshold)},
                  {"text", e.text}});
  }
  j["eligibility"] = el;
  j["region_tags"] = r.region_tags;
  const auto& a = r.amount;
  J tiers = J::array();
  for (const auto& t : a.tiers) {
    tiers.push_back({{"from", Qty(t.from)}, {"to", Qty(t.to)}, {"amount", Qty(t.amount)}});
  }
  j["amount"] = {{"type", a.type},
                 {"value", Qty(a.value)},
                 {"percent", Qty(a.percent)},
                 {"of", a.of},
                 {"up_to", a.up_to},
                 {"tiers", a.tiers_set_locally ? J("set_locally") : tiers},
                 {"cap", Qty(a.cap)},
                 {"floor", Qty(a.floor)}};
  J mult = J::array();
  for (const auto& m : r.multipliers) {
    mult.push_back({{"region_tag", m.region_tag}, {"uplift", Qty(m.uplift)}});
  }
  j["multipliers"] = mult;
  j["frequency"] = r.frequency;
  j["payable_after_acceptance"] = r.payable_after_acceptance;
  j["quota"] = r.quota ? J(*r.quota) : J(nullptr);
  J local = J::array();
  for (const auto& l : r.set_locally) local.push_back({{"setting", l.setting}, {"note", l.note}});
  j["set_locally"] = local;
  j["flags"] = r.flags;
  j["local"] = LocalJson(r.local);
  j["text"] = r.text;
  j["source"] = r.source;
  return j;
}

J StageLocalJson(const std::optional<StageLocal>& v) {
  if (!v) return nullptr;
  return {{"set_by", v->set_by},
          {"decided_on", v->decided_on ? J(v->decided_on->ToString()) : J(nullptr)},
          {"reference", v->reference},
          {"working_days", v->working_days ? J(*v->working_days) : J(nullptr)}};
}

J FundPlanJson(const programme::FundPlan& fp) {
  J funds = J::array(), cats = J::array(), cons = J::array();
  for (const auto& f : fp.funds) {
    J tr = J::array();
    for (const auto& t : f.tranches) tr.push_back({{"name", t.name}, {"amount", Qty(t.amount)}});
    funds.push_back({{"id", f.id},
                     {"name", f.name},
                     {"kind", f.kind},
                     {"amount", Qty(f.amount)},
                     {"open", f.open},
                     {"tranches", tr},
                     {"source", f.source}});
  }
  for (const auto& c : fp.categories) {
    cats.push_back({{"id", c.id},
                    {"name", c.name},
                    {"fund", c.fund},
                    {"amount", Qty(c.amount)},
                    {"tags", c.tags},
                    {"source", c.source}});
  }
  for (const auto& c : fp.constraints) {
    cons.push_back({{"id", c.id},
                    {"kind", c.kind},
                    {"fund", c.fund},
                    {"tag", c.tag},
                    {"percent", Qty(c.percent)},
                    {"in_principle", c.in_principle},
                    {"clawback", c.clawback},
                    {"items", c.items},
                    {"text", c.text},
                    {"source", c.source}});
  }
  return {{"funds", funds},
          {"categories", cats},
          {"constraints", cons},
          {"support_directions", fp.support_directions},
          {"source", fp.source}};
}

J WorkflowJson(const programme::Workflow& w) {
  J stages = J::array(), mats = J::array(), rep = J::array();
  for (const auto& s : w.stages) {
    stages.push_back({{"stage", s.stage},
                      {"after", s.after},
                      {"working_days", s.working_days ? J(*s.working_days) : J(nullptr)},
                      {"conclusions", s.conclusions},
                      {"publish_conclusion", s.publish_conclusion},
                      {"open", s.open},
                      {"local", StageLocalJson(s.local)},
                      {"text", s.text},
                      {"source", s.source}});
  }
  for (const auto& m : w.materials) {
    mats.push_back({{"project_type", m.project_type},
                    {"name", m.name},
                    {"items", m.items},
                    {"source", m.source}});
  }
  for (const auto& r : w.reporting) {
    rep.push_back({{"frequency", r.frequency}, {"by", r.by}, {"source", r.source}});
  }
  return {{"stages", stages}, {"materials", mats}, {"reporting", rep}};
}

}  // namespace

nlohmann::ordered_json ToJson(const Programme& p) {
  J j;
  j["id"] = p.id;
  j["name"] = p.name;
  j["kind"] = p.kind;
  j["status"] = p.status;
  j["issuers"] = p.issuers;
  j["document_number"] = p.document_number;
  j["issued_on"] = Date(p.issued_on);
  j["region"] = Region(p.region);
  j["period"] = {
      {"start", Date(p.period_start)}, {"end", Date(p.period_end)}, {"note", p.period_note}};
  J phases = J::array();
  for (const auto& ph : p.phases) {
    phases.push_back({{"name", ph.name},
                      {"start", Date(ph.start)},
                      {"end", Date(ph.end)},
                      {"text", ph.text},
                      {"source", ph.source}});
  }
  j["phases"] = phases;
  j["targets"] = J::array();
  for (const auto& t : p.targets) j["targets"].push_back(TargetJson(t, p.region));
  j["tasks"] = J::array();
  for (const auto& t : p.tasks) j["tasks"].push_back(TaskJson(t));
  j["award_rules"] = J::array();
  for (const auto& r : p.award_rules) j["award_rules"].push_back(RuleJson(r));
  j["fund_plan"] = FundPlanJson(p.fund_plan);
  j["workflow"] = WorkflowJson(p.workflow);
  j["notes"] = p.notes;
  j["source_document"] = p.source_document;
  return j;
}

J LocalVersionJson(const LocalVersion& v) {
  return {{"programme_id", v.programme_id},
          {"version", v.version},
          {"change_id", v.change_id ? J(*v.change_id) : J(nullptr)},
          {"approved_by_name", v.approved_by_name},
          {"approved_at_ms", v.approved_at ? J(*v.approved_at) : J(nullptr)},
          {"rules", v.rules},
          {"stages", v.stages},
          {"references", v.references},
          {"label", LocalVersionLabel(v)}};
}

}  // namespace ruralec::programme
