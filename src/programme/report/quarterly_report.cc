#include "programme/report/quarterly_report.h"

#include <cstdlib>

#include "programme/evaluate.h"
#include "programme/local_store.h"
#include "programme/store.h"

namespace ruralec::programme::report {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kShanghaiOffsetMs = int64_t{8} * 3'600'000;

int LastDayOfMonth(int y, int m) {
  for (int d = 31; d > 28; --d) {
    if (CivilDate::IsValid(y, m, d)) return d;
  }
  return 28;
}

// "12345" with `decimals` = 2 → "123.45"; exact, integer arithmetic only.
std::string Decimal(int64_t v, int decimals) {
  bool negative = v < 0;
  // Work on the unsigned magnitude so INT64_MIN does not overflow.
  uint64_t mag = negative ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string digits = std::to_string(mag);
  if (decimals > 0) {
    if (digits.size() <= static_cast<size_t>(decimals))
      digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

std::string Quarter::Label() const { return std::to_string(year) + "Q" + std::to_string(number); }

std::string Quarter::ChineseLabel() const {
  static const char* kNames[] = {"一", "二", "三", "四"};
  return std::to_string(year) + "年第" + kNames[number - 1] + "季度";
}

Result<Quarter> ParseQuarter(std::string_view text) {
  auto bad = [&text] {
    return Error::Invalid("quarter", "季度格式应为 YYYYQn（n 为 1–4，如 2018Q4），收到「" +
                                         std::string(text.substr(0, 40)) + "」");
  };
  if (text.size() != 6 || (text[4] != 'Q' && text[4] != 'q')) return bad();
  for (int i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return bad();
  }
  if (text[5] < '1' || text[5] > '4') return bad();
  Quarter q;
  q.year = std::atoi(std::string(text.substr(0, 4)).c_str());
  q.number = text[5] - '0';
  if (q.year < 1970) return bad();
  int first_month = 3 * (q.number - 1) + 1, last_month = first_month + 2;
  q.first = CivilDate(q.year, first_month, 1);
  q.last = CivilDate(q.year, last_month, LastDayOfMonth(q.year, last_month));
  return q;
}

CivilDate AsOfDate(const Quarter& q, const CivilDate& today) { return std::min(q.last, today); }

int64_t EndOfShanghaiDayMs(const CivilDate& d) {
  return (d.DaysSinceEpoch() + 1) * kDayMs - kShanghaiOffsetMs;
}

Display DisplayValue(int64_t base, const std::string& base_unit, const std::string& plan_unit) {
  if (base_unit == "fen") return {Decimal(base, 2), "元", 2};
  if (base_unit == "us_cent") return {Decimal(base, 2), "美元", 2};
  if (base_unit == "metre") return {Decimal(base, 3), "公里", 3};
  if (base_unit == "basis_point") return {Decimal(base, 2), "%", 2};
  if (base_unit == "person_time") return {Decimal(base, 0), "人次", 0};
  if (base_unit == "centi_point") return {Decimal(base, 2), "分", 2};
  if (base_unit == "minute") return {Decimal(base, 0), "分钟", 0};
  if (base_unit == "tonne") return {Decimal(base, 0), "吨", 0};
  if (base_unit == "centi") {  // 次/周, 家/点, 件/村: the plan's own unit
    const UnitDef* u = FindUnit(plan_unit);
    return {Decimal(base, 2), u && u->dimension == Dimension::kRatio ? plan_unit : "", 2};
  }
  // Counts: the plan's own unit when it is a plain count unit (个, 家, 种 …), else 个.
  const UnitDef* u = FindUnit(plan_unit);
  std::string unit = u && u->factor == 1 ? plan_unit : "个";
  return {Decimal(base, 0), unit, 0};
}

Result<int64_t> ResolveProgrammeId(storage::Connection& conn, const std::string& id_or_key) {
  bool numeric = !id_or_key.empty() && id_or_key.size() < 18 &&
                 id_or_key.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) return std::stoll(id_or_key);
  ASSIGN_OR_RETURN(auto rows, ListProgrammes(conn, ""));
  for (const auto& r : rows) {
    if (r.key == id_or_key) return r.id;
  }
  return Error::NotFound("没有编号或键为「" + id_or_key + "」的方案");
}

Result<ReportData> BuildReport(storage::Connection& conn, const IndicatorRegistry& registry,
                               int64_t programme_id, const Quarter& quarter, const CivilDate& today,
                               const std::string& division_dir) {
  ReportData out;
  out.quarter = quarter;
  out.generated_on = today;
  out.as_of = AsOfDate(quarter, today);
  if (quarter.first > today) {
    return Error::Invalid("quarter",
                          quarter.Label() + " 尚未开始（今天是 " + today.ToString() + "）");
  }
  ASSIGN_OR_RETURN(LoadedProgramme loaded, LoadStored(conn, programme_id, division_dir));
  out.stored = std::move(loaded.stored);
  out.programme = std::move(loaded.programme);
  const Programme& p = *out.programme;
  std::optional<CivilDate> start = p.period_start ? p.period_start : p.issued_on;
  if (start && quarter.last < *start) {
    return Error::Invalid("quarter", quarter.Label() + " 早于方案起始日期 " + start->ToString());
  }
  ASSIGN_OR_RETURN(auto notes, ListTaskNotes(conn, programme_id));
  std::vector<TaskNote> counted;
  const int64_t cutoff = EndOfShanghaiDayMs(out.as_of);
  for (auto& n : notes) {
    if (n.created_at < cutoff) counted.push_back(std::move(n));
  }
  out.notes_counted = static_cast<int>(counted.size());
  ASSIGN_OR_RETURN(out.progress,
                   ComputeProgress(conn, registry, p, TaskStates(counted), out.as_of));
  ASSIGN_OR_RETURN(LocalVersion lv, LocalVersionOf(conn, out.stored.id, out.stored.version, p));
  out.local_version = LocalVersionLabel(lv);
  return out;
}

std::string ReportFileName(const ReportData& data) {
  std::string name = data.programme->name.empty() ? data.stored.key : data.programme->name;
  for (char& c : name) {
    if (static_cast<unsigned char>(c) < 0x20 ||
        std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos)
      c = '_';
  }
  return name + "_" + data.quarter.Label() + ".xlsx";
}

}  // namespace ruralec::programme::report
