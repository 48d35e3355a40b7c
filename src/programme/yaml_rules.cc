// YAML edge, second half: award rules, fund plan and workflow (docs/PROGRAMME_FORMAT.md).
#include "programme/yaml_internal.h"

namespace ruralec::programme::yaml_internal {
namespace {

Eligibility ReadEligibility(Map& m) {
  Eligibility e;
  e.line = m.line();
  e.metric = m.Str("metric", true);
  e.period = m.Str("period", true);
  e.comparator = m.Str("comparator", true);
  e.threshold = ReadQuantity(m, "threshold");
  e.text = m.Str("text");
  return e;
}

void ReadTiers(Map& am, Amount& a) {
  YAML::Node n = am.Get("tiers");
  if (!n.IsDefined() || n.IsNull()) return;
  if (n.IsScalar()) {
    if (n.Scalar() == "set_locally") {
      a.tiers_set_locally = true;
    } else {
      am.ctx().Add(LineOf(n), "tiers 应为列表或 set_locally");
    }
    return;
  }
  ForEach(am, "tiers", "tier", [&](Map& m) {
    Tier t;
    t.line = m.line();
    t.from = ReadQuantity(m, "from");
    t.to = ReadQuantity(m, "to");
    if (auto q = ReadQuantity(m, "amount", true)) t.amount = *q;
    a.tiers.push_back(std::move(t));
  });
}

Amount ReadAmount(Map& rule) {
  Amount a;
  YAML::Node n = rule.Get("amount", true);
  Map m(n, rule.ctx(), "amount");
  if (!m.ok()) return a;
  a.line = m.line();
  a.type = m.Str("type", true);
  a.value = ReadQuantity(m, "value");
  a.percent = ReadQuantity(m, "percent");
  a.of = m.Str("of");
  a.up_to = ReadBool(m, "up_to");
  ReadTiers(m, a);
  a.cap = ReadQuantity(m, "cap");
  a.floor = ReadQuantity(m, "floor");
  m.Done();
  return a;
}

void ReadLocalSettings(Map& rule, AwardRule& r) {
  ForEach(rule, "set_locally", "set_locally", [&](Map& m) {
    r.set_locally.push_back({m.Str("setting", true), m.Str("note", true), m.line()});
  });
}

void ReadLocalValues(Map& rule, AwardRule& r) {
  YAML::Node n = rule.Get("local");
  if (!n.IsDefined() || n.IsNull()) return;
  Map m(n, rule.ctx(), "local");
  if (!m.ok()) return;
  LocalValues v;
  v.line = m.line();
  v.set_by = m.Str("set_by", true);
  v.decided_on = ReadDate(m, "decided_on");
  v.reference = m.Str("reference");
  Amount tiers;
  ReadTiers(m, tiers);
  v.tiers = std::move(tiers.tiers);
  v.value = ReadQuantity(m, "value");
  v.percent = ReadQuantity(m, "percent");
  v.threshold = ReadQuantity(m, "threshold");
  m.Done();
  r.local = std::move(v);
}

std::optional<StageLocal> ReadStageLocal(Map& stage) {
  YAML::Node n = stage.Get("local");
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  Map m(n, stage.ctx(), "local");
  if (!m.ok()) return std::nullopt;
  StageLocal v;
  v.line = m.line();
  v.set_by = m.Str("set_by", true);
  v.decided_on = ReadDate(m, "decided_on");
  v.reference = m.Str("reference");
  v.working_days = ReadInt(m, "working_days");
  m.Done();
  return v;
}

}  // namespace

void ReadAwardRules(Map& root, Programme& p) {
  ForEach(root, "award_rules", "award_rule", [&](Map& m) {
    AwardRule r;
    r.line = m.line();
    r.id = m.Str("id", true);
    r.name = m.Str("name", true);
    r.kind = m.Str("kind", true);
    r.subject = m.Str("subject", true);
    YAML::Node d = m.Get("designation");
    if (d.IsDefined()) {
      Map dm(d, m.ctx(), "designation");
      if (dm.ok()) {
        r.designation_level = dm.Str("level", true);
        r.designation_kind = dm.Str("kind", true);
        dm.Done();
      }
    }
    ForEach(m, "eligibility", "eligibility",
            [&](Map& em) { r.eligibility.push_back(ReadEligibility(em)); });
    r.region_tags = ReadStrings(m, "region_tags");
    r.flags = ReadStrings(m, "flags");
    r.amount = ReadAmount(m);
    ForEach(m, "multipliers", "multiplier", [&](Map& mm) {
      Multiplier x;
      x.line = mm.line();
      x.region_tag = mm.Str("region_tag", true);
      if (auto q = ReadQuantity(mm, "uplift", true)) x.uplift = *q;
      x.source = mm.Str("source");
      r.multipliers.push_back(std::move(x));
    });
    r.frequency = m.Str("frequency", true);
    r.payable_after_acceptance = ReadBool(m, "payable_after_acceptance");
    r.quota = ReadInt(m, "quota");
    ReadLocalSettings(m, r);
    ReadLocalValues(m, r);
    r.text = m.Str("text", true);
    r.source = m.Str("source", true);
    p.award_rules.push_back(std::move(r));
  });
}

namespace {

void ReadFunds(Map& fp, FundPlan& plan) {
  ForEach(fp, "funds", "fund", [&](Map& m) {
    Fund f;
    f.line = m.line();
    f.id = m.Str("id", true);
    f.name = m.Str("name", true);
    f.kind = m.Str("kind", true);
    f.amount = ReadQuantity(m, "amount");
    f.open = m.Str("open");
    if (!f.amount && f.open.empty()) m.ctx().Add(f.line, "fund " + f.id + " 缺少 amount 或 open");
    ForEach(m, "tranches", "tranche", [&](Map& tm) {
      Tranche t;
      t.line = tm.line();
      t.name = tm.Str("name", true);
      if (auto q = ReadQuantity(tm, "amount", true)) t.amount = *q;
      f.tranches.push_back(std::move(t));
    });
    f.source = m.Str("source", true);
    plan.funds.push_back(std::move(f));
  });
}

void ReadCategories(Map& fp, FundPlan& plan) {
  ForEach(fp, "categories", "category", [&](Map& m) {
    FundCategory c;
    c.line = m.line();
    c.id = m.Str("id", true);
    c.name = m.Str("name", true);
    c.fund = m.Str("fund", true);
    c.amount = ReadQuantity(m, "amount");
    c.tags = ReadStrings(m, "tags");
    c.source = m.Str("source", true);
    plan.categories.push_back(std::move(c));
  });
}

void ReadConstraints(Map& fp, FundPlan& plan) {
  ForEach(fp, "constraints", "constraint", [&](Map& m) {
    FundConstraint c;
    c.line = m.line();
    c.id = m.Str("id", true);
    c.kind = m.Str("kind", true);
    c.fund = m.Str("fund");
    c.tag = m.Str("tag");
    c.percent = ReadQuantity(m, "percent");
    c.in_principle = ReadBool(m, "in_principle");
    c.clawback = ReadBool(m, "clawback");
    c.items = ReadStrings(m, "items");
    c.text = m.Str("text", true);
    c.source = m.Str("source", true);
    plan.constraints.push_back(std::move(c));
  });
}

}  // namespace

void ReadFundPlan(Map& root, Programme& p) {
  YAML::Node n = root.Get("fund_plan");
  if (!n.IsDefined() || n.IsNull()) return;
  Map m(n, root.ctx(), "fund_plan");
  if (!m.ok()) return;
  ReadFunds(m, p.fund_plan);
  ReadCategories(m, p.fund_plan);
  ReadConstraints(m, p.fund_plan);
  p.fund_plan.support_directions = ReadStrings(m, "support_directions");
  p.fund_plan.source = m.Str("source");
  m.Done();
}

void ReadWorkflow(Map& root, Programme& p) {
  YAML::Node n = root.Get("workflow");
  if (!n.IsDefined() || n.IsNull()) return;
  Map wm(n, root.ctx(), "workflow");
  if (!wm.ok()) return;
  ForEach(wm, "stages", "stage", [&](Map& m) {
    WorkflowStage s;
    s.line = m.line();
    s.stage = m.Str("stage", true);
    s.after = m.Str("after");
    s.working_days = ReadInt(m, "working_days");
    s.conclusions = ReadStrings(m, "conclusions");
    s.publish_conclusion = ReadBool(m, "publish_conclusion");
    s.open = m.Str("open");
    s.local = ReadStageLocal(m);
    s.text = m.Str("text", true);
    s.source = m.Str("source", true);
    p.workflow.stages.push_back(std::move(s));
  });
  ForEach(wm, "materials", "materials", [&](Map& m) {
    MaterialList ml;
    ml.line = m.line();
    ml.project_type = m.Str("project_type", true);
    ml.name = m.Str("name", true);
    ml.items = ReadStrings(m, "items", true);
    ml.source = m.Str("source", true);
    p.workflow.materials.push_back(std::move(ml));
  });
  ForEach(wm, "reporting", "reporting", [&](Map& m) {
    p.workflow.reporting.push_back(
        {m.Str("frequency", true), m.Str("by"), m.Str("source", true), m.line()});
  });
  wm.Done();
}

}  // namespace ruralec::programme::yaml_internal
