// A dated status history (station, designation, …): the shared shape of its rows and the SQL
// that appends and reads them. Each module owns its history table and names it here; the
// table has the columns id, <owner column>, county_code, from_status, to_status, changed_on,
// reason, document_no, recorded_by, recorded_at, plus any of the module's own (HistoryRow
// extra). Rows are appended, never updated or deleted (an exited or revoked object keeps its
// history). Statuses are stored as their code names; the module's enum is `S`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::storage {

// One recorded change of an object of status type S. `from` is empty on the first row (the
// registration); `recorded_by_name` is filled by the caller (account::NameRecorders).
template <class S>
struct StatusChange {
  int64_t id = 0;
  std::optional<S> from;
  S to{};
  CivilDate changed_on;
  std::string reason, document_no;
  std::optional<int64_t> recorded_by;
  std::string recorded_by_name;
  int64_t recorded_at = 0;
};

// A change asked for: the new status, its date, reason and decision document number.
template <class S>
struct NewStatus {
  S to{};
  CivilDate on;
  std::string reason, document_no;
};

// Which table holds a module's history and which column names the object.
struct HistoryTable {
  std::string table;         // "station_status_changes"
  std::string owner_column;  // "station_id"
};

// One row to append. `extra`: the module's own columns (e.g. region_code) with their values.
struct HistoryRow {
  int64_t owner_id = 0;
  RegionCode county;
  std::optional<std::string> from;  // code name; empty on the first row
  std::string to;
  CivilDate on;
  std::string reason, document_no;
  std::optional<int64_t> recorded_by;
  int64_t recorded_at = 0;
  std::vector<std::pair<std::string, Value>> extra;
};
Status AppendStatusChange(Connection& conn, const HistoryTable& t, const HistoryRow& row);

// The row of a change of an object of status type S (`name` gives a status's code name).
template <class S>
HistoryRow HistoryRowOf(int64_t owner_id, const RegionCode& county, std::optional<S> from,
                        const NewStatus<S>& c, const char* (*name)(S),
                        std::optional<int64_t> recorded_by, int64_t recorded_at) {
  return {owner_id,
          county,
          from ? std::optional<std::string>(name(*from)) : std::nullopt,
          name(c.to),
          c.on,
          c.reason,
          c.document_no,
          recorded_by,
          recorded_at,
          {}};
}

// The rows of one object, oldest first (by date, then id), statuses as stored.
Result<std::vector<StatusChange<std::string>>> ReadStatusTexts(Connection& conn,
                                                               const HistoryTable& t,
                                                               int64_t owner_id);

// The same with the statuses parsed by the module (`parse(text, field)` → Result<S>); a value
// it does not know reads as `fallback` (rows written by an older version stay readable).
template <class S, class Parse>
Result<std::vector<StatusChange<S>>> ReadStatusHistory(Connection& conn, const HistoryTable& t,
                                                       int64_t owner_id, Parse parse, S fallback) {
  ASSIGN_OR_RETURN(auto rows, ReadStatusTexts(conn, t, owner_id));
  auto as = [&](const std::string& text) {
    auto v = parse(text, "status");
    return v.ok() ? *v : fallback;
  };
  std::vector<StatusChange<S>> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    StatusChange<S> c;
    c.id = r.id;
    if (r.from) c.from = as(*r.from);
    c.to = as(r.to);
    c.changed_on = r.changed_on;
    c.reason = std::move(r.reason);
    c.document_no = std::move(r.document_no);
    c.recorded_by = r.recorded_by;
    c.recorded_at = r.recorded_at;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace ruralec::storage
