// Reads built on the timelines: the counted designations (indicator, award subjects) and the
// 择优评定 ranking of villages by online sales.
#include <algorithm>
#include <map>

#include "designation/designation.h"
#include "designation/designation_store.h"
#include "designation/reads_internal.h"
#include "region/region.h"

namespace ruralec::designation {

namespace internal {

std::optional<State> StateOn(const store::Timeline& t, CivilDate day) {
  std::optional<State> out;
  for (const auto& [on, st] : t.changes) {
    if (day < on) break;
    out = st;
  }
  return out;
}

bool Counted(const store::Timeline& t, CivilDate from, CivilDate to) {
  if (StateOn(t, to) != State::kRecognised) return false;
  std::optional<CivilDate> recognised;
  for (const auto& [on, st] : t.changes) {
    if (st == State::kRecognised && !(to < on)) recognised = on;
  }
  return recognised && !(*recognised < from);
}

}  // namespace internal

Result<std::vector<Designation>> RecognisedIn(storage::Connection& conn, const RegionCode& scope,
                                              int year) {
  ASSIGN_OR_RETURN(auto timelines, store::Timelines(conn, scope));
  CivilDate from{year, 1, 1}, to{year, 12, 31};
  std::vector<Designation> out;
  for (auto& t : timelines) {
    if (internal::Counted(t, from, to)) out.push_back(std::move(t.d));
  }
  return out;
}

namespace {

// Online sales (direction all) of `villages` over `year`, by code; absent: no figure.
Result<std::map<std::string, int64_t>> SalesOf(storage::Connection& conn, const Deps& d,
                                               const std::vector<region::Division>& villages,
                                               int year, std::string& source) {
  std::map<std::string, int64_t> out;
  if (!d.indicators || villages.empty()) {
    source = "无销售数据来源";
    return out;
  }
  runtime::IndicatorBatch b{"rural_online_sales",
                            {},
                            CivilDate{year, 1, 1},
                            CivilDate{year, 12, 31},
                            {{"direction", "all"}}};
  for (const auto& v : villages) b.regions.push_back(v.code);
  ASSIGN_OR_RETURN(auto measured, d.indicators->ComputeAll(conn, {b}));
  for (size_t i = 0; i < villages.size(); ++i) {
    const auto& m = measured.at(0).at(i);
    if (m.status == runtime::Measurement::Status::kOk && m.value) {
      out[villages[i].code.str()] = *m.value;
      source = m.source;
    } else if (source.empty()) {
      source = m.reason;
    }
  }
  return out;
}

}  // namespace

const settings::ParamDef& VillageQuotaParam() {
  static const settings::ParamDef p{
      "designation.village_quota",
      "示范村择优名额",
      settings::ParamType::kInt,
      "0",
      0,
      10000,
      {},
      "按年网销额择优评定示范村时建议入选的村数（0 为未设名额，只排序不建议）"};
  return p;
}

void ProposeByQuota(std::vector<RankedVillage>& items, int quota) {
  // Competition ranks over the villages with sales above zero (the list is sorted).
  std::vector<size_t> tied(items.size(), 0);  // how many share the village's rank
  for (size_t i = 0; i < items.size();) {
    size_t j = i;
    while (j < items.size() && items[j].online_sales_fen == items[i].online_sales_fen) ++j;
    for (size_t k = i; k < j; ++k) {
      items[k].rank = items[k].online_sales_fen.value_or(0) > 0 ? static_cast<int>(i) + 1 : 0;
      tied[k] = j - i;
    }
    i = j;
  }
  for (size_t k = 0; k < items.size(); ++k) {
    RankedVillage& v = items[k];
    v.proposed = false;
    if (v.rank == 0) {
      v.reason = "没有网销额，不参与择优";
      continue;
    }
    std::string at = (tied[k] > 1 ? "并列第" : "第") + std::to_string(v.rank) + "名（年网销额" +
                     Fen{*v.online_sales_fen}.ToYuan() + "）";
    int last = v.rank + static_cast<int>(tied[k]) - 1;  // the last place the equals take
    if (quota <= 0) {
      v.reason = at + "；未设择优名额";
    } else if (last <= quota) {
      v.proposed = true;
      v.reason = at + "，在" + std::to_string(quota) + "个名额之内，建议入选";
    } else if (v.rank <= quota) {
      v.reason = at + "，" + std::to_string(tied[k]) + "个村并列争剩余" +
                 std::to_string(quota - v.rank + 1) + "个名额，请人工决定";
    } else {
      v.reason = at + "，超出" + std::to_string(quota) + "个名额";
    }
  }
}

Result<Ranking> RankVillages(const Deps& d, const account::Principal& who, RegionCode region,
                             int year, Level level, std::optional<int> quota) {
  if (!who.Can("designation:read")) return Error::Forbidden("没有查看示范创建的权限");
  if (region.empty()) region = who.region;
  if (!who.region.Contains(region))
    return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  if (region.level() > RegionLevel::kTown)
    return Error::Invalid("region_code", "请选择县（区）或乡镇进行排序");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto all, region::AtLevelIn(*conn, region, RegionLevel::kVillage));
  std::vector<region::Division> villages;
  for (auto& v : all) {
    if (region::IsVillageCommittee(v.name)) villages.push_back(std::move(v));
  }
  Ranking out{year, region, "", {}};
  ASSIGN_OR_RETURN(auto sales, SalesOf(*conn, d, villages, year, out.source));
  std::vector<std::string> towns;
  for (const auto& v : villages) towns.push_back(v.code.parent().str());
  ASSIGN_OR_RETURN(auto town_names, region::NamesOf(*conn, towns));
  ASSIGN_OR_RETURN(auto timelines, store::Timelines(*conn, region, Kind::kVillage));
  std::map<std::string, const Designation*> held;
  for (const auto& t : timelines) {
    if (t.d.level == level && t.d.year == year) held[t.d.region.str()] = &t.d;
  }
  for (const auto& v : villages) {
    RankedVillage r;
    r.region = v.code;
    r.name = v.name;
    if (auto it = town_names.find(v.code.parent().str()); it != town_names.end())
      r.town_name = it->second;
    if (auto it = sales.find(v.code.str()); it != sales.end()) r.online_sales_fen = it->second;
    if (auto it = held.find(v.code.str()); it != held.end()) {
      r.designation_id = it->second->id;
      r.designation_status = it->second->status;
    }
    out.items.push_back(std::move(r));
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const RankedVillage& a, const RankedVillage& b) {
                     return a.online_sales_fen.value_or(-1) > b.online_sales_fen.value_or(-1);
                   });
  if (quota) {
    out.quota = *quota;
  } else {
    ASSIGN_OR_RETURN(int64_t q, settings::IntParam(*conn, region.county(), VillageQuotaParam()));
    out.quota = static_cast<int>(q);
  }
  ProposeByQuota(out.items, out.quota);
  return out;
}

}  // namespace ruralec::designation
