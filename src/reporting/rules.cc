// The rules of a report that need no database (reporting.h): states, parameters, the input check.
#include <algorithm>

#include "core/validate.h"
#include "programme/check.h"
#include "programme/indicators.h"
#include "programme/report/quarterly_report.h"
#include "reporting/reporting.h"

namespace ruralec::reporting {
namespace {

constexpr int64_t kMaxValue = 9'000'000'000'000'000;  // 9e15 base units: far beyond any figure
constexpr int64_t kFullRate = 10'000;                 // 100% in basis points
constexpr size_t kMaxParamChars = 60;

Status CheckIndicator(const std::string& id) {
  if (id.empty()) return Error::Invalid("indicator", "请选择要填报的指标");
  const programme::Indicator* ind = programme::FindIndicator(id);
  if (!ind) return Error::Invalid("indicator", "未知指标「" + id.substr(0, 60) + "」");
  if (!programme::Reportable(id))
    return Error::Invalid("indicator", "指标「" + ind->name + "」由系统计算，不能填报");
  return {};
}

bool Declared(const std::vector<std::string>& keys, const std::string& key) {
  for (const auto& k : keys) {
    if (k == key) return true;
  }
  return false;
}

Result<std::map<std::string, std::string>> CleanParams(
    const programme::Indicator& ind, const std::map<std::string, std::string>& params) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : params) {
    if (!Declared(ind.params, key))
      return Error::Invalid("params",
                            "指标「" + ind.name + "」没有参数「" + key.substr(0, 40) + "」");
    ASSIGN_OR_RETURN(std::string v,
                     validate::ValidateText(value, {"params", "参数值", kMaxParamChars, true}));
    if (v.find_first_of(";=") != std::string::npos)
      return Error::Invalid("params", "参数「" + key + "」的值不能含有分号或等号");
    const auto* allowed = programme::AllowedParamValues(ind.id, key);
    if (!v.empty() && allowed && std::find(allowed->begin(), allowed->end(), v) == allowed->end())
      return Error::Invalid("params", "参数「" + key + "」的值「" + v + "」不在可选值之内");
    if (!v.empty()) out[key] = v;
  }
  for (const auto& key : ind.required_params) {
    if (!out.count(key)) return Error::Invalid("params", "请填写参数「" + key + "」");
  }
  return out;
}

Status CheckValue(const programme::Indicator& ind, const std::optional<int64_t>& value) {
  if (!value) return Error::Invalid("value", "请填写数值");
  if (*value < 0) return Error::Invalid("value", "数值不能为负数");
  if (ind.dimension == programme::Dimension::kPercent && *value > kFullRate)
    return Error::Invalid("value", "比例不能超过 100%");
  if (*value > kMaxValue) return Error::Invalid("value", "数值过大");
  return {};
}

Status CheckRegion(const RegionCode& region) {
  if (region.empty()) return Error::Invalid("region_code", "请选择填报的区划");
  RegionLevel l = region.level();
  if (l != RegionLevel::kCounty && l != RegionLevel::kTown)
    return Error::Invalid("region_code", "只能为区县或乡镇（街道）填报");
  return {};
}

}  // namespace

const char* StateName(State s) {
  switch (s) {
    case State::kPending:
      return "pending";
    case State::kConfirmed:
      return "confirmed";
    case State::kRejected:
      return "rejected";
    case State::kSuperseded:
      return "superseded";
  }
  return "";
}

const char* StateLabel(State s) {
  switch (s) {
    case State::kPending:
      return "待确认";
    case State::kConfirmed:
      return "已确认";
    case State::kRejected:
      return "已退回";
    case State::kSuperseded:
      return "已被新版本取代";
  }
  return "";
}

Result<State> ParseState(std::string_view text) {
  for (State s : {State::kPending, State::kConfirmed, State::kRejected, State::kSuperseded}) {
    if (text == StateName(s) || text == StateLabel(s)) return s;
  }
  return Error::Invalid("status", "未知的填报状态「" + std::string(text.substr(0, 40)) + "」");
}

std::string ParamsText(const std::map<std::string, std::string>& params) {
  std::string out;
  for (const auto& [k, v] : params) out += (out.empty() ? "" : ";") + k + "=" + v;
  return out;
}

std::map<std::string, std::string> ParseParamsText(std::string_view text) {
  std::map<std::string, std::string> out;
  while (!text.empty()) {
    size_t end = text.find(';');
    std::string_view item = text.substr(0, end);
    size_t eq = item.find('=');
    if (eq != std::string_view::npos)
      out[std::string(item.substr(0, eq))] = std::string(item.substr(eq + 1));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

Result<std::pair<CivilDate, CivilDate>> PeriodDays(std::string_view period) {
  if (period.empty()) return Error::Invalid("period", "请选择填报季度");
  auto q = programme::report::ParseQuarter(period);
  if (!q.ok()) return Error::Invalid("period", q.error().message);
  return std::make_pair(q->first, q->last);
}

Result<ReportInput> CheckInput(ReportInput in, const CivilDate& today) {
  RETURN_IF_ERROR(CheckIndicator(in.indicator));
  const programme::Indicator& ind = *programme::FindIndicator(in.indicator);
  ASSIGN_OR_RETURN(in.params, CleanParams(ind, in.params));
  RETURN_IF_ERROR(CheckRegion(in.region));
  ASSIGN_OR_RETURN(auto days, PeriodDays(in.period));
  if (days.first > today)
    return Error::Invalid("period", "季度 " + in.period + " 尚未开始，不能填报");
  if (in.period[4] == 'q') in.period[4] = 'Q';
  RETURN_IF_ERROR(CheckValue(ind, in.value));
  ASSIGN_OR_RETURN(in.note, validate::ValidateText(in.note, {"note", "说明", kMaxNote, true}));
  return in;
}

}  // namespace ruralec::reporting
