#include "products/trace_store.h"

#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::products::trace::store {
namespace {

Status ExecOk(Result<int64_t> r) {
  if (!r.ok()) return r.take_error();
  return {};
}

const storage::Columns kBatchCols(
    "id, county_code, region_code, product_id, entity_id, lot, quantity, uom, produced_on, "
    "public_code, event_count, head_hash, created_at");

Batch ToBatch(const storage::Row& row) {
  storage::NamedRow r(row, kBatchCols);
  Batch b;
  b.id = r.Int("id");
  b.county_code = r.Text("county_code");
  b.region = *RegionCode::Parse(r.Text("region_code"));
  b.product_id = r.Int("product_id");
  b.entity_id = r.Int("entity_id");
  b.lot = r.Text("lot");
  b.quantity = r.Text("quantity");
  b.uom = r.Text("uom");
  if (auto t = r.OptText("produced_on"); t && !t->empty()) {
    auto d = CivilDate::Parse(*t);
    if (d.ok()) b.produced_on = *d;
  }
  b.public_code = r.Text("public_code");
  b.event_count = r.Int("event_count");
  b.head_hash = r.Text("head_hash");
  b.created_at = r.Int("created_at");
  return b;
}

const storage::Columns kEventCols(
    "id, batch_id, county_code, seq, event_id, kind, step, event_type, action, biz_step, "
    "disposition, read_point, biz_location, event_time, time_zone_offset, quantity, "
    "input_quantity, uom, ilmd, test_report, note, error_reason, corrective_ids, fingerprint, "
    "actor_id, actor_name, record_time, prev_hash, hash");

std::vector<std::pair<std::string, std::string>> IlmdOf(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    size_t eq = line.find('=');
    if (eq != std::string::npos) out.emplace_back(line.substr(0, eq), line.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

Event ToEvent(const storage::Row& row) {
  storage::NamedRow r(row, kEventCols);
  Event e;
  e.id = r.Int("id");
  e.batch_id = r.Int("batch_id");
  e.county_code = r.Text("county_code");
  e.seq = r.Int("seq");
  e.event_id = r.Text("event_id");
  e.kind = r.Text("kind");
  e.step = r.Text("step");
  e.event_type = r.Text("event_type");
  e.action = r.Text("action");
  e.biz_step = r.Text("biz_step");
  e.disposition = r.Text("disposition");
  e.read_point = r.Text("read_point");
  e.biz_location = r.Text("biz_location");
  e.event_time = r.Int("event_time");
  e.time_zone_offset = r.Text("time_zone_offset");
  e.quantity = r.Text("quantity");
  e.input_quantity = r.Text("input_quantity");
  e.uom = r.Text("uom");
  e.ilmd = IlmdOf(r.Text("ilmd"));
  e.test_report = r.Text("test_report");
  e.note = r.Text("note");
  e.error_reason = r.Text("error_reason");
  e.corrective_ids = storage::SplitList(r.Text("corrective_ids"));
  e.fingerprint = r.Text("fingerprint");
  e.actor_id = r.OptInt("actor_id");
  e.actor_name = r.Text("actor_name");
  e.record_time = r.Int("record_time");
  e.prev_hash = r.Text("prev_hash");
  e.hash = r.Text("hash");
  return e;
}

std::vector<Event> Events(const std::vector<storage::Row>& rows) {
  std::vector<Event> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToEvent(r));
  return out;
}

}  // namespace

std::string IlmdText(const std::vector<std::pair<std::string, std::string>>& ilmd) {
  std::string out;
  for (const auto& [k, v] : ilmd) out += k + "=" + v + "\n";
  return out;
}

Result<int64_t> InsertBatch(storage::Connection& conn, const Batch& b, storage::Stamp by) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO trace_batches (county_code, region_code, product_id, entity_id, "
          "lot, quantity, uom, produced_on, public_code, created_by, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {b.county_code, b.region.str(), b.product_id, b.entity_id, b.lot, b.quantity, b.uom,
           b.produced_on ? storage::Value{b.produced_on->ToString()}
                         : storage::Value{storage::Null{}},
           b.public_code, storage::OrNull(by.by), by.now_ms},
          "insert batch"));
  return row.Int(0);
}

Result<std::optional<Batch>> GetBatch(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kBatchCols.List() + " FROM trace_batches WHERE id = ?", {id}));
  if (!row) return std::optional<Batch>();
  return std::optional<Batch>(ToBatch(*row));
}

Result<std::optional<Batch>> BatchByCode(storage::Connection& conn, const std::string& code) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kBatchCols.List() +
                                                    " FROM trace_batches WHERE public_code = ?",
                                                {code}));
  if (!row) return std::optional<Batch>();
  return std::optional<Batch>(ToBatch(*row));
}

Result<bool> LotTaken(storage::Connection& conn, int64_t product_id, const std::string& lot) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional("SELECT id FROM trace_batches WHERE product_id = ? AND lot = ?",
                                   {product_id, lot}));
  return row.has_value();
}

Result<Page<Batch>> ListBatches(storage::Connection& conn, const BatchFilter& f,
                                std::optional<int64_t> owner, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("region_code", f.region);
  w.EqIf("entity_id", owner);
  w.EqIf("product_id", f.product_id);
  w.ContainsIf({"lot"}, f.q);
  std::string order = " ORDER BY id DESC";
  if (page.sort == "id") order = page.descending ? " ORDER BY id DESC" : " ORDER BY id";
  if (page.sort == "lot") order = page.descending ? " ORDER BY lot DESC, id" : " ORDER BY lot, id";
  return storage::QueryPage<Batch>(conn, kBatchCols.List(), "FROM trace_batches", w, order, page,
                                   ToBatch);
}

Result<std::vector<Batch>> BatchesToVerify(storage::Connection& conn, std::optional<int64_t> id) {
  std::string sql = "SELECT " + kBatchCols.List() + " FROM trace_batches";
  storage::Params p;
  if (id) {
    sql += " WHERE id = ?";
    p.emplace_back(*id);
  }
  ASSIGN_OR_RETURN(auto rows, conn.Query(sql + " ORDER BY id", p));
  std::vector<Batch> out;
  for (const auto& r : rows) out.push_back(ToBatch(r));
  return out;
}

Status SetHead(storage::Connection& conn, int64_t batch_id, int64_t count,
               const std::string& hash) {
  return ExecOk(conn.Exec("UPDATE trace_batches SET event_count = ?, head_hash = ? WHERE id = ?",
                          {count, hash, batch_id}));
}

Result<int64_t> InsertEvent(storage::Connection& conn, const Event& e) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO trace_events (batch_id, county_code, seq, event_id, kind, step, "
          "event_type, action, biz_step, disposition, read_point, biz_location, event_time, "
          "time_zone_offset, quantity, input_quantity, uom, ilmd, test_report, note, "
          "error_reason, corrective_ids, fingerprint, actor_id, actor_name, record_time, "
          "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {e.batch_id,
           e.county_code,
           e.seq,
           e.event_id,
           e.kind,
           e.step,
           e.event_type,
           e.action,
           e.biz_step,
           e.disposition,
           e.read_point,
           e.biz_location,
           e.event_time,
           e.time_zone_offset,
           e.quantity,
           e.input_quantity,
           e.uom,
           IlmdText(e.ilmd),
           e.test_report,
           e.note,
           e.error_reason,
           e.corrective_ids.empty() ? std::string() : storage::JoinedList(e.corrective_ids),
           e.fingerprint,
           storage::OrNull(e.actor_id),
           e.actor_name,
           e.record_time,
           e.prev_hash,
           e.hash},
          "insert trace event"));
  return row.Int(0);
}

Result<std::vector<Event>> EventsOf(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kEventCols.List() +
                                             " FROM trace_events WHERE batch_id = ? ORDER BY seq",
                                         {batch_id}));
  return Events(rows);
}

Result<std::vector<Event>> EventsAfter(storage::Connection& conn, int64_t batch_id, int64_t seq) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kEventCols.List() +
                                             " FROM trace_events WHERE batch_id = ? AND seq > ? "
                                             "ORDER BY seq",
                                         {batch_id, seq}));
  return Events(rows);
}

Result<std::optional<Event>> EventAt(storage::Connection& conn, int64_t batch_id, int64_t seq) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kEventCols.List() +
                                                    " FROM trace_events WHERE batch_id = ? AND "
                                                    "seq = ?",
                                                {batch_id, seq}));
  if (!row) return std::optional<Event>();
  return std::optional<Event>(ToEvent(*row));
}

Result<int64_t> CountUpTo(storage::Connection& conn, int64_t batch_id, int64_t seq) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT COUNT(*) FROM trace_events WHERE batch_id = ? "
                                           "AND seq >= 1 AND seq <= ?",
                                           {batch_id, seq}, "count trace events"));
  return row.Int(0);
}

Result<std::vector<Event>> EventsByTime(storage::Connection& conn, int64_t batch_id, int64_t offset,
                                        int64_t limit) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kEventCols.List() +
                                             " FROM trace_events WHERE batch_id = ? AND kind = "
                                             "'event' ORDER BY event_time, seq LIMIT ? OFFSET ?",
                                         {batch_id, limit, offset}));
  return Events(rows);
}

Result<std::vector<Event>> DeclarationsOf(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kEventCols.List() +
                                             " FROM trace_events WHERE batch_id = ? AND kind = "
                                             "'error_declaration' ORDER BY seq",
                                         {batch_id}));
  return Events(rows);
}

Result<std::optional<Mark>> MarkOf(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional(
                    "SELECT seq, hash, tag FROM trace_chain_marks WHERE batch_id = ?", {batch_id}));
  if (!row) return std::optional<Mark>();
  return std::optional<Mark>(Mark{row->Int(0), row->Text(1), row->Text(2)});
}

Status SetMark(storage::Connection& conn, const Batch& b, const Mark& m, int64_t now_ms) {
  return ExecOk(conn.Exec(
      "INSERT INTO trace_chain_marks (batch_id, county_code, seq, hash, tag, marked_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (batch_id) DO UPDATE SET seq = excluded.seq, "
      "hash = excluded.hash, tag = excluded.tag, marked_at = excluded.marked_at "
      "WHERE trace_chain_marks.seq < excluded.seq",
      {b.id, b.county_code, m.seq, m.hash, m.tag, now_ms}));
}

Result<std::optional<Event>> FindEvent(storage::Connection& conn, const std::string& event_id,
                                       const std::string& kind) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kEventCols.List() +
                                                    " FROM trace_events WHERE event_id = ? AND "
                                                    "kind = ?",
                                                {event_id, kind}));
  if (!row) return std::optional<Event>();
  return std::optional<Event>(ToEvent(*row));
}

Result<std::optional<Event>> GetEvent(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kEventCols.List() + " FROM trace_events WHERE id = ?", {id}));
  if (!row) return std::optional<Event>();
  return std::optional<Event>(ToEvent(*row));
}

}  // namespace ruralec::products::trace::store
