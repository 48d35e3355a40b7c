// Traceability benchmark (issue 23 Measures; docs/PERFORMANCE.md "Products"): EVENTS trace events
// in batches of PER_BATCH of one admitted product in one county, written by the bulk generator
// (trace_gen.h: the keyed chains, the EPCIS query store's copies, the verified marks), and one
// batch of 1,000 events recorded through the service. Then, through the calls the routes make:
//  - recording an event: trace::RecordEvent and the batch re-read the route answers with
//    (trace::GetBatchHead), median of the last 100 of the 1,000;
//  - the public page (trace::PublicTrace: the code's lookup, the product, certificates, the
//    first page of the timeline by time with each shown event's tag checked, the chain from its
//    mark, one scan counted in its own write), median of 51, for a generated batch and the
//    1,000-event one (target < 50 ms);
//  - the staff batch detail (trace::GetBatch: every row), median of 21, the 1,000-event batch;
//  - events of one EPC (epcis::Events, MATCH_epc = a batch's EPC class, perPage 100), p50/p99
//    over 500 batches picked at random (target p99 < 20 ms);
//  - capture of a 10,000-event EPCIS document (the JSON text parsed and epcis::Capture, one
//    transaction), then the same document again (every event repeated) (target < 2 s);
//  - `trace verify` of the 1,000-event batch (the full walk).
//   products_bench TARGET [EVENTS=10000000] [PER_BATCH=100]
// TARGET: a SQLite file (a file already generated is reused as it is: the measures run again) or
// a postgresql:// URL.
#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "common.h"
#include "crypto/crypto.h"
#include "entity/entity.h"
#include "products/epcis.h"
#include "products/products.h"
#include "products/public_trace.h"
#include "products/trace.h"
#include "region/region.h"
#include "storage/migrate.h"
#include "trace_gen.h"

using namespace ruralec;
using bench::Must;
using bench::MustOk;
namespace trace = ruralec::products::trace;
namespace epcis = ruralec::products::epcis;
namespace gen = ruralec::bench::products_gen;

namespace {

const char* kBigLot = "BIG-1000";

void Regions(storage::Connection& c) {
  std::vector<region::Division> d{{*RegionCode::Parse("34"), "安徽省"},
                                  {*RegionCode::Parse("3413"), "宿州市"},
                                  {*RegionCode::Parse("341302"), "埇桥区"},
                                  {*RegionCode::Parse("341302100"), "符离镇"},
                                  {*RegionCode::Parse("341302100201"), "符离村委会"}};
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    auto r = region::UpsertDivisions(c, d);
    return r.ok() ? Status() : Status(r.error());
  }));
}

trace::EventInput Event(int i, int64_t now_ms) {
  trace::EventInput in;
  in.step = gen::kSteps[i % 6];
  int64_t t = now_ms - 86'400'000LL * 200 + i * 600'000LL;  // ten minutes apart, in the past
  in.event_time = trace::FormatEventTime(t, "+08:00");
  if (in.step == "inspecting") {
    in.test_report = "JC-" + std::to_string(i);
    in.result = "pass";
  }
  if (in.step == "processing") {
    in.quantity = "500";
    in.uom = "KGM";
  }
  return in;
}

account::Principal Staff() {
  account::Principal staff;
  staff.region = *RegionCode::Parse("341302");
  staff.username = "bench";
  staff.permissions = {"products:read",          "products:edit",      "products:review",
                       "products:trace",         "entity:read",        "entity:edit",
                       "products:epcis:capture", "products:epcis:read"};
  return staff;
}

// The admitted product of the bench (made through the services), and its producer.
std::pair<int64_t, int64_t> Product(storage::Database& db, const audit::AuditLog& audit,
                                    const Clock& clock, const account::Principal& staff) {
  auto conn = db.Acquire();
  if (auto row = Must(conn->QueryOptional("SELECT id, entity_id FROM products ORDER BY id", {})))
    return {row->Int(0), row->Int(1)};
  Regions(*conn);
  crypto::FieldCipher cipher = crypto::FieldCipher::FromKey({});
  entity::NewEntity e;
  e.uscc = "91341302MA2NAP9013";
  e.name = "符离集食品有限公司";
  e.region = *RegionCode::Parse("341302100201");
  int64_t ent = Must(entity::Insert(*conn, cipher, staff, e, clock.NowMs()));
  products::Deps pd{db, audit, clock};
  products::ProductInput in;
  in.entity_id = ent;
  in.name = "符离集烧鸡";
  in.category = "农副加工品";
  in.gtin = "6901234567892";
  int64_t product = Must(products::Create(pd, staff, in)).product.id;
  for (auto [to, key] : {std::pair{products::Admission::kApplied, "a"},
                         std::pair{products::Admission::kAdmitted, "b"}}) {
    products::AdmissionCommand cmd;
    cmd.to = to;
    cmd.idempotency_key = key;
    if (to == products::Admission::kAdmitted)
      cmd.checklist = {"certification", "grade", "packaging", "business"};
    Must(products::Apply(pd, staff, product, cmd));
  }
  return {product, ent};
}

// Milliseconds of each call, sorted.
template <typename F>
std::vector<double> Times(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t = std::chrono::steady_clock::now();
    f(i);
    ms.push_back(bench::Since(t) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}
double Pct(const std::vector<double>& sorted, double p) {
  size_t i = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(i, sorted.size() - 1)];
}

// An EPCIS document of n ObjectEvents (random v4 eventIDs, one SGTIN each), as its JSON text.
std::string CaptureDocument(int n, std::mt19937_64& rng) {
  nlohmann::json list = nlohmann::json::array();
  const int64_t t0 = 1'764'547'200'000;  // 2025-12-01T00:00:00Z
  for (int i = 0; i < n; ++i) {
    char id[64];
    uint64_t a = rng(), b = rng();
    std::snprintf(id, sizeof id, "urn:uuid:%08llx-%04llx-4%03llx-%04llx-%012llx",
                  static_cast<unsigned long long>(a >> 32),
                  static_cast<unsigned long long>(a & 0xffff),
                  static_cast<unsigned long long>((a >> 16) & 0xfff),
                  static_cast<unsigned long long>(0x8000 | (b >> 50)),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    list.push_back(
        {{"type", "ObjectEvent"},
         {"eventTime", trace::FormatEventTime(t0 + i * 1000LL, "+08:00")},
         {"eventTimeZoneOffset", "+08:00"},
         {"eventID", id},
         {"epcList", {"urn:epc:id:sgtin:0614141.107346." + std::to_string(b % 100'000'000)}},
         {"action", "OBSERVE"},
         {"bizStep", "https://ref.gs1.org/cbv/BizStep-shipping"},
         {"disposition", "https://ref.gs1.org/cbv/Disp-in_transit"},
         {"readPoint", {{"id", "urn:ruralec:region:341302100201"}}},
         {"bizLocation", {{"id", "urn:ruralec:region:341302100201"}}}});
  }
  nlohmann::json doc = {
      {"@context", {"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"}},
      {"type", "EPCISDocument"},
      {"schemaVersion", "2.0"},
      {"creationDate", "2025-12-02T00:00:00Z"},
      {"epcisBody", {{"eventList", list}}}};
  return doc.dump();
}

void Sizes(const std::string& target) {
  if (target.rfind("postgresql://", 0) == 0) return;
  std::error_code ec;
  double gb = static_cast<double>(std::filesystem::file_size(target, ec)) / 1e9;
  std::printf("database file: %.2f GB\n", gb);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: products_bench TARGET [EVENTS=10000000] [PER_BATCH=100]\n");
    return 2;
  }
  const std::string target = argv[1];
  const int64_t events = argc > 2 ? std::atoll(argv[2]) : 10'000'000;
  const int64_t per_batch = argc > 3 ? std::atoll(argv[3]) : 100;
  MustOk(crypto::Init());
  auto db = Must(storage::Open(target, 2));
  Must(storage::Migrate(*db));
  SystemClock clock;
  crypto::RecordMac mac = crypto::RecordMac::FromKey({7});
  audit::AuditLog audit(clock, crypto::RecordMac::FromKey({}));
  const account::Principal staff = Staff();
  auto [product, entity_id] = Product(*db, audit, clock, staff);
  trace::Deps td{*db, audit, clock, mac};

  int64_t stored =
      Must(db->Acquire()->QueryOne("SELECT COUNT(*) FROM trace_events", {}, "count")).Int(0);
  if (stored == 0) {
    gen::Spec s;
    s.product_id = product;
    s.entity_id = entity_id;
    s.per_batch = per_batch;
    s.batches = events / per_batch;
    s.first_time_ms = clock.NowMs() - 2 * 365 * 86'400'000LL;  // five seconds apart: 1.6 years
    auto t0 = std::chrono::steady_clock::now();
    auto conn = db->Acquire();
    gen::Generate(*conn, mac, s);
    std::printf("generated %lld events in %lld batches of %lld in %.0f s\n",
                static_cast<long long>(s.batches * per_batch), static_cast<long long>(s.batches),
                static_cast<long long>(per_batch), bench::Since(t0));
  }
  Sizes(target);

  // The 1,000-event batch, recorded through the service (its mark moves with each event).
  int64_t big = 0;
  std::string big_code;
  {
    auto conn = db->Acquire();
    if (auto row = Must(conn->QueryOptional(
            "SELECT id, public_code FROM trace_batches WHERE lot = ?", {std::string(kBigLot)}))) {
      big = row->Int(0);
      big_code = row->Text(1);
    }
  }
  if (big == 0) {
    auto d = Must(trace::CreateBatch(td, staff, {product, kBigLot, "", "", {}}));
    big = d.batch.id;
    big_code = d.batch.public_code;
    auto ms = Times(1000, [&](int i) {
      Must(trace::RecordEvent(td, staff, big, Event(i, clock.NowMs())));
      Must(trace::GetBatchHead(td, staff, big));
    });
    std::printf(
        "recording an event (and the batch re-read the route answers with): %.2f ms "
        "median, p99 %.2f ms over 1,000 events\n",
        Pct(ms, 0.5), Pct(ms, 0.99));
  }
  int64_t batches =
      Must(db->Acquire()->QueryOne("SELECT COUNT(*) FROM trace_batches", {}, "n")).Int(0);
  stored = Must(db->Acquire()->QueryOne("SELECT MAX(id) FROM trace_events", {}, "n")).Int(0);
  std::printf("store: %lld batches, %lld trace events\n", static_cast<long long>(batches),
              static_cast<long long>(stored));

  // The public page: a generated batch from the middle, and the 1,000-event one.
  WindowCounter misses(clock, trace::kPublicMisses, trace::kPublicWindowMs);
  std::string mid_code =
      Must(db->Acquire()->QueryOne("SELECT public_code FROM trace_batches WHERE id = ?",
                                   {std::max<int64_t>(1, batches / 2)}, "batch"))
          .Text(0);
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"a generated batch", mid_code}, {"the 1,000-event batch", big_code}};
  for (const auto& [label, code] : pages) {
    trace::PublicView v;
    double ms =
        bench::Median([&] { v = Must(trace::PublicTrace(td, misses, "10.0.0.1", code)); }, 51);
    std::printf("public page, %s (%lld events, %zu shown): %.2f ms median (chain %s)\n",
                label.c_str(), static_cast<long long>(v.events_total), v.events.size(), ms,
                v.chain_ok ? "verifies" : "BROKEN");
  }
  {
    trace::BatchDetail d;
    double ms = bench::Median([&] { d = Must(trace::GetBatch(td, staff, big)); }, 21);
    std::printf(
        "staff batch detail, the 1,000-event batch (every row): %.2f ms median (chain "
        "%s)\n",
        ms, d.chain.ok ? "verifies" : "BROKEN");
  }

  // Events of one EPC: a random generated batch's EPC class.
  std::mt19937_64 rng(std::random_device{}());
  {
    std::vector<std::string> classes;
    for (int i = 0; i < 500; ++i)
      classes.push_back("https://id.gs1.org/01/06901234567892/10/" +
                        gen::Lot(1 + static_cast<int64_t>(rng() % (batches - 1))));
    size_t found = 0;
    auto ms = Times(500, [&](int i) {
      epcis::Query q;
      q.epcs = {classes[i]};
      q.per_page = 100;
      found += Must(epcis::Events(td, staff, q)).first.size();
    });
    std::printf(
        "events of one EPC (MATCH_epc, perPage 100; %.0f events each on average): p50 "
        "%.2f ms, p99 %.2f ms, max %.2f ms over 500 EPCs\n",
        static_cast<double>(found) / 500, Pct(ms, 0.5), Pct(ms, 0.99), ms.back());
  }

  // Capture of a 10,000-event document, then the same document again.
  std::string text = CaptureDocument(10'000, rng);
  for (const char* round : {"new events", "the same document again"}) {
    epcis::CaptureResult r;
    auto t = std::chrono::steady_clock::now();
    double cpu = bench::Cpu();
    r = Must(epcis::Capture(td, staff, nlohmann::json::parse(text)));
    std::printf(
        "capture of a 10,000-event document (%s): %.2f s (cpu %.2f s; %lld captured, "
        "%lld repeated; %.1f MB)\n",
        round, bench::Since(t), bench::Cpu() - cpu, static_cast<long long>(r.captured),
        static_cast<long long>(r.repeated), static_cast<double>(text.size()) / 1e6);
  }
  {
    auto t = std::chrono::steady_clock::now();
    auto conn = db->Acquire();
    auto rep = Must(trace::Verify(*conn, mac, big));
    std::printf("trace verify of the 1,000-event batch (full walk): %.1f ms (%s)\n",
                bench::Since(t) * 1000, rep.ok ? "ok" : rep.violation.c_str());
  }
  return 0;
}
