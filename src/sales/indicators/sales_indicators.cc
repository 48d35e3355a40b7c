#include "sales/indicators/sales_indicators.h"

#include <map>

#include "runtime/module.h"
#include "sales/queries.h"

namespace ruralec::sales::indicators {
namespace {

using runtime::Measurement;

using queries::Over;
using queries::Range;
using runtime::IndicatorBatch;
using runtime::Measurements;

Measurement Ok(int64_t v) { return {Measurement::Status::kOk, v, "", ""}; }
Measurement NoData(const std::string& reason) {
  return {Measurement::Status::kNoDataSource, std::nullopt, "", reason};
}

std::string Param(const IndicatorBatch& b, const std::string& key) {
  auto it = b.params.find(key);
  return it == b.params.end() ? "" : it->second;
}

// The same dates a year earlier (29 February becomes the 28th).
CivilDate YearEarlier(const CivilDate& d) {
  int day = d.day();
  while (!CivilDate::IsValid(d.year() - 1, d.month(), day)) --day;
  return CivilDate(d.year() - 1, d.month(), day);
}

// What one batch asks of the ledger, once its params are read: a figure over one range (and,
// for the increase and the growth rate, the year-earlier range), or a reason there is none.
enum class Figure { kSales, kAgri, kIncrease, kGrowth, kOver, kNewEntities };
struct Ask {
  Figure figure = Figure::kSales;
  std::string no_data;  // set: every region gets kNoDataSource with this reason
  queries::SumOptions sum;
  Over over = Over::kEntities;
  Fen threshold;
  size_t range = 0, earlier = 0;       // indexes into the ranges read
  CivilDate earlier_from, earlier_to;  // the year-earlier dates of an increase or growth
};

const std::map<std::string, Figure, std::less<>>& Figures() {
  static const std::map<std::string, Figure, std::less<>> f{
      {"rural_online_sales", Figure::kSales},
      {"rural_online_sales_increase", Figure::kIncrease},
      {"agri_online_retail", Figure::kAgri},
      {"rural_online_retail_growth", Figure::kGrowth},
      {"entities_over_sales_threshold", Figure::kOver},
      {"brands_over_sales_threshold", Figure::kOver},
      {"strong_towns_or_parks", Figure::kOver},
      {"new_entities", Figure::kNewEntities}};
  return f;
}

// The sales basis of a batch: params.direction "uplink" (the default: 农村产品上行) or "all"
// (every direction, a plan's 年网销额 without 上行). Programme versions stored before the
// parameter existed wrote it as `scope`, which is still read. Another value sets `why`, so the
// batch answers "no data" rather than a number on the wrong basis.
bool UplinkOnly(const IndicatorBatch& b, std::string& why) {
  std::string key = b.params.count("direction") ? "direction" : "scope";
  std::string v = Param(b, key);
  if (!v.empty() && v != "uplink" && v != "all")
    why = "销售台账不支持口径 " + key + "=" + v + "（可用 uplink、all）";
  return v != "all";
}

// Reads the params (the reasons are part of the contract in the header).
Ask Read(const IndicatorBatch& b) {
  Ask a;
  a.figure = Figures().at(b.indicator);
  std::string basis_error;
  bool uplink_only = UplinkOnly(b, basis_error);
  if (a.figure == Figure::kSales || a.figure == Figure::kIncrease || a.figure == Figure::kGrowth) {
    a.no_data = basis_error;
    a.sum.uplink_only = uplink_only;
  } else if (a.figure == Figure::kAgri) {
    a.sum.agricultural_only = true;
  } else if (a.figure == Figure::kOver) {
    a.over = b.indicator == "entities_over_sales_threshold" ? Over::kEntities
             : b.indicator == "brands_over_sales_threshold" ? Over::kBrands
                                                            : Over::kTowns;
    std::string text = Param(b, "threshold");
    auto threshold = Fen::Parse(text);
    if (text.empty() || !threshold.ok()) {
      a.no_data = "阈值无法识别: threshold=" + text + "（应为金额，如 1000万元）";
    } else if (!basis_error.empty()) {
      a.no_data = basis_error;
    } else {
      a.threshold = *threshold;
      a.sum.uplink_only = uplink_only;
    }
  } else {
    std::string reg = Param(b, "registered");
    if (!reg.empty() && reg != "business")
      a.no_data = "主体登记只记录工商注册日期，不支持 registered=" + reg;
  }
  return a;
}

// The growth rate in basis points, rounded half away from zero; none when `prev` is 0.
Measurement Growth(int64_t cur, int64_t prev) {
  if (prev == 0) return NoData("上年同期无网络销售数据，无法计算同比增长率");
  __int128 num = static_cast<__int128>(cur - prev) * 10000;
  __int128 half = prev / 2;
  __int128 bp = (num >= 0 ? num + half : num - half) / prev;
  return Ok(static_cast<int64_t>(bp));
}

// Every batch's ledger figures from one LedgerCells read.
struct Ledger {
  std::vector<Range> ranges;
  std::vector<RegionCode> regions;  // all regions of ledger batches, for the common prefix
  std::vector<queries::LedgerCell> cells;

  size_t RangeOf(const CivilDate& from, const CivilDate& to) {
    Range r = queries::MonthsOf(from, to);
    for (size_t i = 0; i < ranges.size(); ++i) {
      if (ranges[i].from_period == r.from_period && ranges[i].to_period == r.to_period) return i;
    }
    ranges.push_back(r);
    return ranges.size() - 1;
  }

  // An increase or a growth rate, with its baseline. The year-earlier period must have a ledger:
  // without a single row in it in the region's county the baseline was never imported, and
  // counting it as 0 would report the whole year as new sales. (A town without rows in a
  // county with a ledger had no sales: a real 0.) The county is read for every region asked
  // (ComputeGroup), so a town asked alone answers as when asked with its county.
  template <typename Sum>
  Result<Measurement> Change(const Ask& a, const RegionCode& region, Sum sum) const {
    std::string period = a.earlier_from.ToString() + " 至 " + a.earlier_to.ToString();
    if (!queries::AnyRowsIn(cells, region.county(), a.earlier))
      return NoData("基期（上年同期 " + period + "）没有网络销售台账，无法计算" +
                    (a.figure == Figure::kIncrease ? "新增额" : "同比增长率") +
                    "：请先导入基期数据");
    ASSIGN_OR_RETURN(int64_t cur, sum(a.range));
    ASSIGN_OR_RETURN(int64_t prev, sum(a.earlier));  // both ≥ 0: the difference fits
    Measurement m = a.figure == Figure::kIncrease ? Ok(cur - prev) : Growth(cur, prev);
    m.baseline = prev;
    m.baseline_from = a.earlier_from;
    m.baseline_to = a.earlier_to;
    return m;
  }

  // kConflict (MoneyOverflow) when a sum of the cells leaves int64.
  Result<Measurement> Answer(const Ask& a, const RegionCode& region) const {
    auto sum = [&](size_t range) { return queries::SumIn(cells, region, range, a.sum); };
    switch (a.figure) {
      case Figure::kSales:
      case Figure::kAgri: {
        ASSIGN_OR_RETURN(int64_t v, sum(a.range));
        return Ok(v);
      }
      case Figure::kIncrease:
      case Figure::kGrowth:
        return Change(a, region, sum);
      case Figure::kOver: {
        ASSIGN_OR_RETURN(int64_t n, queries::CountOverIn(cells, region, a.range, a.threshold,
                                                         a.over, a.sum.uplink_only));
        return Ok(n);
      }
      case Figure::kNewEntities:
        break;
    }
    return NoData("");
  }
};

// The group computation: one read of the ledger for every batch that needs it, one read of the
// entity registry per new_entities batch.
Result<std::vector<Measurements>> ComputeGroup(storage::Connection& conn,
                                               const std::vector<IndicatorBatch>& batches) {
  std::vector<Ask> asks;
  Ledger ledger;
  for (const auto& b : batches) {
    Ask a = Read(b);
    if (a.no_data.empty() && a.figure != Figure::kNewEntities) {
      a.range = ledger.RangeOf(b.from, b.to);
      if (a.figure == Figure::kIncrease || a.figure == Figure::kGrowth) {
        a.earlier_from = YearEarlier(b.from);
        a.earlier_to = YearEarlier(b.to);
        a.earlier = ledger.RangeOf(a.earlier_from, a.earlier_to);
        for (const auto& r : b.regions) ledger.regions.push_back(r.county());
      }
      ledger.regions.insert(ledger.regions.end(), b.regions.begin(), b.regions.end());
    }
    asks.push_back(std::move(a));
  }
  if (!ledger.ranges.empty()) {
    ASSIGN_OR_RETURN(ledger.cells, queries::LedgerCells(conn, queries::CommonPrefix(ledger.regions),
                                                        ledger.ranges));
  }
  std::vector<Measurements> out(batches.size());
  for (size_t i = 0; i < batches.size(); ++i) {
    const IndicatorBatch& b = batches[i];
    const Ask& a = asks[i];
    if (!a.no_data.empty()) {
      out[i].assign(b.regions.size(), NoData(a.no_data));
    } else if (a.figure == Figure::kNewEntities) {
      ASSIGN_OR_RETURN(auto n, queries::CountNewEntitiesByRegion(conn, b.regions,
                                                                 queries::MonthsOf(b.from, b.to)));
      for (int64_t v : n) out[i].push_back(Ok(v));
    } else {
      for (const auto& region : b.regions) {
        ASSIGN_OR_RETURN(Measurement m, ledger.Answer(a, region));
        out[i].push_back(std::move(m));
      }
    }
  }
  return out;
}

}  // namespace

runtime::IndicatorGroup Group() {
  const std::string ledger = "sales ledger";
  const std::string entities = "entity registry + sales ledger";
  return {{{"rural_online_sales", ledger},
           {"rural_online_sales_increase", ledger},
           {"agri_online_retail", ledger},
           {"rural_online_retail_growth", ledger},
           {"entities_over_sales_threshold", entities},
           {"brands_over_sales_threshold", entities},
           {"strong_towns_or_parks", ledger + " (towns only)"},
           {"new_entities", entities}},
          ComputeGroup};
}

Status Register(runtime::IndicatorRegistry& r) {
  runtime::IndicatorGroup g = Group();
  return r.RegisterGroup(g.indicators, g.fn);
}

}  // namespace ruralec::sales::indicators
