// WHERE clauses built from code-given columns and parameter values: a value never becomes SQL
// text (it is always a `?` parameter), and a column or operator is always a literal of the
// store, never user input. Also the paged list query every store runs (count, then one page).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::storage {

// For LIKE … ESCAPE '\': `text` with \ % _ escaped so it matches literally.
std::string LikeEscaped(std::string_view text);
// A parameter that is NULL when the text is empty / the value absent.
Value TextOrNull(const std::string& s);
Value OrNull(const std::optional<std::string>& v);
Value OrNull(const std::optional<int64_t>& v);

// The 12-digit code range {lowest, highest} of `scope`'s subtree: `code >= ? AND code <= ?` is
// the subtree as a range the index serves (a LIKE prefix may not be).
Params SubtreeRange(const RegionCode& scope);

// A list of codes kept in one text column as ",a,b," (matched with LIKE '%,a,%'; the codes
// hold no comma): {a, b} -> ",a,b," and back (empty items skipped).
std::string JoinedList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(const std::string& column);

class Where {
 public:
  // `column op ?`; op is one of = <> < <= > >= (anything else is a programming error).
  Where& Cmp(std::string_view column, std::string_view op, Value v);
  Where& Eq(std::string_view column, Value v) { return Cmp(column, "=", std::move(v)); }
  // The same, skipped when the value is absent ("" or nullopt): an optional filter.
  Where& EqIf(std::string_view column, const std::string& v);
  Where& EqIf(std::string_view column, const std::optional<int64_t>& v);
  Where& CmpIf(std::string_view column, std::string_view op, const std::string& v);
  Where& CmpIf(std::string_view column, std::string_view op, const std::optional<int64_t>& v);
  // `column LIKE 'prefix%'`: the column starts with `prefix` (taken literally).
  Where& StartsWith(std::string_view column, std::string_view prefix);
  // `column` (a 12-digit region code) lies in `scope`'s subtree (SubtreeRange). A county or
  // wider scope holds most rows of a county's SQLite database, and SQLite has no statistics for
  // a range: it would read every row in scope through the region index and sort them all for
  // one page. So a list page (PageClause) on SQLite tells its planner that such bounds are
  // likely true (`likelihood(…, 0.9)`), and it walks the list's own order until the page is
  // full; a town or village scope keeps the index. PostgreSQL plans from its statistics.
  Where& InSubtree(std::string_view column, const RegionCode& scope);
  // Any of `columns` contains `text` (taken literally); skipped when `text` is empty.
  Where& ContainsIf(const std::vector<std::string_view>& columns, std::string_view text);
  // A condition of the store's own with exactly values.size() `?` placeholders.
  Where& Sql(std::string_view condition, Params values = {});

  // " WHERE a AND b" (or "" without conditions) and its parameters, in order.
  std::string Clause() const;
  // The same for the page query of a list on `dialect` (see InSubtree); same parameters.
  std::string PageClause(std::string_view dialect) const;
  const Params& params() const { return params_; }

 private:
  std::vector<std::string> conds_;
  std::vector<std::pair<size_t, std::string>> sqlite_pages_;  // conds_[i] as a SQLite page has it
  Params params_;
};

// A page of a list: `SELECT <columns> <from><where><order> LIMIT ? OFFSET ?`, each row through
// `convert` (returning T or Result<T>), and `SELECT COUNT(*) <from><where>` for the total only
// when the page cannot tell it: a page with rows but fewer than page_size is the last one, so
// the total is its offset plus its rows (most lists fit on one page: one query, not two). The
// count goes through Connection::CountOf, which may answer from the connection's last count of
// the same unchanged data (paging through a long list counts it once).
// `from` starts with "FROM", `order` with " ORDER BY" (or is "").
template <typename T, typename Convert>
Result<Page<T>> QueryPage(Connection& conn, std::string_view columns, std::string_view from,
                          const Where& where, std::string_view order, const PageRequest& page,
                          Convert convert) {
  Page<T> out;
  out.page = page.page;
  out.page_size = page.page_size;
  std::string tail = std::string(from) + where.Clause();
  Params params = where.params();
  params.emplace_back(int64_t{page.page_size});
  params.emplace_back(page.offset());
  std::string sql = "SELECT " + std::string(columns) + " " + std::string(from) +
                    where.PageClause(conn.Dialect()) + std::string(order) + " LIMIT ? OFFSET ?";
  ASSIGN_OR_RETURN(auto rows, conn.Query(sql, params));
  if (!rows.empty() && static_cast<int64_t>(rows.size()) < page.page_size) {
    out.total = page.offset() + static_cast<int64_t>(rows.size());
  } else if (rows.empty() && page.offset() == 0) {
    out.total = 0;
  } else {
    ASSIGN_OR_RETURN(out.total, conn.CountOf("SELECT COUNT(*) " + tail, where.params()));
  }
  for (const auto& r : rows) {
    if constexpr (std::is_same_v<std::invoke_result_t<Convert, const Row&>, T>) {
      out.items.push_back(convert(r));
    } else {
      ASSIGN_OR_RETURN(T item, convert(r));
      out.items.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace ruralec::storage
