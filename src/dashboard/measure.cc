#include "dashboard/measure.h"

#include <algorithm>

#include "dashboard/catalogue.h"
#include "region/region.h"

namespace ruralec::dashboard {
namespace {

using runtime::IndicatorBatch;
using runtime::Measurement;

// Which regions a figure is asked for: the region itself, its children, or both.
struct Ask {
  const FigureDef* def;
  bool own = false, children = false;
  size_t batch = 0;  // index of its batch
};

std::vector<RegionCode> Codes(const std::vector<Child>& children) {
  std::vector<RegionCode> out;
  for (const auto& c : children) out.push_back(*RegionCode::Parse(c.code));
  return out;
}

Result<std::vector<Ask>> Plan(const Target& t, const std::vector<std::string>& keys,
                              const std::vector<std::string>& ranked) {
  std::vector<Ask> out;
  for (const auto& key : keys) {
    const FigureDef* def = FindFigure(key);
    if (!def) return Error::Invalid("figure", "未知的大屏指标: " + key);
    bool rank = false;
    for (const auto& r : ranked) rank = rank || r == key;
    const bool roll = t.RollsUp() && def->roll != Roll::kDirect && !t.children.empty();
    Ask a{def, !roll, (roll || rank) && !t.children.empty()};
    out.push_back(a);
  }
  return out;
}

}  // namespace

int64_t RateBp(int64_t num, int64_t den) { return (num * 20000 + den) / (2 * den); }

Result<std::vector<Child>> ChildrenOf(storage::Connection& conn, const RegionCode& region) {
  const RegionLevel level = region.level();
  if (level == RegionLevel::kVillage) return std::vector<Child>{};
  const RegionLevel below = level < RegionLevel::kCounty
                                ? RegionLevel::kCounty
                                : static_cast<RegionLevel>(static_cast<int>(level) + 1);
  ASSIGN_OR_RETURN(auto divisions, region::AtLevelIn(conn, region, below));
  std::vector<Child> out;
  for (const auto& d : divisions) out.push_back({d.code.str(), d.name});
  return out;
}

Figure FigureOf(const FigureDef& def, const Measurement& m, const std::string& unit,
                const Range& range, int64_t now_ms) {
  Figure f;
  f.key = def.key;
  f.label = def.label;
  f.indicator = def.indicator;
  f.unit = unit;
  f.params = def.params;
  f.from = range.from;
  f.to = range.to;
  f.ok = m.status == Measurement::Status::kOk && m.value.has_value();
  if (f.ok) f.value = m.value;
  f.numerator = m.numerator;
  f.denominator = m.denominator;
  if (f.ok) f.baseline = m.baseline;
  f.source = m.source;
  f.reason = f.ok ? "" : (m.reason.empty() ? "无数据" : m.reason);
  f.as_of = now_ms;
  return f;
}

Figure RollUp(const FigureDef& def, const std::vector<Figure>& children,
              const std::vector<std::string>& codes) {
  Figure out;
  if (!children.empty()) out = children.front();
  // Stored only when every child's figure is (a marked county measured live makes it live).
  out.stored = !children.empty() && std::all_of(children.begin(), children.end(),
                                                [](const Figure& c) { return c.stored; });
  out.key = def.key;
  out.label = def.label;
  out.children = static_cast<int64_t>(children.size());
  out.missing.clear();
  int64_t sum = 0, num = 0, den = 0, base = 0, with_data = 0;
  bool baselines = true;
  for (size_t i = 0; i < children.size(); ++i) {
    const Figure& c = children[i];
    const bool usable = c.ok && (def.roll != Roll::kRate || (c.numerator && c.denominator));
    if (!usable) {
      out.missing.push_back(i < codes.size() ? codes[i] : c.key);
      continue;
    }
    ++with_data;
    out.as_of = std::min(out.as_of, c.as_of);
    if (def.roll == Roll::kRate) {
      num += *c.numerator;
      den += *c.denominator;
    } else {
      sum += *c.value;
      baselines = baselines && c.baseline.has_value();
      if (c.baseline) base += *c.baseline;
    }
  }
  out.ok = with_data > 0 && (def.roll != Roll::kRate || den > 0);
  out.value.reset();
  out.numerator.reset();
  out.denominator.reset();
  out.baseline.reset();
  if (def.roll == Roll::kSum && with_data > 0 && baselines) out.baseline = base;
  if (def.roll == Roll::kRate && with_data > 0) {
    out.numerator = num;
    out.denominator = den;
  }
  if (out.ok) {
    out.value = def.roll == Roll::kRate ? RateBp(num, den) : sum;
    out.reason = "";
  } else if (out.reason.empty()) {
    out.reason = children.empty() ? "辖区内没有下级区划" : "各下级区划均无数据";
  }
  return out;
}

namespace {

bool KnownChildren(const Stored* s, const Ask& a) {
  return s && a.children && s->children.count(a.def->key);
}
bool KnownOwn(const Stored* s, const Ask& a) { return s && a.own && s->own.count(a.def->key); }
// The children of `a` some of which are known (nullptr when none is).
const std::vector<std::optional<Figure>>* Partial(const Stored* s, const Ask& a) {
  if (!s || !a.children) return nullptr;
  auto it = s->partial.find(a.def->key);
  return it == s->partial.end() ? nullptr : &it->second;
}

// One batch per ask with something left to measure (a.batch set); the others are known.
std::vector<IndicatorBatch> Batches(std::vector<Ask>& asks, const Target& target,
                                    const Period& period, const Stored* stored) {
  const std::vector<RegionCode> kids = Codes(target.children);
  std::vector<IndicatorBatch> batches;
  for (auto& a : asks) {
    Range r = RangeOf(a.def->span, period);
    IndicatorBatch b{a.def->indicator, {}, r.from, r.to, a.def->params};
    if (a.own && !KnownOwn(stored, a)) b.regions.push_back(target.region);
    if (a.children && !KnownChildren(stored, a)) {
      const auto* part = Partial(stored, a);
      for (size_t i = 0; i < kids.size(); ++i)
        if (!part || !part->at(i)) b.regions.push_back(kids[i]);
    }
    if (b.regions.empty()) continue;
    a.batch = batches.size();
    batches.push_back(std::move(b));
  }
  return batches;
}

}  // namespace

Result<Measured> Measure(storage::Connection& conn, const runtime::IndicatorRegistry& registry,
                         const Target& target, const std::vector<std::string>& keys,
                         const std::vector<std::string>& ranked, const Period& period,
                         int64_t now_ms, const Stored* stored) {
  ASSIGN_OR_RETURN(std::vector<Ask> asks, Plan(target, keys, ranked));
  std::vector<IndicatorBatch> batches = Batches(asks, target, period, stored);
  ASSIGN_OR_RETURN(auto answers, registry.ComputeAll(conn, batches));
  std::vector<std::string> codes;
  for (const auto& c : target.children) codes.push_back(c.code);
  Measured out;
  for (const auto& a : asks) {
    const std::string unit = registry.Unit(a.def->indicator);
    const Range r = RangeOf(a.def->span, period);
    const std::string& key = a.def->key;
    size_t k = 0;
    if (KnownOwn(stored, a)) {
      out.own[key] = stored->own.at(key);
    } else if (a.own) {
      out.own[key] = FigureOf(*a.def, answers.at(a.batch).at(k++), unit, r, now_ms);
    }
    if (!a.children) continue;
    auto& list = out.of[key];
    if (KnownChildren(stored, a)) {
      list = stored->children.at(key);
    } else {
      const auto* part = Partial(stored, a);
      for (size_t i = 0; i < target.children.size(); ++i) {
        if (part && part->at(i)) {
          list.push_back(*part->at(i));
          continue;
        }
        list.push_back(FigureOf(*a.def, answers.at(a.batch).at(k++), unit, r, now_ms));
      }
    }
    if (!a.own) out.own[key] = RollUp(*a.def, list, codes);
  }
  return out;
}

}  // namespace ruralec::dashboard
