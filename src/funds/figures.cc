#include "funds/figures.h"

namespace ruralec::funds {
namespace {

using Big = __int128;

void Add(CategoryFigures& c, Kind k, int64_t v) {
  switch (k) {
    case Kind::kCommitted:
      c.committed.value += v;
      break;
    case Kind::kAdvanced:
      c.advanced.value += v;
      break;
    case Kind::kPaid:
      c.paid.value += v;
      break;
    case Kind::kClawback:
      c.clawback.value += v;
      break;
    default:
      return;
  }
  c.approved.value += v;
}

int64_t BasisPoints(Big part, Big whole) {
  return whole <= 0 ? 0 : static_cast<int64_t>(part * 10000 / whole);
}

Constraints ConstraintsOf(const FundState& s, const FundFigures& f,
                          const std::map<std::string, UplinkSums>& uplink) {
  Constraints c;
  for (const auto& cat : f.categories)
    if (cat.code == kPublicServiceCenter)
      c.psc_bp = BasisPoints(cat.approved.value, s.fund.amount.value);
  c.psc_over = c.psc_bp > kPublicServiceCenterPct * 100;
  Big weighted = 0, approved = 0;
  for (const auto& [key, p] : s.projects) {
    int64_t a = s.Approved(key);
    approved += a;
    auto it = uplink.find(key);
    if (a > 0 && it != uplink.end() && it->second.amount > 0)
      weighted += Big(a) * it->second.weighted / it->second.amount;
    int64_t adv = 0, held = 0;
    for (const auto& [acc, v] : s.balances) {
      if (acc.project != key) continue;
      if (acc.kind == Kind::kAdvanced) adv += v;
      if (acc.kind == Kind::kAdvanced || acc.kind == Kind::kCommitted) held += v;
    }
    if (Big(adv) * 100 > Big(a) * s.fund.advance_pct) c.advance_over.push_back(key);
    if (p.status == ProjectStatus::kFailed && held > 0) c.failed_holding.push_back(key);
  }
  if (approved > 0) {
    c.uplink_bp = static_cast<int64_t>(weighted * 100 / approved);
    c.uplink_met = c.uplink_bp >= 5000;
  }
  return c;
}

}  // namespace

FundFigures FiguresOf(const FundState& s, const std::map<std::string, UplinkSums>& uplink) {
  FundFigures f;
  f.total.name = "合计";
  std::map<std::string, size_t> at;
  for (const auto& c : s.fund.categories) {
    at[c.code] = f.categories.size();
    f.categories.push_back({c.code, c.name, c.planned, {}, {}, {}, {}, {}});
    f.total.planned.value += c.planned.value;
  }
  for (const auto& [acc, v] : s.balances) {
    if (acc.kind == Kind::kTreasury) f.arrived.value = -v;
    if (acc.kind == Kind::kAvailable) f.available.value = v;
    auto it = at.find(acc.category);
    if (it != at.end()) Add(f.categories[it->second], acc.kind, v);
    Add(f.total, acc.kind, v);
  }
  f.constraints = ConstraintsOf(s, f, uplink);
  return f;
}

}  // namespace ruralec::funds
