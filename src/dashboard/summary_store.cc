#include "dashboard/summary_store.h"

#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::dashboard::store {
namespace {

const storage::Columns kCols(
    "region_code, month, figure, ok, value, numerator, denominator, baseline, source, reason, "
    "computed_at");

}  // namespace

Status PutSummaries(storage::Connection& conn, const std::vector<SummaryRow>& rows) {
  for (const auto& r : rows) {
    auto done = conn.Exec(
        "INSERT INTO dashboard_summaries (" + kCols.List() +
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (region_code, month, figure) "
            "DO UPDATE SET ok = excluded.ok, value = excluded.value, numerator = "
            "excluded.numerator, denominator = excluded.denominator, baseline = "
            "excluded.baseline, source = excluded.source, reason = excluded.reason, "
            "computed_at = excluded.computed_at",
        {r.region, r.month, r.figure, int64_t{r.ok ? 1 : 0}, storage::OrNull(r.value),
         storage::OrNull(r.numerator), storage::OrNull(r.denominator), storage::OrNull(r.baseline),
         r.source, r.reason, r.computed_at});
    if (!done.ok()) return done.take_error();
  }
  return {};
}

Result<std::vector<SummaryRow>> SummariesOf(storage::Connection& conn,
                                            const std::vector<std::string>& regions,
                                            const std::vector<std::string>& months, int64_t since) {
  std::vector<SummaryRow> out;
  std::string month_marks;
  for (size_t i = 0; i < months.size(); ++i) month_marks += i ? ", ?" : "?";
  for (size_t at = 0; at < regions.size(); at += 400) {
    storage::Params params{since};
    for (const auto& m : months) params.push_back(m);
    std::string marks;
    for (size_t i = at; i < regions.size() && i < at + 400; ++i) {
      marks += marks.empty() ? "?" : ", ?";
      params.push_back(regions[i]);
    }
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kCols.List() +
                                               " FROM dashboard_summaries WHERE computed_at >= ? "
                                               "AND month IN (" +
                                               month_marks + ") AND region_code IN (" + marks + ")",
                                           params));
    for (const auto& row : rows) {
      storage::NamedRow r(row, kCols);
      out.push_back({r.Text("region_code"), r.Text("month"), r.Text("figure"), r.Bool("ok"),
                     r.OptInt("value"), r.OptInt("numerator"), r.OptInt("denominator"),
                     r.OptInt("baseline"), r.Text("source"), r.Text("reason"),
                     r.Int("computed_at")});
    }
  }
  return out;
}

Result<std::map<std::string, std::vector<std::string>>> StoredKeys(storage::Connection& conn,
                                                                   const std::string& region,
                                                                   const std::string& from_month) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT month, figure FROM dashboard_summaries WHERE "
                                         "region_code = ? AND month >= ? ORDER BY month, figure",
                                         {region, from_month}));
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& r : rows) out[r.Text(0)].push_back(r.Text(1));
  return out;
}

}  // namespace ruralec::dashboard::store
