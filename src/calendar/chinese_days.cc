#include "calendar/chinese_days.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ruralec::calendar {
namespace {

// Values look like "National Day,国庆节,3": the Chinese name is the second field.
std::string ChineseName(const std::string& v) {
  size_t a = v.find(',');
  if (a == std::string::npos) return v;
  size_t b = v.find(',', a + 1);
  return v.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
}

Status AddSection(const nlohmann::json& doc, const char* key, DayKind kind,
                  std::map<int, std::vector<Day>>& out) {
  if (!doc.contains(key) || !doc[key].is_object()) {
    return Error::Internal(std::string("chinese-days 数据缺少 ") + key);
  }
  for (const auto& [date, value] : doc[key].items()) {
    ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(date));
    out[d.year()].push_back({d, kind, ChineseName(value.get<std::string>())});
  }
  return {};
}

}  // namespace

Result<std::map<int, std::vector<Day>>> ReadChineseDays(const std::string& json_path) {
  std::ifstream in(json_path);
  if (!in) {
    return Error{ErrorCode::kUnavailable,
                 "找不到日历数据 " + json_path + "（请先运行 scripts/setup）", "source"};
  }
  auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) return Error::Internal("日历数据不是有效的JSON: " + json_path);
  std::map<int, std::vector<Day>> out;
  RETURN_IF_ERROR(AddSection(doc, "holidays", DayKind::kHoliday, out));
  RETURN_IF_ERROR(AddSection(doc, "workdays", DayKind::kWorkday, out));
  return out;
}

Result<std::vector<Day>> ParseDaysJson(const std::string& text) {
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.contains("days") || !doc["days"].is_array()) {
    return Error::Invalid("days", "请求体应为 {\"days\": [...]}");
  }
  std::vector<Day> out;
  for (size_t i = 0; i < doc["days"].size(); ++i) {
    const auto& d = doc["days"][i];
    std::string f = "days[" + std::to_string(i) + "]";
    if (!d.is_object()) return Error::Invalid(f, "应为对象");
    ASSIGN_OR_RETURN(CivilDate date, CivilDate::Parse(d.value("date", ""), f + ".date"));
    std::string kind = d.value("kind", "");
    if (kind != "holiday" && kind != "workday") {
      return Error::Invalid(f + ".kind", "类型应为 holiday（节假日）或 workday（调休上班）");
    }
    out.push_back(
        {date, kind == "holiday" ? DayKind::kHoliday : DayKind::kWorkday, d.value("name", "")});
  }
  return out;
}

Result<Calendar> ChineseDaysCalendar(const std::string& json_path) {
  ASSIGN_OR_RETURN(auto years, ReadChineseDays(json_path));
  std::set<int> ys;
  std::vector<Day> all;
  for (auto& [y, days] : years) {
    ys.insert(y);
    all.insert(all.end(), days.begin(), days.end());
  }
  return Calendar(std::move(ys), all);
}

}  // namespace ruralec::calendar
