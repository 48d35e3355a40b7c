#include "logistics/parcels_store.h"

#include "core/date.h"
#include "storage/figure_changes.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::logistics::store {
namespace {

using storage::OrNull;

const storage::Columns kWaybill(
    "id, county_code, region_code, carrier, waybill_no, direction, state, state_at, "
    "state_node_id, event_count, first_at, last_at, phone_enc, phone_masked, created_at, "
    "updated_at");

Result<WaybillRow> WaybillFrom(const storage::Row& row) {
  storage::NamedRow r(row, kWaybill);
  WaybillRow w;
  w.id = r.Int("id");
  ASSIGN_OR_RETURN(w.county, RegionCode::Parse(r.Text("county_code")));
  ASSIGN_OR_RETURN(w.region, RegionCode::Parse(r.Text("region_code")));
  w.carrier = r.Text("carrier");
  w.waybill_no = r.Text("waybill_no");
  ASSIGN_OR_RETURN(w.direction, ParseDirection(r.Text("direction")));
  ASSIGN_OR_RETURN(w.state, ParseScanType(r.Text("state")));
  w.state_at = r.Int("state_at");
  w.state_node_id = r.OptInt("state_node_id");
  w.event_count = r.Int("event_count");
  w.first_at = r.Int("first_at");
  w.last_at = r.Int("last_at");
  w.has_phone = !r.IsNull("phone_enc");
  w.phone_masked = r.OptText("phone_masked");
  w.created_at = r.Int("created_at");
  w.updated_at = r.Int("updated_at");
  return w;
}

const storage::Columns kEvent(
    "id, carrier, waybill_no, scan_type, scanned_at, utc_offset_min, node_id, node_text, "
    "next_node_id, operator, direction, reason, raw_code, raw_text, source, batch_id, "
    "source_row");

Result<Event> EventFrom(const storage::Row& row) {
  storage::NamedRow r(row, kEvent);
  Event e;
  e.id = r.Int("id");
  e.carrier = r.Text("carrier");
  e.waybill_no = r.Text("waybill_no");
  ASSIGN_OR_RETURN(e.type, ParseScanType(r.Text("scan_type")));
  e.at = {r.Int("scanned_at"), static_cast<int>(r.Int("utc_offset_min"))};
  e.node_id = r.OptInt("node_id");
  e.node_text = r.Text("node_text");
  e.next_node_id = r.OptInt("next_node_id");
  e.operator_name = r.Text("operator");
  ASSIGN_OR_RETURN(e.direction, ParseDirection(r.Text("direction")));
  e.reason = r.Text("reason");
  e.raw_code = r.Text("raw_code");
  e.raw_text = r.Text("raw_text");
  ASSIGN_OR_RETURN(e.source, ParseSource(r.Text("source")));
  e.batch_id = r.OptInt("batch_id");
  e.source_row = r.OptInt("source_row");
  return e;
}

}  // namespace

Result<std::optional<WaybillRow>> FindWaybill(storage::Connection& conn, const RegionCode& county,
                                              const std::string& carrier,
                                              const std::string& number) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kWaybill.List() +
                                                    " FROM logistics_waybills WHERE county_code "
                                                    "= ? AND carrier = ? AND waybill_no = ?",
                                                {county.str(), carrier, number}));
  if (!row) return std::optional<WaybillRow>();
  ASSIGN_OR_RETURN(WaybillRow w, WaybillFrom(*row));
  return std::optional<WaybillRow>(std::move(w));
}

Result<WaybillRow> GetWaybill(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional(
                    "SELECT " + kWaybill.List() + " FROM logistics_waybills WHERE id = ?", {id}));
  if (!row) return Error::NotFound("运单不存在");
  return WaybillFrom(*row);
}

Result<int64_t> InsertWaybill(storage::Connection& conn, const WaybillRow& w) {
  ASSIGN_OR_RETURN(
      storage::Row r,
      conn.QueryOne(
          "INSERT INTO logistics_waybills (county_code, region_code, carrier, "
          "waybill_no, direction, state, state_at, state_node_id, event_count, "
          "first_at, last_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
          "0, ?, ?, ?, ?) RETURNING id",
          {w.county.str(), w.region.str(), w.carrier, w.waybill_no,
           std::string(DirectionName(w.direction)), std::string(ScanTypeName(w.state)), w.state_at,
           OrNull(w.state_node_id), w.first_at, w.last_at, w.created_at, w.created_at},
          "insert waybill"));
  return r.Int(0);
}

Status SetPhone(storage::Connection& conn, int64_t id, const Phone& p) {
  RETURN_IF_ERROR(
      conn.Exec("UPDATE logistics_waybills SET phone_enc = ?, phone_idx = ?, "
                "phone_masked = ?, phone4_tag = ? WHERE id = ? AND phone_enc IS NULL",
                {p.enc, p.idx, p.masked, p.tag, id}));
  return {};
}

Result<bool> InsertEvent(storage::Connection& conn, const RegionCode& county, int64_t waybill_id,
                         const Event& e, std::optional<int64_t> created_by, int64_t now_ms) {
  ASSIGN_OR_RETURN(
      int64_t n,
      conn.Exec("INSERT INTO logistics_scan_events (county_code, waybill_id, dedupe_key, "
                "scan_type, scanned_at, utc_offset_min, node_id, node_text, next_node_id, "
                "operator, direction, reason, raw_code, raw_text, source, batch_id, source_row, "
                "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?) ON CONFLICT (county_code, dedupe_key) DO NOTHING",
                {county.str(), waybill_id, e.DedupeKey(), std::string(ScanTypeName(e.type)),
                 e.at.utc_ms, int64_t{e.at.offset_min}, OrNull(e.node_id), e.node_text,
                 OrNull(e.next_node_id), e.operator_name, std::string(DirectionName(e.direction)),
                 e.reason, e.raw_code, e.raw_text, std::string(SourceName(e.source)),
                 OrNull(e.batch_id), OrNull(e.source_row), OrNull(created_by), now_ms}));
  if (n > 0)  // the county's express coverage and delivery frequency of the scan's month
    RETURN_IF_ERROR(
        storage::MarkFiguresChanged(conn, county, ShanghaiDate(e.at.utc_ms).ToString(), now_ms));
  return n > 0;
}

Result<std::vector<StateEvent>> StateEvents(storage::Connection& conn, int64_t waybill_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, scan_type, scanned_at, node_id FROM "
                                         "logistics_scan_events WHERE waybill_id = ?",
                                         {waybill_id}));
  std::vector<StateEvent> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(ScanType t, ParseScanType(r.Text(1)));
    out.push_back({r.Int(0), t, r.Int(2), r.OptInt(3)});
  }
  return out;
}

Status WriteState(storage::Connection& conn, int64_t id, const DerivedState& s,
                  const RegionCode& region, int64_t event_count, int64_t now_ms) {
  RETURN_IF_ERROR(conn.Exec(
      "UPDATE logistics_waybills SET region_code = ?, state = ?, state_at = ?, state_node_id = ?, "
      "event_count = ?, first_at = ?, last_at = ?, updated_at = ? WHERE id = ?",
      {region.str(), std::string(ScanTypeName(s.state)), s.state_at, OrNull(s.state_node_id),
       event_count, s.first_at, s.last_at, now_ms, id}));
  return {};
}

Result<std::vector<Event>> Timeline(storage::Connection& conn, int64_t waybill_id) {
  // the columns of kEvent, carrier and number from the waybill
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT e.id, w.carrier, w.waybill_no, e.scan_type, e.scanned_at, "
                 "e.utc_offset_min, e.node_id, e.node_text, e.next_node_id, e.operator, "
                 "e.direction, e.reason, e.raw_code, e.raw_text, e.source, e.batch_id, "
                 "e.source_row FROM logistics_scan_events e JOIN logistics_waybills w ON w.id = "
                 "e.waybill_id WHERE e.waybill_id = ? ORDER BY e.scanned_at, e.id",
                 {waybill_id}));
  std::vector<Event> out;
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(Event e, EventFrom(r));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<WaybillRow>> ByNumberAndTag(storage::Connection& conn, const std::string& number,
                                               const std::string& tag) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kWaybill.List() +
                                             " FROM logistics_waybills WHERE waybill_no = ? AND "
                                             "phone4_tag = ? ORDER BY id",
                                         {number, tag}));
  std::vector<WaybillRow> out;
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(WaybillRow w, WaybillFrom(r));
    out.push_back(std::move(w));
  }
  return out;
}

Result<Page<WaybillRow>> ListWaybills(storage::Connection& conn, const WaybillFilter& f,
                                      const PageRequest& page) {
  storage::Where w;
  w.InSubtree("region_code", f.region);
  w.EqIf("carrier", f.carrier);
  if (f.state) w.Eq("state", std::string(ScanTypeName(*f.state)));
  if (f.direction) w.Eq("direction", std::string(DirectionName(*f.direction)));
  if (!f.q.empty()) w.StartsWith("waybill_no", f.q);
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"last_at", "last_at"},
                                                        {"id", "id"},
                                                        {"waybill_no", "waybill_no"},
                                                        {"state_at", "state_at"}},
                                                       "id"));
  return storage::QueryPage<WaybillRow>(conn, kWaybill.List(), "FROM logistics_waybills", w, order,
                                        page, WaybillFrom);
}

}  // namespace ruralec::logistics::store
