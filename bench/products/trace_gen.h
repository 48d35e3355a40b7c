// The bulk generator of bench/products: BATCHES batches of one admitted product, each with
// PER_BATCH trace events (the six steps in turn), written straight into the module's tables with
// storage BulkInsert — trace_batches (count and head), trace_events (the keyed chain, hashed as
// trace::Append does, so `ruralec trace verify` passes), their EPCIS query-store copies
// (epcis_events, epcis_event_epcs, as epcis::FromTrace writes them) and each batch's verified
// mark (trace_chain_marks) — in transactions of about 20,000 events.
//
// Keys are generated in index order so that every index grows at its end (a random key per row
// would make SQLite re-read a random leaf page per insert once an index outgrows its cache):
// eventIDs are random v4 UUIDs whose first 32 bits grow with the event's number (spread evenly
// over the whole key space, so a captured random UUID lands among them as it would among random
// ones), lots are zero-padded, and event times grow (batch after batch, five seconds apart).
// Bench code only.
#pragma once

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "common.h"
#include "products/epcis_io.h"
#include "products/trace.h"
#include "products/trace_store.h"
#include "storage/db.h"

namespace ruralec::bench::products_gen {

namespace trace = ruralec::products::trace;
using storage::Value;

struct Spec {
  std::string county = "341302000000", region = "341302100201", gtin = "06901234567892";
  int64_t product_id = 0, entity_id = 0;
  int64_t batches = 0, per_batch = 100;
  int64_t first_time_ms = 0;  // the first event's time (UTC ms)
};

inline const char* const kSteps[] = {"planting",   "processing", "packing",
                                     "inspecting", "shipping",   "selling"};

// A v4 UUID URN whose first 32 bits are event i's place among n (see above).
inline std::string OrderedUuid(int64_t i, int64_t n, std::mt19937_64& rng) {
  const uint64_t step = (uint64_t{1} << 32) / static_cast<uint64_t>(n);
  uint64_t hi = static_cast<uint64_t>(i) * step + (step > 1 ? rng() % step : 0);
  uint64_t a = rng(), b = rng();
  char buf[64];
  std::snprintf(buf, sizeof buf, "urn:uuid:%08llx-%04llx-4%03llx-%04llx-%012llx",
                static_cast<unsigned long long>(hi & 0xffffffffULL),
                static_cast<unsigned long long>(a & 0xffff),
                static_cast<unsigned long long>((a >> 16) & 0xfff),
                static_cast<unsigned long long>(0x8000 | ((a >> 28) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

inline std::string Lot(int64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "L%08lld", static_cast<long long>(n));
  return buf;
}

// Event `i` (0-based) of batch `b`, without its chain fields.
inline trace::Event MakeEvent(const Spec& s, const trace::Batch& b, int64_t i, int64_t time_ms,
                              std::string event_id) {
  const char* name = kSteps[i % 6];
  const trace::Step* step = trace::FindStep(name);
  trace::Event e;
  e.batch_id = b.id;
  e.county_code = s.county;
  e.event_id = std::move(event_id);
  e.step = step->name;
  e.event_type = step->event_type;
  e.action = step->action;
  e.biz_step = step->biz_step;
  e.disposition = step->disposition;
  e.read_point = e.biz_location = s.region;
  e.event_time = time_ms;
  e.time_zone_offset = "+08:00";
  if (e.step == "inspecting") {
    e.disposition = "conformant";
    e.test_report = "JC-" + std::to_string(b.id) + "-" + std::to_string(i);
  }
  if (e.step == "processing") {
    e.quantity = "500";
    e.input_quantity = "650";
    e.uom = "KGM";
  }
  if (step->ilmd) e.ilmd.emplace_back("cbvmda:lotNumber", b.lot);
  e.fingerprint = crypto::Sha256Hex(e.event_id + "|" + e.step + "|" + std::to_string(time_ms));
  e.actor_name = "bench";
  e.record_time = time_ms + 3'600'000;
  return e;
}

struct Rows {
  std::vector<std::vector<Value>> batches, events, copies, epcs, marks;
  void Clear() { *this = Rows(); }
};

inline void AddBatch(const Spec& s, const crypto::RecordMac& mac, trace::Batch& b,
                     int64_t first_event, int64_t total_events, int64_t& event_row,
                     int64_t& copy_row, std::mt19937_64& rng, Rows& out) {
  std::string prev;
  for (int64_t i = 0; i < s.per_batch; ++i) {
    int64_t n = first_event + i;
    trace::Event e =
        MakeEvent(s, b, i, s.first_time_ms + n * 5'000, OrderedUuid(n, total_events, rng));
    e.id = ++event_row;
    e.seq = i + 1;
    e.prev_hash = prev;
    e.hash = mac.Tag(trace::kTagContext, trace::TagInput(e, b));
    prev = e.hash;
    std::string ilmd = trace::store::IlmdText(e.ilmd);
    out.events.push_back(
        {e.id,          e.batch_id,       e.county_code,  e.seq,         e.event_id,
         e.kind,        e.step,           e.event_type,   e.action,      e.biz_step,
         e.disposition, e.read_point,     e.biz_location, e.event_time,  e.time_zone_offset,
         e.quantity,    e.input_quantity, e.uom,          ilmd,          e.test_report,
         e.note,        e.error_reason,   std::string(),  e.fingerprint, storage::Null{},
         e.actor_name,  e.record_time,    e.prev_hash,    e.hash});
    products::epcis::Stored c = products::epcis::FromTrace(e, b);
    ++copy_row;
    out.copies.push_back({copy_row, s.county, c.event_id, int64_t{0}, c.event_type, c.event_time,
                          c.record_time, c.biz_step, c.disposition, c.read_point, c.biz_location,
                          c.document, c.fingerprint, e.id, storage::Null{}});
    out.epcs.push_back({copy_row, s.county, c.epcs.at(0)});
  }
  b.event_count = s.per_batch;
  b.head_hash = prev;
  out.batches.push_back({b.id, s.county, s.region, s.product_id, s.entity_id, b.lot,
                         std::string("1000"), std::string("KGM"), storage::Null{}, b.public_code,
                         b.event_count, b.head_hash, storage::Null{}, s.first_time_ms});
  if (s.per_batch > 0)
    out.marks.push_back(
        {b.id, s.county, b.event_count, b.head_hash,
         mac.Tag(trace::kMarkContext, trace::MarkInput(b.id, b.event_count, b.head_hash)),
         s.first_time_ms});
}

inline Status Flush(storage::Connection& c, const Rows& r) {
  auto done = [](Result<int64_t> x) -> Status {
    if (!x.ok()) return x.take_error();
    return {};
  };
  return storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(done(c.BulkInsert(
        "trace_batches",
        {"id", "county_code", "region_code", "product_id", "entity_id", "lot", "quantity", "uom",
         "produced_on", "public_code", "event_count", "head_hash", "created_by", "created_at"},
        r.batches)));
    RETURN_IF_ERROR(done(c.BulkInsert("trace_events",
                                      {"id",
                                       "batch_id",
                                       "county_code",
                                       "seq",
                                       "event_id",
                                       "kind",
                                       "step",
                                       "event_type",
                                       "action",
                                       "biz_step",
                                       "disposition",
                                       "read_point",
                                       "biz_location",
                                       "event_time",
                                       "time_zone_offset",
                                       "quantity",
                                       "input_quantity",
                                       "uom",
                                       "ilmd",
                                       "test_report",
                                       "note",
                                       "error_reason",
                                       "corrective_ids",
                                       "fingerprint",
                                       "actor_id",
                                       "actor_name",
                                       "record_time",
                                       "prev_hash",
                                       "hash"},
                                      r.events)));
    RETURN_IF_ERROR(done(
        c.BulkInsert("epcis_events",
                     {"id", "county_code", "event_id", "declaration", "event_type", "event_time",
                      "record_time", "biz_step", "disposition", "read_point", "biz_location",
                      "document", "fingerprint", "trace_event_id", "captured_by"},
                     r.copies)));
    RETURN_IF_ERROR(
        done(c.BulkInsert("epcis_event_epcs", {"event_row", "county_code", "epc"}, r.epcs)));
    return done(c.BulkInsert("trace_chain_marks",
                             {"batch_id", "county_code", "seq", "hash", "tag", "marked_at"},
                             r.marks));
  });
}

// Writes the batches and events of `s` after the rows already in the tables; returns the ids of
// the batches written (first, last).
inline std::pair<int64_t, int64_t> Generate(storage::Connection& c, const crypto::RecordMac& mac,
                                            const Spec& s) {
  auto max_id = [&](const char* table) {
    return Must(c.QueryOne(std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table, {}, table))
        .Int(0);
  };
  int64_t batch_id = max_id("trace_batches"), event_row = max_id("trace_events"),
          copy_row = max_id("epcis_events");
  const int64_t first_batch = batch_id + 1, total = s.batches * s.per_batch;
  std::mt19937_64 rng(20261207);
  Rows rows;
  auto t0 = std::chrono::steady_clock::now();
  for (int64_t k = 0; k < s.batches; ++k) {
    trace::Batch b;
    b.id = ++batch_id;
    b.county_code = s.county;
    b.product_id = s.product_id;
    b.entity_id = s.entity_id;
    b.gtin = s.gtin;
    b.lot = Lot(b.id);
    b.public_code = crypto::RandomToken(12);
    AddBatch(s, mac, b, k * s.per_batch, total, event_row, copy_row, rng, rows);
    if (static_cast<int64_t>(rows.events.size()) >= 20'000 || k + 1 == s.batches) {
      MustOk(Flush(c, rows));
      rows.Clear();
      if ((k + 1) % 10'000 == 0 || k + 1 == s.batches)
        std::printf("  %lld events written, %.0f s\n",
                    static_cast<long long>((k + 1) * s.per_batch), Since(t0));
      std::fflush(stdout);
    }
  }
  if (c.Dialect() == "postgresql")  // explicit ids: move the identity sequences past them
    for (const char* t : {"trace_batches", "trace_events", "epcis_events"})
      Must(c.Query(std::string("SELECT setval(pg_get_serial_sequence('") + t +
                   "', 'id'), (SELECT MAX(id) FROM " + t + "))"));
  return {first_batch, batch_id};
}

}  // namespace ruralec::bench::products_gen
