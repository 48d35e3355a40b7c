#include "storage/status_history.h"

namespace ruralec::storage {

Status AppendStatusChange(Connection& conn, const HistoryTable& t, const HistoryRow& row) {
  std::string cols = t.owner_column +
                     ", county_code, from_status, to_status, changed_on, reason, document_no, "
                     "recorded_by, recorded_at";
  std::string marks = "?, ?, ?, ?, ?, ?, ?, ?, ?";
  Params params{row.owner_id,
                row.county.str(),
                row.from ? Value{*row.from} : Value{Null{}},
                row.to,
                row.on.ToString(),
                row.reason,
                row.document_no,
                row.recorded_by ? Value{*row.recorded_by} : Value{Null{}},
                row.recorded_at};
  for (const auto& [col, v] : row.extra) {
    cols += ", " + col;
    marks += ", ?";
    params.push_back(v);
  }
  auto n = conn.Exec("INSERT INTO " + t.table + " (" + cols + ") VALUES (" + marks + ")", params);
  if (!n.ok()) return n.take_error();
  return {};
}

Result<std::vector<StatusChange<std::string>>> ReadStatusTexts(Connection& conn,
                                                               const HistoryTable& t,
                                                               int64_t owner_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, from_status, to_status, changed_on, reason, "
                                         "document_no, recorded_by, recorded_at FROM " +
                                             t.table + " WHERE " + t.owner_column +
                                             " = ? ORDER BY changed_on, id",
                                         {owner_id}));
  std::vector<StatusChange<std::string>> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    StatusChange<std::string> c;
    c.id = r.Int(0);
    c.from = r.OptText(1);
    c.to = r.Text(2);
    auto on = CivilDate::Parse(r.Text(3), "changed_on");
    c.changed_on = on.ok() ? *on : CivilDate{};
    c.reason = r.Text(4);
    c.document_no = r.Text(5);
    c.recorded_by = r.OptInt(6);
    c.recorded_at = r.Int(7);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace ruralec::storage
