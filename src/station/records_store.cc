#include "station/records_store.h"

#include "storage/figure_changes.h"
#include "storage/in_list.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::station::store {
namespace {

using storage::Null;
using storage::Value;

const storage::Columns kRecord(
    "r.id, r.station_id, r.period, r.item, r.quantity, r.amount_fen, r.source, r.batch_id, "
    "r.source_row, r.supersedes_id, r.created_by, r.is_current, r.correction_reason, "
    "r.created_at, r.voided_at");

ServiceRecord ToRecord(const storage::Row& row) {
  storage::NamedRow r(row, kRecord);
  ServiceRecord s;
  s.id = r.Int("id");
  s.station_id = r.Int("station_id");
  s.period = r.Text("period");
  s.item = r.Text("item");
  s.quantity = r.Int("quantity");
  s.amount_fen = r.Int("amount_fen");
  s.source = r.Text("source");
  s.batch_id = r.OptInt("batch_id");
  s.source_row = r.OptInt("source_row");
  s.supersedes_id = r.OptInt("supersedes_id");
  s.created_by = r.OptInt("created_by");
  s.current = r.Bool("is_current");
  s.correction_reason = r.Text("correction_reason");
  s.created_at = r.Int("created_at");
  s.voided_at = r.OptInt("voided_at");
  return s;
}

Value Opt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }

}  // namespace

Result<std::map<std::string, ServiceRecord>> CurrentOfMonth(storage::Connection& conn,
                                                            int64_t station_id,
                                                            const std::string& period) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kRecord.List() +
                                             " FROM station_service_records r WHERE "
                                             "r.station_id = ? AND r.period = ? AND "
                                             "r.is_current = 1",
                                         {station_id, period}));
  std::map<std::string, ServiceRecord> out;
  for (const auto& row : rows) {
    ServiceRecord s = ToRecord(row);
    out.emplace(s.item, std::move(s));
  }
  return out;
}

const std::vector<std::string>& RecordColumns() {
  static const std::vector<std::string> cols = {"station_id",
                                                "county_code",
                                                "region_code",
                                                "period",
                                                "item",
                                                "quantity",
                                                "amount_fen",
                                                "source",
                                                "batch_id",
                                                "source_row",
                                                "is_current",
                                                "supersedes_id",
                                                "correction_reason",
                                                "created_by",
                                                "created_at"};
  return cols;
}

std::vector<Value> RecordRow(const NewRecord& r) {
  return {r.station_id,
          r.region.county().str(),
          r.region.str(),
          r.period,
          r.item,
          r.quantity,
          r.amount_fen,
          r.source,
          Opt(r.batch_id),
          Opt(r.source_row),
          int64_t{1},
          Opt(r.supersedes_id),
          r.correction_reason,
          Opt(r.created_by),
          r.created_at};
}

Status ClearCurrent(storage::Connection& conn, const std::vector<int64_t>& ids) {
  for (int64_t id : ids) {
    auto n = conn.Exec("UPDATE station_service_records SET is_current = 0 WHERE id = ?", {id});
    if (!n.ok()) return n.take_error();
  }
  return {};
}

Result<int64_t> PutRecord(storage::Connection& conn, const NewRecord& r) {
  if (r.supersedes_id) {
    RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
        conn, "SELECT region_code, period FROM station_service_records WHERE id = ?",
        {*r.supersedes_id}, r.created_at));
    RETURN_IF_ERROR(ClearCurrent(conn, {*r.supersedes_id}));
  }
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, r.region, r.period, r.created_at));
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO station_service_records (station_id, county_code, region_code, "
                    "period, item, quantity, amount_fen, source, batch_id, source_row, "
                    "is_current, supersedes_id, correction_reason, created_by, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    RecordRow(r), "insert record"));
  return row.Int(0);
}

Result<Page<ServiceRecord>> ListRecords(storage::Connection& conn, int64_t station_id,
                                        const RecordFilter& f, const PageRequest& page) {
  storage::Where w;
  w.Eq("r.station_id", station_id)
      .CmpIf("r.period", ">=", f.from)
      .CmpIf("r.period", "<=", f.to)
      .EqIf("r.item", f.item);
  if (!f.history) w.Eq("r.is_current", int64_t{1});
  return storage::QueryPage<ServiceRecord>(conn, kRecord.List(), "FROM station_service_records r",
                                           w, " ORDER BY r.period DESC, r.item, r.id DESC", page,
                                           ToRecord);
}

Result<std::optional<StationRef>> FindStation(storage::Connection& conn, const RegionCode& region,
                                              const std::string& name) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, operator_entity_id FROM stations WHERE "
                                         "region_code = ? AND name = ?",
                                         {region.str(), name}));
  if (rows.empty()) return std::optional<StationRef>();
  return std::optional<StationRef>(StationRef{rows[0].Int(0), region, rows[0].OptInt(1)});
}

Result<std::vector<StationYear>> StationsIn(storage::Connection& conn, const RegionCode& scope) {
  storage::Where w;
  w.InSubtree("region_code", scope);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, name, region_code, level, status, "
                                         "operator_entity_id, services FROM stations" +
                                             w.Clause() + " ORDER BY id",
                                         w.params()));
  std::vector<StationYear> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    StationYear s;
    s.station_id = r.Int(0);
    s.name = r.Text(1);
    s.region = *RegionCode::Parse(r.Text(2));
    s.level = r.Text(3) == "town" ? Level::kTown : Level::kVillage;
    if (auto st = ParseStatus(r.Text(4)); st.ok()) s.status = *st;
    s.operator_entity_id = r.OptInt(5);
    std::string all = r.Text(6);
    for (size_t start = 0, comma; start < all.size(); start = comma + 1) {
      comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      if (comma > start) s.services.push_back(all.substr(start, comma - start));
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<Sums> SumInSubtree(storage::Connection& conn, const RegionCode& scope,
                          const std::string& from, const std::string& to, const std::string& item) {
  storage::Where w;
  w.InSubtree("region_code", scope)
      .Cmp("period", ">=", from)
      .Cmp("period", "<=", to)
      .Eq("is_current", int64_t{1})
      .EqIf("item", item);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT COALESCE(SUM(quantity), 0), "
                                         "COALESCE(SUM(amount_fen), 0), COUNT(*) FROM "
                                         "station_service_records" +
                                             w.Clause(),
                                         w.params()));
  return Sums{rows.at(0).Int(0), rows.at(0).Int(1), rows.at(0).Int(2)};
}

Status ScanCurrent(storage::Connection& conn, const RegionCode& scope, const std::string& from,
                   const std::string& to, const RecordVisitor& fn) {
  storage::Where w;
  w.InSubtree("region_code", scope)
      .Cmp("period", ">=", from)
      .Cmp("period", "<=", to)
      .Eq("is_current", int64_t{1});
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT station_id, item, quantity, amount_fen, id FROM "
                                         "station_service_records" +
                                             w.Clause() + " ORDER BY station_id, id",
                                         w.params()));
  for (const auto& r : rows) fn(r.Int(0), r.Text(1), r.Int(2), r.Int(3), r.Int(4));
  return {};
}

Result<std::vector<int64_t>> BatchRecordIds(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT id FROM station_service_records WHERE batch_id = "
                              "? AND source = 'import' AND voided_at IS NULL ORDER BY id",
                              {batch_id}));
  std::vector<int64_t> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<int64_t> CountCorrectionsOf(storage::Connection& conn, const std::vector<int64_t>& ids) {
  return storage::CountWhereIn(
      conn, "SELECT COUNT(*) FROM station_service_records WHERE supersedes_id", ids);
}

Result<int64_t> VoidBatchRecords(storage::Connection& conn, int64_t batch_id,
                                 const std::vector<int64_t>& ids, std::optional<int64_t> by,
                                 int64_t at) {
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn,
      "SELECT region_code, MIN(period) FROM station_service_records WHERE batch_id = ? AND "
      "voided_at IS NULL GROUP BY region_code",
      {batch_id}, at));
  return storage::ExecWhereIn(conn,
                              "UPDATE station_service_records SET is_current = 0, voided_at = ?, "
                              "voided_by = ? WHERE batch_id = ? AND voided_at IS NULL AND id",
                              ids, "", {at, Opt(by), batch_id});
}

}  // namespace ruralec::station::store
