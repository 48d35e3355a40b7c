#include "sales/indicators/sales_indicators.h"

#include <mutex>

#include "programme/evaluate.h"
#include "sales/queries.h"

namespace ruralec::sales::indicators {
namespace {

using programme::IndicatorQuery;
using programme::Measurement;

Measurement Ok(int64_t v) { return {Measurement::Status::kOk, v, "", ""}; }
Measurement NoData(std::string reason) {
  return {Measurement::Status::kNoDataSource, std::nullopt, "", std::move(reason)};
}

std::string Param(const IndicatorQuery& q, const std::string& key) {
  auto it = q.params.find(key);
  return it == q.params.end() ? "" : it->second;
}

// The same dates a year earlier (29 February becomes the 28th).
CivilDate YearEarlier(const CivilDate& d) {
  int day = d.day();
  while (!CivilDate::IsValid(d.year() - 1, d.month(), day)) --day;
  return CivilDate(d.year() - 1, d.month(), day);
}

// Uplink (or, with scope "all", all) sales of the range; nullopt reason for an unknown scope.
Result<std::optional<int64_t>> RuralSales(storage::Connection& conn, const IndicatorQuery& q,
                                          const CivilDate& from, const CivilDate& to,
                                          std::string& why) {
  std::string scope = Param(q, "scope");
  if (!scope.empty() && scope != "uplink" && scope != "all") {
    why = "销售台账不支持口径 scope=" + scope + "（可用 uplink、all）";
    return std::optional<int64_t>();
  }
  queries::SumOptions o;
  o.uplink_only = scope != "all";
  ASSIGN_OR_RETURN(int64_t v, queries::SumFen(conn, q.region, queries::MonthsOf(from, to), o));
  return std::optional<int64_t>(v);
}

Result<Measurement> RuralOnlineSales(storage::Connection& conn, const IndicatorQuery& q) {
  std::string why;
  ASSIGN_OR_RETURN(auto v, RuralSales(conn, q, q.from, q.to, why));
  return v ? Ok(*v) : NoData(why);
}

Result<Measurement> AgriOnlineRetail(storage::Connection& conn, const IndicatorQuery& q) {
  queries::SumOptions o;
  o.agricultural_only = true;
  ASSIGN_OR_RETURN(int64_t v, queries::SumFen(conn, q.region, queries::MonthsOf(q.from, q.to), o));
  return Ok(v);
}

Result<Measurement> SalesIncrease(storage::Connection& conn, const IndicatorQuery& q) {
  std::string why;
  ASSIGN_OR_RETURN(auto cur, RuralSales(conn, q, q.from, q.to, why));
  if (!cur) return NoData(why);
  ASSIGN_OR_RETURN(auto prev, RuralSales(conn, q, YearEarlier(q.from), YearEarlier(q.to), why));
  return Ok(*cur - *prev);
}

Result<Measurement> RetailGrowth(storage::Connection& conn, const IndicatorQuery& q) {
  std::string why;
  ASSIGN_OR_RETURN(auto cur, RuralSales(conn, q, q.from, q.to, why));
  if (!cur) return NoData(why);
  ASSIGN_OR_RETURN(auto prev, RuralSales(conn, q, YearEarlier(q.from), YearEarlier(q.to), why));
  if (*prev == 0) return NoData("上年同期无网络销售数据，无法计算同比增长率");
  __int128 num = static_cast<__int128>(*cur - *prev) * 10000;
  __int128 half = *prev / 2;
  __int128 bp = (num >= 0 ? num + half : num - half) / *prev;
  return Ok(static_cast<int64_t>(bp));
}

programme::ComputeFn OverFn(queries::Over what) {
  return [what](storage::Connection& conn, const IndicatorQuery& q) -> Result<Measurement> {
    std::string text = Param(q, "threshold");
    auto threshold = Fen::Parse(text);
    if (text.empty() || !threshold.ok())
      return NoData("阈值无法识别: threshold=" + text + "（应为金额，如 1000万元）");
    std::string scope = Param(q, "scope");
    if (!scope.empty() && scope != "uplink")
      return NoData("销售台账按上行网络销售额计阈值，不支持 scope=" + scope);
    ASSIGN_OR_RETURN(int64_t n, queries::CountOver(conn, q.region, queries::MonthsOf(q.from, q.to),
                                                   *threshold, what));
    return Ok(n);
  };
}

Result<Measurement> NewEntities(storage::Connection& conn, const IndicatorQuery& q) {
  std::string reg = Param(q, "registered");
  if (!reg.empty() && reg != "business")
    return NoData("主体登记只记录工商注册日期，不支持 registered=" + reg);
  ASSIGN_OR_RETURN(int64_t n,
                   queries::CountNewEntities(conn, q.region, queries::MonthsOf(q.from, q.to)));
  return Ok(n);
}

}  // namespace

Status Register(programme::IndicatorRegistry& r) {
  const std::string ledger = "sales ledger";
  const std::string entities = "entity registry + sales ledger";
  RETURN_IF_ERROR(r.Register("rural_online_sales", ledger, RuralOnlineSales));
  RETURN_IF_ERROR(r.Register("rural_online_sales_increase", ledger, SalesIncrease));
  RETURN_IF_ERROR(r.Register("agri_online_retail", ledger, AgriOnlineRetail));
  RETURN_IF_ERROR(r.Register("rural_online_retail_growth", ledger, RetailGrowth));
  RETURN_IF_ERROR(
      r.Register("entities_over_sales_threshold", entities, OverFn(queries::Over::kEntities)));
  RETURN_IF_ERROR(
      r.Register("brands_over_sales_threshold", entities, OverFn(queries::Over::kBrands)));
  RETURN_IF_ERROR(
      r.Register("strong_towns_or_parks", ledger + " (towns only)", OverFn(queries::Over::kTowns)));
  return r.Register("new_entities", entities, NewEntities);
}

Status RegisterProcessIndicators() {
  static std::once_flag once;
  static Status result;
  std::call_once(once, [] { result = Register(programme::ProcessIndicators()); });
  return result;
}

}  // namespace ruralec::sales::indicators
