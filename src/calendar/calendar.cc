#include "calendar/calendar.h"

namespace ruralec::calendar {
namespace {

Error Unknown(int year) {
  return Error::Invalid(
      "date", std::to_string(year) + "年不在已知日历年份内，请先由管理员添加该年的节假日安排");
}

}  // namespace

const char* DayKindName(DayKind k) { return k == DayKind::kHoliday ? "holiday" : "workday"; }

Calendar::Calendar(std::set<int> years, const std::vector<Day>& days) : years_(std::move(years)) {
  for (const Day& d : days) days_[d.date] = d.kind;
}

Result<bool> Calendar::IsWorkingDay(CivilDate d) const {
  if (!Knows(d.year())) return Unknown(d.year());
  auto it = days_.find(d);
  if (it != days_.end()) return it->second == DayKind::kWorkday;
  return d.Weekday() <= 5;
}

Result<CivilDate> Calendar::WorkdaysAfter(CivilDate d, int n) const {
  if (n < 0) return Error::Invalid("n", "工作日数不能为负");
  if (!Knows(d.year())) return Unknown(d.year());
  CivilDate cur = d;
  for (int found = 0; found < n;) {
    cur = cur.AddDays(1);
    ASSIGN_OR_RETURN(bool working, IsWorkingDay(cur));
    if (working) ++found;
  }
  return cur;
}

Status ValidateYear(int year, const std::vector<Day>& days) {
  if (year < 1949 || year > 2100) return Error::Invalid("year", "年份超出范围");
  std::set<CivilDate> seen;
  for (size_t i = 0; i < days.size(); ++i) {
    const Day& d = days[i];
    std::string field = "days[" + std::to_string(i) + "]";
    if (d.date.year() != year)
      return Error::Invalid(field + ".date", "日期不属于" + std::to_string(year) + "年");
    if (!seen.insert(d.date).second)
      return Error::Invalid(field + ".date", "日期重复: " + d.date.ToString());
    if (d.name.empty()) return Error::Invalid(field + ".name", "请填写节日名称");
  }
  return {};
}

Result<Calendar> Load(storage::Connection& conn) {
  ASSIGN_OR_RETURN(auto years, conn.Query("SELECT year FROM calendar_years"));
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT day, kind, name FROM calendar_days"));
  std::set<int> ys;
  for (const auto& r : years) ys.insert(static_cast<int>(r.Int(0)));
  std::vector<Day> days;
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(r.Text(0)));
    days.push_back({d, r.Text(1) == "workday" ? DayKind::kWorkday : DayKind::kHoliday, r.Text(2)});
  }
  return Calendar(std::move(ys), days);
}

Result<std::vector<YearInfo>> ListYears(storage::Connection& conn) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query(
          "SELECT y.year, y.source, "
          "(SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.kind = 'holiday'), "
          "(SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.kind = 'workday') "
          "FROM calendar_years y ORDER BY y.year"));
  std::vector<YearInfo> out;
  for (const auto& r : rows) {
    out.push_back({static_cast<int>(r.Int(0)), r.Text(1), static_cast<int>(r.Int(2)),
                   static_cast<int>(r.Int(3))});
  }
  return out;
}

Result<std::vector<Day>> YearDays(storage::Connection& conn, int year) {
  ASSIGN_OR_RETURN(auto known,
                   conn.Query("SELECT 1 FROM calendar_years WHERE year = ?", {int64_t{year}}));
  if (known.empty()) return Error::NotFound(std::to_string(year) + "年的日历尚未添加");
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT day, kind, name FROM calendar_days WHERE year = ? "
                                         "ORDER BY day",
                                         {int64_t{year}}));
  std::vector<Day> out;
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(r.Text(0)));
    out.push_back({d, r.Text(1) == "workday" ? DayKind::kWorkday : DayKind::kHoliday, r.Text(2)});
  }
  return out;
}

Status PutYear(storage::Connection& conn, int year, const std::vector<Day>& days,
               const std::string& source, int64_t now_ms) {
  RETURN_IF_ERROR(ValidateYear(year, days));
  RETURN_IF_ERROR(conn.Exec("DELETE FROM calendar_days WHERE year = ?", {int64_t{year}}));
  RETURN_IF_ERROR(conn.Exec(
      "INSERT INTO calendar_years (year, source, updated_at) VALUES (?, ?, ?) "
      "ON CONFLICT (year) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at",
      {int64_t{year}, source, now_ms}));
  for (const Day& d : days) {
    RETURN_IF_ERROR(
        conn.Exec("INSERT INTO calendar_days (day, year, kind, name) VALUES (?, ?, ?, ?)",
                  {d.date.ToString(), int64_t{year}, DayKindName(d.kind), d.name}));
  }
  return {};
}

}  // namespace ruralec::calendar
