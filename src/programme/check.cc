#include "programme/check.h"

#include <algorithm>
#include <map>
#include <set>

#include "programme/indicators.h"

namespace ruralec::programme {
namespace {

bool OneOf(const std::string& v, std::initializer_list<const char*> set) {
  return std::any_of(set.begin(), set.end(), [&](const char* s) { return v == s; });
}

// Whether `v` is one of the words FormatVocabulary() lists for `field`.
bool In(const char* field, const std::string& v) {
  const auto& list = FormatVocabulary().at(field);
  return std::find(list.begin(), list.end(), v) != list.end();
}

bool ValidComparator(const std::string& c) { return In("comparator", c); }

class Checker {
 public:
  Checker(Programme& p, std::string file, const RegionDirectory* regions)
      : p_(p), file_(std::move(file)), regions_(regions) {}

  std::vector<Issue> Run() {
    Header();
    for (auto& ph : p_.phases) Phase(ph);
    for (auto& t : p_.targets) Target(t);
    Tasks();
    AwardRules();
    FundPlan();
    Workflow();
    return std::move(issues_);
  }

 private:
  void Add(int line, std::string msg) { issues_.push_back({file_, line, std::move(msg)}); }

  // Normalizes q; when `dim` is given, its unit must be of that dimension.
  bool Normalize(Quantity& q, const char* what, std::optional<Dimension> dim = std::nullopt) {
    const UnitDef* u = FindUnit(q.unit);
    if (!u) {
      Add(q.line, std::string(what) + " 的单位未知: " + q.unit);
      return false;
    }
    if (dim && u->dimension != *dim) {
      Add(q.line, std::string(what) + " 的单位 " + q.unit + " 应为" + DimensionName(*dim) + "单位");
      return false;
    }
    auto n = programme::Normalize(q.text, q.unit);
    if (!n.ok()) {
      Add(q.line, std::string(what) + ": " + n.error().message);
      return false;
    }
    q.normalized = *n;
    q.base_unit = BaseUnitName(u->dimension);
    return true;
  }

  void Resolve(RegionRef& r) {
    if (!regions_) return;
    auto res = regions_->Resolve(r.name, r.code);
    if (!res.ok()) {
      Add(r.line, res.error().message);
      return;
    }
    r.resolved_code = res->code.str();
    r.resolved_name = res->name;
  }

  void InPeriod(const std::optional<CivilDate>& d, int line, const std::string& what) {
    if (!d) return;
    if ((p_.period_start && *d < *p_.period_start) || (p_.period_end && *d > *p_.period_end)) {
      Add(line, what + " 的期限 " + d->ToString() +
                    " 不在方案期限内 (deadline outside the period " +
                    (p_.period_start ? p_.period_start->ToString() : "") + " .. " +
                    (p_.period_end ? p_.period_end->ToString() : "") + ")");
    }
  }

  void Header() {
    if (!p_.kind.empty() && !In("kind", p_.kind)) Add(1, "kind 无效: " + p_.kind);
    if (!p_.status.empty() && !In("status", p_.status)) Add(1, "status 无效: " + p_.status);
    if (p_.region.code.empty() && !p_.region.name.empty())
      Add(p_.region.line, "方案区划须写 code (programme region needs its code)");
    Resolve(p_.region);
    if (p_.period_start && p_.period_end && *p_.period_end < *p_.period_start)
      Add(1, "period 结束早于开始");
  }

  void Phase(programme::Phase& ph) {
    if (ph.start && ph.end && *ph.end < *ph.start)
      Add(ph.line, "阶段 " + ph.name + " 结束早于开始");
    InPeriod(ph.start, ph.line, "阶段 " + ph.name);
    InPeriod(ph.end, ph.line, "阶段 " + ph.name);
  }

  void Params(programme::Target& t, const Indicator& ind) {
    for (const auto& [k, v] : t.params) {
      const auto* allowed = AllowedParamValues(ind.id, k);
      if (std::find(ind.params.begin(), ind.params.end(), k) == ind.params.end()) {
        Add(t.line, "指标 " + ind.id + " 没有参数 " + k + " (unknown parameter)");
      } else if (allowed && std::find(allowed->begin(), allowed->end(), v) == allowed->end()) {
        Add(t.line, "指标 " + ind.id + " 的参数 " + k + " 不能取值 " + v + " (invalid value)");
      } else if (k == "threshold") {
        Quantity q{v.substr(0, v.find_first_not_of("0123456789.")),
                   v.substr(v.find_first_not_of("0123456789.") == std::string::npos
                                ? v.size()
                                : v.find_first_not_of("0123456789.")),
                   t.line};
        Normalize(q, "params.threshold", Dimension::kMoney);
      }
    }
    for (const auto& r : ind.required_params) {
      if (!t.params.count(r))
        Add(t.line, "指标 " + ind.id + " 需要参数 " + r + " (missing parameter)");
    }
  }

  void Target(programme::Target& t) {
    if (t.id.empty() || !target_ids_.insert(t.id).second)
      Add(t.line, "target id 为空或重复: " + t.id);
    const Indicator* ind = FindIndicator(t.indicator);
    if (!ind) Add(t.line, "未知指标 (unknown indicator): " + t.indicator);
    if (!ValidComparator(t.comparator)) Add(t.line, "比较符无效: " + t.comparator);
    std::string unit = t.value ? t.value->unit : (t.quotas.empty() ? "" : t.quotas[0].value.unit);
    if (ind) {
      Params(t, *ind);
      if (!unit.empty() && !UnitFits(*ind, unit))
        Add(t.line, "单位 " + unit + " 不适用于指标 " + ind->id +
                        " (unit does not fit indicator, expects " + DimensionName(ind->dimension) +
                        ")");
    }
    bool unit_ok = ind && UnitFits(*ind, unit);
    if (t.value && unit_ok) Normalize(*t.value, "value");
    InPeriod(t.deadline, t.line, "target " + t.id);
    if (t.region) Resolve(*t.region);
    Quotas(t, unit_ok ? std::optional<Dimension>(ind->dimension) : std::nullopt);
    for (auto& c : t.candidates) Resolve(c);
    if (t.quota_each && unit_ok) Normalize(t.quota_each->value, "quota_each.value");
    if (t.quota_each) ExpandEach(*t.quota_each, t.region ? *t.region : p_.region);
  }

  // The children of `parent` whose name ends with one of the written suffixes (乡, 镇 …), then
  // the regions named explicitly (each once, each a child of `parent`).
  void ExpandEach(QuotaEach& e, const RegionRef& parent) {
    for (auto& n : e.names) Resolve(n);
    auto pc = RegionCode::Parse(parent.resolved_code);
    if (!regions_ || !pc.ok()) return;
    std::set<std::string> seen;
    for (const auto& child : regions_->Children(*pc)) {
      for (const auto& suffix : e.name_suffixes) {
        if (child.name.size() > suffix.size() &&
            child.name.compare(child.name.size() - suffix.size(), suffix.size(), suffix) == 0) {
          e.regions.push_back({child.name, child.code.str(), e.line, child.code.str(), child.name});
          seen.insert(child.code.str());
          break;
        }
      }
    }
    for (const auto& n : e.names) {
      auto nc = RegionCode::Parse(n.resolved_code);
      if (!nc.ok()) continue;
      if (!pc->Contains(*nc) || *pc == *nc) {
        Add(n.line, "quota_each.names 的区划 " + n.name + " 不在 " + parent.name + " 之下");
      } else if (!seen.insert(n.resolved_code).second) {
        Add(n.line, "quota_each.names 的区划 " + n.name + " 已由 name_suffixes 包含或重复");
      } else {
        e.regions.push_back(n);
      }
    }
    if (e.regions.empty()) Add(e.line, "quota_each 没有匹配的下级区划: " + e.applies_to);
  }

  void Quotas(programme::Target& t, std::optional<Dimension> dim) {
    bool unit_ok = dim.has_value();
    std::set<std::string> seen;
    int64_t sum = 0;
    bool all = unit_ok;
    const RegionRef& parent = t.region ? *t.region : p_.region;
    for (auto& q : t.quotas) {
      Resolve(q.region);
      if (!q.region.resolved_code.empty()) {
        if (!seen.insert(q.region.resolved_code).second)
          Add(q.line, "配额区划重复: " + q.region.name);
        auto pc = RegionCode::Parse(parent.resolved_code),
             qc = RegionCode::Parse(q.region.resolved_code);
        if (pc.ok() && qc.ok() && (!pc->Contains(*qc) || *pc == *qc))
          Add(q.line, "配额区划 " + q.region.name + " 不在 " + parent.name + " 之下");
      }
      if (unit_ok && Normalize(q.value, "quota value", dim)) {
        sum += *q.value.normalized;
      } else {
        all = false;
      }
    }
    if (!t.quotas_must_sum || !all) return;
    if (!t.value || !t.value->normalized) {
      Add(t.line, "target " + t.id + " 的配额要求合计等于目标值，但目标值缺失");
    } else if (sum != *t.value->normalized) {
      Add(t.line, "target " + t.id + " 的配额合计 " + std::to_string(sum) + " 不等于目标值 " +
                      std::to_string(*t.value->normalized) + " " + t.value->base_unit +
                      " (quotas do not sum to the target value)");
    }
  }

  void Tasks() {
    int expect = 1;
    for (auto& t : p_.tasks) {
      if (t.number != expect)
        Add(t.line, "任务序号应为 " + std::to_string(expect) + "，实为 " +
                        std::to_string(t.number) + " (task numbers must run 1..N)");
      expect = t.number + 1;
      if (t.lead_units.empty()) Add(t.line, "任务 " + std::to_string(t.number) + " 缺少牵头单位");
      InPeriod(t.deadline, t.line, "任务 " + std::to_string(t.number));
      for (const auto& id : t.targets)
        if (!target_ids_.count(id))
          Add(t.line, "任务 " + std::to_string(t.number) + " 引用了不存在的 target: " + id);
      for (const auto& id : t.indicators)
        if (!FindIndicator(id))
          Add(t.line, "任务 " + std::to_string(t.number) + " 引用了未知指标: " + id);
    }
  }

  void AwardRules();
  void Amount(programme::AwardRule& r);
  void Local(programme::AwardRule& r);
  void FundPlan();
  void Workflow();

  Programme& p_;
  std::string file_;
  const RegionDirectory* regions_;
  std::vector<Issue> issues_;
  std::set<std::string> target_ids_;
};

void Checker::Amount(programme::AwardRule& r) {
  auto& a = r.amount;
  if (!In("amount.type", a.type)) Add(a.line, "amount.type 无效: " + a.type);
  if (a.type == "fixed" && !a.value) Add(a.line, "fixed 奖补须有 value");
  if (a.value) Normalize(*a.value, "amount.value", Dimension::kMoney);
  if (a.type == "percentage" && (!a.percent || a.of.empty()))
    Add(a.line, "percentage 奖补须有 percent 和 of");
  if (a.percent) Normalize(*a.percent, "amount.percent", Dimension::kPercent);
  if (a.type == "tiers" && a.tiers.empty() && !a.tiers_set_locally)
    Add(a.line, "tiers 奖补须列出档次或写 tiers: set_locally");
  for (auto& t : a.tiers) {
    Normalize(t.amount, "tier.amount", Dimension::kMoney);
    if (t.from) Normalize(*t.from, "tier.from");
    if (t.to) Normalize(*t.to, "tier.to");
  }
  if (a.cap) Normalize(*a.cap, "amount.cap", Dimension::kMoney);
  if (a.floor) Normalize(*a.floor, "amount.floor", Dimension::kMoney);
  if (a.cap && a.floor && a.cap->normalized && a.floor->normalized &&
      *a.cap->normalized < *a.floor->normalized)
    Add(a.line, "cap 小于 floor");
  auto local = [&](const char* s) {
    return std::any_of(r.set_locally.begin(), r.set_locally.end(),
                       [&](const LocalSetting& l) { return l.setting == s; });
  };
  if (a.tiers_set_locally && !local("tiers"))
    Add(a.line, "tiers: set_locally 须在 set_locally 中说明 (setting: tiers)");
  if (a.type == "open" && !local("amount"))
    Add(a.line, "amount.type open 须在 set_locally 中说明 (setting: amount)");
}

bool HasSetting(const programme::AwardRule& r, const char* s) {
  return std::any_of(r.set_locally.begin(), r.set_locally.end(),
                     [&](const LocalSetting& l) { return l.setting == s; });
}

// The `local:` block: only for parts declared open, within the seed's maximum.
void Checker::Local(programme::AwardRule& r) {
  if (!r.local) return;
  auto& v = *r.local;
  auto allowed = [&](bool present, const char* field, const char* setting) {
    if (present && !HasSetting(r, setting))
      Add(v.line, std::string("local.") + field +
                      " 只能填写方案留给地方的部分 (set_locally: " + setting + ")");
  };
  allowed(!v.tiers.empty(), "tiers", "tiers");
  allowed(v.value.has_value(), "value", "amount");
  allowed(v.percent.has_value(), "percent", "rate");
  allowed(v.threshold.has_value(), "threshold", "eligibility");
  const auto& cap = r.amount.cap;
  auto within_cap = [&](Quantity& q, const char* what) {
    if (!Normalize(q, what, Dimension::kMoney)) return;
    if (cap && cap->normalized && *q.normalized > *cap->normalized)
      Add(q.line, std::string(what) + " " + Fen{*q.normalized}.ToWan() + " 超过方案上限 " +
                      Fen{*cap->normalized}.ToWan());
  };
  for (auto& t : v.tiers) {
    within_cap(t.amount, "local.tier.amount");
    if (t.from) Normalize(*t.from, "local.tier.from");
    if (t.to) Normalize(*t.to, "local.tier.to");
    if (t.from && t.to && t.from->normalized && t.to->normalized &&
        *t.from->normalized >= *t.to->normalized)
      Add(t.line, "local.tier 的 from 须小于 to");
  }
  if (v.value) within_cap(*v.value, "local.value");
  if (v.percent && Normalize(*v.percent, "local.percent", Dimension::kPercent)) {
    const auto& seed = r.amount.percent;
    if (seed && seed->normalized && *v.percent->normalized > *seed->normalized)
      Add(v.percent->line, "local.percent 超过方案比例 " + seed->text + seed->unit);
  }
  if (v.threshold) Normalize(*v.threshold, "local.threshold");
}

void Checker::AwardRules() {
  std::set<std::string> ids;
  for (auto& r : p_.award_rules) {
    if (r.id.empty() || !ids.insert(r.id).second) Add(r.line, "award rule id 为空或重复: " + r.id);
    if (!In("award.kind", r.kind)) Add(r.line, "kind 应为 reward 或 subsidy: " + r.kind);
    if (!In("award.subject", r.subject)) Add(r.line, "subject 无效: " + r.subject);
    if (r.subject == "demonstration" && (!In("designation.level", r.designation_level) ||
                                         !In("designation.kind", r.designation_kind)))
      Add(r.line, "示范奖励须有有效的 designation (level, kind)");
    for (auto& e : r.eligibility) {
      if (!ValidComparator(e.comparator)) Add(e.line, "比较符无效: " + e.comparator);
      if (!In("eligibility.period", e.period)) Add(e.line, "period 无效: " + e.period);
      if (e.threshold) Normalize(*e.threshold, "eligibility.threshold");
    }
    for (const auto& tag : r.region_tags)
      if (std::find(KnownRegionTags().begin(), KnownRegionTags().end(), tag) ==
          KnownRegionTags().end())
        Add(r.line, "未知区划标签: " + tag);
    for (const auto& f : r.flags)
      if (std::find(KnownAwardFlags().begin(), KnownAwardFlags().end(), f) ==
          KnownAwardFlags().end())
        Add(r.line, "未知资格标记 (flags): " + f);
    Amount(r);
    Local(r);
    for (auto& m : r.multipliers) {
      if (std::find(KnownRegionTags().begin(), KnownRegionTags().end(), m.region_tag) ==
          KnownRegionTags().end())
        Add(m.line, "未知区划标签: " + m.region_tag);
      Normalize(m.uplift, "uplift", Dimension::kPercent);
    }
    if (!In("frequency", r.frequency)) Add(r.line, "frequency 无效: " + r.frequency);
    if (r.quota && (*r.quota < 1 || *r.quota > 100000))
      Add(r.line, "quota (择优名额) 应为 1 至 100000 的整数: " + std::to_string(*r.quota));
    if (r.quota && r.eligibility.empty())
      Add(r.line, "quota (择优名额) 按第一条资格指标排名，须有 eligibility");
  }
}

void Checker::FundPlan() {
  auto& fp = p_.fund_plan;
  std::map<std::string, programme::Fund*> funds;
  for (auto& f : fp.funds) {
    if (f.id.empty() || !funds.emplace(f.id, &f).second) Add(f.line, "fund id 为空或重复: " + f.id);
    if (!In("fund.kind", f.kind)) Add(f.line, "fund kind 应为 special 或 matching: " + f.kind);
    bool ok = f.amount && Normalize(*f.amount, "fund.amount", Dimension::kMoney);
    int64_t sum = 0;
    for (auto& t : f.tranches) {
      if (Normalize(t.amount, "tranche.amount", Dimension::kMoney)) sum += *t.amount.normalized;
    }
    if (ok && !f.tranches.empty() && sum != *f.amount->normalized)
      Add(f.line, "资金 " + f.id + " 的分批合计 " + Fen{sum}.ToWan() + " 不等于总额 " +
                      Fen{*f.amount->normalized}.ToWan());
  }
  std::map<std::string, int64_t> by_fund;
  std::set<std::string> incomplete;
  for (auto& c : fp.categories) {
    if (!funds.count(c.fund)) Add(c.line, "category 引用了不存在的 fund: " + c.fund);
    if (c.amount && Normalize(*c.amount, "category.amount", Dimension::kMoney)) {
      by_fund[c.fund] += *c.amount->normalized;
    } else {
      incomplete.insert(c.fund);
    }
  }
  for (auto& [id, sum] : by_fund) {
    auto it = funds.find(id);
    if (it == funds.end() || incomplete.count(id) || !it->second->amount ||
        !it->second->amount->normalized)
      continue;
    if (sum != *it->second->amount->normalized)
      Add(it->second->line, "资金 " + id + " 的分类合计 " + Fen{sum}.ToWan() + " 不等于总额 " +
                                Fen{*it->second->amount->normalized}.ToWan() +
                                " (categories do not sum)");
  }
  for (auto& c : fp.constraints) {
    if (!In("constraint.kind", c.kind)) Add(c.line, "constraint kind 无效: " + c.kind);
    if (!c.fund.empty() && !funds.count(c.fund))
      Add(c.line, "constraint 引用了不存在的 fund: " + c.fund);
    bool needs_percent = OneOf(c.kind, {"max_share", "min_share", "max_advance_share"});
    if (needs_percent && !c.percent) Add(c.line, c.kind + " 须有 percent");
    if (c.percent && Normalize(*c.percent, "constraint.percent", Dimension::kPercent) &&
        *c.percent->normalized > 10000)
      Add(c.line, "percent 超过 100%");
    if (OneOf(c.kind, {"max_share", "min_share"}) && c.tag.empty())
      Add(c.line, c.kind + " 须有 tag");
    if (c.kind == "prohibited_use" && c.items.empty()) Add(c.line, "prohibited_use 须列出 items");
  }
}

void Checker::Workflow() {
  for (auto& s : p_.workflow.stages) {
    if (!In("stage", s.stage)) Add(s.line, "stage 无效: " + s.stage);
    if (s.working_days && *s.working_days <= 0) Add(s.line, "working_days 须为正数");
    if (s.local) {
      if (s.open.empty())
        Add(s.local->line, "local 只能填写方案未定的阶段 (须有 open): " + s.stage);
      if (!s.local->working_days || *s.local->working_days <= 0 || *s.local->working_days > 365)
        Add(s.local->line, "local.working_days 须为 1 至 365 个工作日");
    }
    for (const auto& c : s.conclusions)
      if (!In("conclusion", c)) Add(s.line, "结论无效: " + c);
  }
  for (auto& m : p_.workflow.materials) {
    if (m.items.empty()) Add(m.line, "材料清单为空: " + m.project_type);
  }
  for (auto& r : p_.workflow.reporting) {
    if (!In("reporting.frequency", r.frequency))
      Add(r.line, "reporting frequency 无效: " + r.frequency);
  }
}

}  // namespace

const std::vector<std::string>& KnownRegionTags() {
  static const std::vector<std::string> kTags = {"poverty_county", "old_revolutionary_area",
                                                 "flood_storage_area", "poverty_village"};
  return kTags;
}

const std::vector<std::string>& KnownAwardFlags() {
  static const std::vector<std::string> kFlags = {"enterprise", "cooperative", "linkage_model",
                                                  "contract_farming", "employs_poor"};
  return kFlags;
}

const std::map<std::string, std::vector<std::string>>& FormatVocabulary() {
  static const std::map<std::string, std::vector<std::string>> kWords = {
      {"kind", {"demonstration", "consolidation", "upgrade", "measures"}},
      {"status", {"final", "draft_for_comment"}},
      {"comparator", {">=", ">", "<=", "<", "="}},
      {"award.kind", {"reward", "subsidy"}},
      {"award.subject",
       {"entity", "brand", "station", "demonstration", "trainee", "purchase", "export", "project",
        "household"}},
      {"designation.level", {"national", "province", "city", "district"}},
      {"designation.kind", {"county", "town", "village", "point", "enterprise"}},
      {"eligibility.period", {"year", "once", "programme", "session"}},
      {"amount.type", {"fixed", "percentage", "tiers", "open"}},
      {"frequency", {"once", "yearly", "per_person", "per_event"}},
      {"set_locally.setting", {"tiers", "amount", "rate", "eligibility"}},
      {"fund.kind", {"special", "matching"}},
      {"constraint.kind",
       {"max_share", "min_share", "max_advance_share", "prohibited_use",
        "payable_after_acceptance"}},
      {"stage",
       {"application", "review", "acceptance", "evaluation", "rectification", "approval",
        "disbursement"}},
      {"conclusion", {"qualified", "basically_qualified", "unqualified"}},
      {"reporting.frequency", {"monthly", "quarterly", "yearly"}},
      {"region_tag", KnownRegionTags()},
      {"flag", KnownAwardFlags()},
  };
  return kWords;
}

const std::vector<std::string>* AllowedParamValues(const std::string& indicator,
                                                   const std::string& key) {
  static const std::vector<std::string> kDirection = {"uplink", "all"};
  static const std::vector<std::string> kLevel = {"national", "province", "city", "district",
                                                  "any"};
  static const std::vector<std::string> kKind = {"county", "town", "village", "point",
                                                 "enterprise"};
  if (key == "direction") return &kDirection;
  if (indicator == "demonstration_units" && key == "level") return &kLevel;
  if (indicator == "demonstration_units" && key == "kind") return &kKind;
  if (key == "region_tag") return &KnownRegionTags();
  return nullptr;
}

std::vector<Issue> Check(Programme& p, const std::string& file, const RegionDirectory* regions) {
  return Checker(p, file, regions).Run();
}

ParsedProgramme CheckFile(const std::string& path, const std::string& division_dir,
                          std::optional<RegionDirectory>* loaded_out) {
  ParsedProgramme parsed = ReadProgrammeFile(path);
  if (parsed.text.empty() && !parsed.issues.empty()) return parsed;
  std::optional<RegionDirectory> dir;
  auto root = RegionCode::Parse(parsed.programme.region.code);
  if (root.ok()) {
    auto loaded = RegionDirectory::Load(division_dir, *root);
    if (loaded.ok()) {
      dir = std::move(loaded).value();
    } else {
      parsed.issues.push_back({path, parsed.programme.region.line, loaded.error().message});
    }
  } else if (!parsed.programme.region.code.empty()) {
    parsed.issues.push_back(
        {path, parsed.programme.region.line, "区划代码无效: " + parsed.programme.region.code});
  }
  auto more = Check(parsed.programme, path, dir ? &*dir : nullptr);
  parsed.issues.insert(parsed.issues.end(), more.begin(), more.end());
  std::stable_sort(parsed.issues.begin(), parsed.issues.end(),
                   [](const Issue& a, const Issue& b) { return a.line < b.line; });
  if (loaded_out) *loaded_out = std::move(dir);
  return parsed;
}

}  // namespace ruralec::programme
