#include "station/events_store.h"

#include "storage/figure_changes.h"
#include "storage/in_list.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::station::store {
namespace {

using storage::Null;
using storage::Value;

const storage::Columns kEvent(
    "e.id, e.station_id, e.happened_on, e.period, e.item, e.quantity, e.amount_fen, e.products, "
    "e.household_ids, e.note, e.source, e.batch_id, e.source_row, e.created_by, e.created_at, "
    "e.voided_at, e.void_reason");

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  for (size_t start = 0, end; start < s.size(); start = end + 1) {
    end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
  }
  return out;
}

template <typename T>
std::string Join(const std::vector<T>& v, char sep) {
  std::string out;
  for (const auto& x : v) {
    if (!out.empty()) out += sep;
    if constexpr (std::is_same_v<T, std::string>) {
      out += x;
    } else {
      out += std::to_string(x);
    }
  }
  return out;
}

ServiceEvent ToEvent(const storage::Row& row) {
  storage::NamedRow r(row, kEvent);
  ServiceEvent e;
  e.id = r.Int("id");
  e.station_id = r.Int("station_id");
  e.happened_on = r.Text("happened_on");
  e.period = r.Text("period");
  e.item = r.Text("item");
  e.quantity = r.Int("quantity");
  e.amount_fen = r.Int("amount_fen");
  e.products = Split(r.Text("products"), '\n');
  for (const auto& id : Split(r.Text("household_ids"), ','))
    e.household_ids.push_back(std::stoll(id));  // written by EventRow: decimal ids only
  e.note = r.Text("note");
  e.source = r.Text("source");
  e.batch_id = r.OptInt("batch_id");
  e.source_row = r.OptInt("source_row");
  e.created_by = r.OptInt("created_by");
  e.created_at = r.Int("created_at");
  e.voided_at = r.OptInt("voided_at");
  e.void_reason = r.Text("void_reason");
  return e;
}

Value Opt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }

}  // namespace

const std::vector<std::string>& EventColumns() {
  static const std::vector<std::string> cols = {
      "station_id", "county_code", "region_code", "happened_on",   "period", "item",
      "quantity",   "amount_fen",  "products",    "household_ids", "note",   "source",
      "batch_id",   "source_row",  "created_by",  "created_at"};
  return cols;
}

std::vector<Value> EventRow(const NewEvent& e) {
  return {e.station_id,
          e.region.county().str(),
          e.region.str(),
          e.happened_on,
          e.happened_on.substr(0, 7),
          e.item,
          e.quantity,
          e.amount_fen,
          Join(e.products, '\n'),
          Join(e.household_ids, ','),
          e.note,
          e.source,
          Opt(e.batch_id),
          Opt(e.source_row),
          Opt(e.created_by),
          e.created_at};
}

Result<int64_t> InsertEvent(storage::Connection& conn, const NewEvent& e) {
  std::string cols, marks;
  for (const auto& c : EventColumns()) {
    cols += (cols.empty() ? "" : ", ") + c;
    marks += marks.empty() ? "?" : ", ?";
  }
  ASSIGN_OR_RETURN(storage::Row row, conn.QueryOne("INSERT INTO station_service_events (" + cols +
                                                       ") VALUES (" + marks + ") RETURNING id",
                                                   EventRow(e), "insert event"));
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, e.region, e.happened_on, e.created_at));
  return row.Int(0);
}

Result<std::optional<ServiceEvent>> GetEvent(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kEvent.List() +
                                             " FROM station_service_events e WHERE e.id = ?",
                                         {id}));
  if (rows.empty()) return std::optional<ServiceEvent>();
  return std::optional<ServiceEvent>(ToEvent(rows[0]));
}

Status MarkVoided(storage::Connection& conn, int64_t id, std::optional<int64_t> by, int64_t at,
                  const std::string& reason) {
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn, "SELECT region_code, happened_on FROM station_service_events WHERE id = ?", {id}, at));
  auto n = conn.Exec(
      "UPDATE station_service_events SET voided_at = ?, voided_by = ?, void_reason = ? "
      "WHERE id = ? AND voided_at IS NULL",
      {at, Opt(by), reason, id});
  if (!n.ok()) return n.take_error();
  return {};
}

Result<std::vector<int64_t>> BatchEventIds(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id FROM station_service_events WHERE batch_id = ? "
                                         "AND voided_at IS NULL ORDER BY id",
                                         {batch_id}));
  std::vector<int64_t> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<int64_t> VoidBatchEvents(storage::Connection& conn, int64_t batch_id,
                                const std::vector<int64_t>& ids, std::optional<int64_t> by,
                                int64_t at, const std::string& reason) {
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn,
      "SELECT region_code, MIN(happened_on) FROM station_service_events WHERE batch_id = ? AND "
      "voided_at IS NULL GROUP BY region_code",
      {batch_id}, at));
  return storage::ExecWhereIn(conn,
                              "UPDATE station_service_events SET voided_at = ?, voided_by = ?, "
                              "void_reason = ? WHERE batch_id = ? AND voided_at IS NULL AND id",
                              ids, "", {at, Opt(by), reason, batch_id});
}

Result<std::set<EventKey>> KeysOfEvents(storage::Connection& conn,
                                        const std::vector<int64_t>& ids) {
  std::set<EventKey> out;
  RETURN_IF_ERROR(storage::ForIdChunks(
      "SELECT DISTINCT station_id, region_code, period, item FROM station_service_events WHERE id",
      ids, "", [&](const std::string& sql, const storage::Params& p) -> Status {
        ASSIGN_OR_RETURN(auto rows, conn.Query(sql, p));
        for (const auto& r : rows) out.insert({r.Int(0), r.Text(1), r.Text(2), r.Text(3)});
        return {};
      }));
  return out;
}

Result<EventSum> SumEvents(storage::Connection& conn, int64_t station_id, const std::string& period,
                           const std::string& item) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT COALESCE(SUM(quantity), 0), COALESCE(SUM(amount_fen), 0) "
                              "FROM station_service_events WHERE station_id = ? AND period = ? "
                              "AND item = ? AND voided_at IS NULL",
                              {station_id, period, item}));
  return EventSum{rows.at(0).Int(0), rows.at(0).Int(1)};
}

Result<Page<ServiceEvent>> ListEvents(storage::Connection& conn, int64_t station_id,
                                      const EventFilter& f, const PageRequest& page) {
  storage::Where w;
  w.Eq("e.station_id", station_id).EqIf("e.period", f.period).EqIf("e.item", f.item);
  if (!f.voided) w.Sql("e.voided_at IS NULL");
  return storage::QueryPage<ServiceEvent>(conn, kEvent.List(), "FROM station_service_events e", w,
                                          " ORDER BY e.happened_on DESC, e.id DESC", page, ToEvent);
}

Result<std::set<int64_t>> ImportedRows(storage::Connection& conn,
                                       const std::vector<int64_t>& batches) {
  std::set<int64_t> out;
  for (int64_t b : batches) {
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT source_row FROM station_service_events "
                                           "WHERE batch_id = ? AND source_row IS NOT NULL",
                                           {b}));
    for (const auto& r : rows) out.insert(r.Int(0));
  }
  return out;
}

}  // namespace ruralec::station::store
