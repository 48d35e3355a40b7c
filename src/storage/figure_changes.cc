#include "storage/figure_changes.h"

#include <map>

#include "storage/row.h"

namespace ruralec::storage {

Status MarkFiguresChanged(Connection& conn, const RegionCode& where, std::string_view month,
                          int64_t now_ms) {
  if (where.empty() || where.level() < RegionLevel::kCounty) return {};
  if (month.size() < 7) return Error::Invalid("month", "月份无效: " + std::string(month));
  auto done = conn.Exec(
      "INSERT INTO figure_changes (county_code, from_month, version, first_marked_at, "
      "marked_at) VALUES (?, ?, 1, ?, ?) ON CONFLICT (county_code) DO UPDATE SET from_month = "
      "CASE WHEN excluded.from_month < figure_changes.from_month THEN excluded.from_month ELSE "
      "figure_changes.from_month END, version = figure_changes.version + 1, marked_at = "
      "excluded.marked_at",
      {where.county().str(), std::string(month.substr(0, 7)), now_ms, now_ms});
  if (!done.ok()) return done.take_error();
  return {};
}

namespace {

// county → earliest month of the (region code, month) pairs, marked in code order.
class Collect {
 public:
  void Add(const std::string& region, const std::string& month_text) {
    auto code = RegionCode::Parse(region);
    const std::string month = month_text.substr(0, 7);
    if (!code.ok() || code->level() < RegionLevel::kCounty || month.size() < 7) return;
    auto [it, fresh] = first_.try_emplace(code->county().str(), month);
    if (!fresh && month < it->second) it->second = month;
  }
  Status Mark(Connection& conn, int64_t now_ms) const {
    for (const auto& [county, month] : first_)
      RETURN_IF_ERROR(MarkFiguresChanged(conn, *RegionCode::Parse(county), month, now_ms));
    return {};
  }

 private:
  std::map<std::string, std::string> first_;
};

const std::string* TextOf(const Value& v) { return std::get_if<std::string>(&v); }

}  // namespace

Status MarkFiguresChangedRows(Connection& conn, const std::vector<std::string>& columns,
                              const std::vector<std::vector<Value>>& rows, std::string_view region,
                              std::string_view month, int64_t now_ms) {
  size_t r = columns.size(), m = columns.size();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == region) r = i;
    if (columns[i] == month) m = i;
  }
  if (r == columns.size() || m == columns.size())
    return Error::Internal("figure changes: no column " + std::string(region) + "/" +
                           std::string(month));
  Collect c;
  for (const auto& row : rows) {
    const std::string *code = TextOf(row.at(r)), *when = TextOf(row.at(m));
    if (code && when) c.Add(*code, *when);
  }
  return c.Mark(conn, now_ms);
}

Status MarkFiguresChangedBy(Connection& conn, std::string_view sql, const Params& params,
                            int64_t now_ms) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(sql, params));
  Collect c;
  for (const auto& row : rows)
    if (!row.IsNull(0) && !row.IsNull(1)) c.Add(row.Text(0), row.Text(1));
  return c.Mark(conn, now_ms);
}

Result<std::vector<FigureChange>> PendingFigureChanges(Connection& conn, std::string_view prefix,
                                                       int limit) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT county_code, from_month, version, first_marked_at, "
                              "marked_at FROM figure_changes WHERE county_code LIKE ? ORDER BY "
                              "first_marked_at, county_code LIMIT ?",
                              {std::string(prefix) + "%", int64_t{limit}}));
  std::vector<FigureChange> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Int(2), r.Int(3), r.Int(4)});
  return out;
}

Result<bool> ClearFigureChange(Connection& conn, const FigureChange& c) {
  ASSIGN_OR_RETURN(int64_t n, conn.Exec("DELETE FROM figure_changes WHERE county_code = ? AND "
                                        "version = ?",
                                        {c.county, c.version}));
  return n > 0;
}

}  // namespace ruralec::storage
