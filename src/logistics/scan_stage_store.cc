#include "logistics/scan_stage_store.h"

#include <algorithm>

#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::logistics::store {
namespace {

using storage::OrNull;
using storage::Value;

constexpr const char* kStage = "logistics_scan_stage";
constexpr const char* kStates = "logistics_state_stage";
constexpr size_t kBulkRows = 5000;
constexpr size_t kInList = 500;  // ids per IN list

const std::vector<std::string> kStageColumns = {
    "source_row",     "carrier",  "waybill_no", "dedupe_key",   "scan_type", "scanned_at",
    "utc_offset_min", "node_id",  "node_text",  "next_node_id", "operator",  "direction",
    "reason",         "raw_code", "raw_text",   "source"};

bool IsText(const std::string& col) {
  return col != "source_row" && col != "scanned_at" && col != "utc_offset_min" &&
         col != "node_id" && col != "next_node_id";
}

// "DROP …; CREATE TEMP TABLE name (key PRIMARY KEY, …)": the key is the rowid on SQLite.
std::string TempTable(storage::Connection& conn, const char* name,
                      const std::vector<std::string>& cols, bool (*text)(const std::string&)) {
  bool sqlite = conn.Dialect() == "sqlite";
  std::string ddl = std::string("DROP TABLE IF EXISTS ") + name + "; CREATE TEMP TABLE " + name +
                    " (" + cols[0] + (sqlite ? " INTEGER PRIMARY KEY" : " BIGINT PRIMARY KEY");
  for (size_t i = 1; i < cols.size(); ++i)
    ddl += ", " + cols[i] + (text(cols[i]) ? " TEXT" : " BIGINT");
  return ddl + ")";
}

std::vector<Value> StageRow(const StagedScan& s) {
  const Event& e = s.event;
  return {e.source_row.value_or(0),
          e.carrier,
          e.waybill_no,
          s.dedupe_key,
          std::string(ScanTypeName(e.type)),
          e.at.utc_ms,
          int64_t{e.at.offset_min},
          OrNull(e.node_id),
          e.node_text,
          OrNull(e.next_node_id),
          e.operator_name,
          std::string(DirectionName(e.direction)),
          e.reason,
          e.raw_code,
          e.raw_text,
          std::string(SourceName(e.source))};
}

Value PhoneField(const std::optional<Phone>& p, std::string Phone::*field) {
  return p ? Value{(*p).*field} : Value{storage::Null{}};
}

}  // namespace

Status CreateScanStage(storage::Connection& conn) {
  return conn.ExecScript(TempTable(conn, kStage, kStageColumns, IsText));
}

Status AppendScanStage(storage::Connection& conn, const std::vector<StagedScan>& rows) {
  std::vector<std::vector<Value>> values;
  values.reserve(rows.size());
  for (const auto& s : rows) values.push_back(StageRow(s));
  RETURN_IF_ERROR(conn.BulkInsert(kStage, kStageColumns, values));
  return {};
}

void DropScanStage(storage::Connection& conn) {
  (void)conn.ExecScript(std::string("DROP TABLE IF EXISTS ") + kStage + "; DROP TABLE IF EXISTS " +
                        kStates);
}

Result<StoredEvents> EventsOfWaybill(storage::Connection& conn, int64_t waybill_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT dedupe_key, id, scan_type, scanned_at, node_id "
                                         "FROM logistics_scan_events WHERE waybill_id = ?",
                                         {waybill_id}));
  StoredEvents out;
  for (const auto& r : rows) {
    out.keys.push_back(r.Text(0));
    ASSIGN_OR_RETURN(ScanType t, ParseScanType(r.Text(2)));
    out.events.push_back({r.Int(1), t, r.Int(3), r.OptInt(4)});
  }
  return out;
}

Result<std::vector<StoredWaybill>> StoredWaybillsNow(storage::Connection& conn,
                                                     const std::vector<int64_t>& ids) {
  std::vector<StoredWaybill> out;
  for (size_t from = 0; from < ids.size(); from += kInList) {
    size_t to = std::min(ids.size(), from + kInList);
    std::string in = "?";
    for (size_t i = from + 1; i < to; ++i) in += ", ?";
    storage::Params params(ids.begin() + from, ids.begin() + to);
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, region_code, event_count FROM "
                                           "logistics_waybills WHERE id IN (" +
                                               in + ")",
                                           params));
    for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2)});
  }
  return out;
}

Status InsertNewWaybills(storage::Connection& conn, const RegionCode& county,
                         const std::vector<NewWaybill>& rows, int64_t now_ms) {
  static const std::vector<std::string> cols = {
      "county_code", "region_code",   "carrier",     "waybill_no", "direction", "state",
      "state_at",    "state_node_id", "event_count", "first_at",   "last_at",   "phone_enc",
      "phone_idx",   "phone_masked",  "phone4_tag",  "created_at", "updated_at"};
  std::vector<std::vector<Value>> values;
  for (size_t i = 0; i < rows.size(); ++i) {
    const NewWaybill& w = rows[i];
    values.push_back(
        {county.str(), w.region.str(), w.carrier, w.waybill_no,
         std::string(DirectionName(w.direction)), std::string(ScanTypeName(w.state.state)),
         w.state.state_at, OrNull(w.state.state_node_id), w.event_count, w.state.first_at,
         w.state.last_at, PhoneField(w.phone, &Phone::enc), PhoneField(w.phone, &Phone::idx),
         PhoneField(w.phone, &Phone::masked), PhoneField(w.phone, &Phone::tag), now_ms, now_ms});
    if (values.size() == kBulkRows || i + 1 == rows.size()) {
      RETURN_IF_ERROR(conn.BulkInsert("logistics_waybills", cols, values));
      values.clear();
    }
  }
  return {};
}

Result<int64_t> PublishStagedEvents(storage::Connection& conn, const RegionCode& county,
                                    int64_t batch, std::optional<int64_t> created_by,
                                    int64_t now_ms) {
  return conn.Exec(
      std::string(
          "INSERT INTO logistics_scan_events (county_code, waybill_id, dedupe_key, scan_type, "
          "scanned_at, utc_offset_min, node_id, node_text, next_node_id, operator, direction, "
          "reason, raw_code, raw_text, source, batch_id, source_row, created_by, created_at) "
          "SELECT CAST(? AS TEXT), w.id, s.dedupe_key, s.scan_type, s.scanned_at, "
          "s.utc_offset_min, s.node_id, s.node_text, s.next_node_id, s.operator, s.direction, "
          "s.reason, s.raw_code, s.raw_text, s.source, CAST(? AS BIGINT), s.source_row, "
          "CAST(? AS BIGINT), CAST(? AS BIGINT) FROM ") +
          kStage +
          " s JOIN logistics_waybills w ON w.county_code = ? AND w.carrier = s.carrier AND "
          "w.waybill_no = s.waybill_no ORDER BY s.source_row",
      {county.str(), batch, OrNull(created_by), now_ms, county.str()});
}

Status WriteStates(storage::Connection& conn, const std::vector<WaybillState>& states,
                   int64_t now_ms) {
  if (states.empty()) return {};
  static const std::vector<std::string> cols = {"id",       "region_code",   "state",
                                                "state_at", "state_node_id", "event_count",
                                                "first_at", "last_at"};
  RETURN_IF_ERROR(conn.ExecScript(TempTable(conn, kStates, cols, [](const std::string& c) {
    return c == "region_code" || c == "state";
  })));
  std::vector<std::vector<Value>> rows;
  for (size_t i = 0; i < states.size(); ++i) {
    const WaybillState& w = states[i];
    rows.push_back({w.id, w.region.str(), std::string(ScanTypeName(w.state.state)),
                    w.state.state_at, OrNull(w.state.state_node_id), w.event_count,
                    w.state.first_at, w.state.last_at});
    if (rows.size() == kBulkRows || i + 1 == states.size()) {
      RETURN_IF_ERROR(conn.BulkInsert(kStates, cols, rows));
      rows.clear();
    }
  }
  RETURN_IF_ERROR(conn.Exec(
      std::string("UPDATE logistics_waybills SET region_code = s.region_code, state = s.state, "
                  "state_at = s.state_at, state_node_id = s.state_node_id, event_count = "
                  "s.event_count, first_at = s.first_at, last_at = s.last_at, updated_at = ? "
                  "FROM ") +
          kStates + " s WHERE logistics_waybills.id = s.id",
      {now_ms}));
  return conn.ExecScript(std::string("DROP TABLE ") + kStates);
}

}  // namespace ruralec::logistics::store
