// Public trace page benchmark (issue 23 Measures; docs/PERFORMANCE.md "Products"): BATCHES
// batches of an admitted product in one county, one of them with EVENTS trace events (the seven
// steps in turn), then the public page of that batch through the service (trace::PublicTrace:
// the code's indexed lookup, the product and its names, certificates, the events by time, the
// chain verified, one scan counted in its own write) — median of 51 runs; target < 50 ms.
//   products_bench TARGET [EVENTS=100] [BATCHES=1000]   (TARGET: a new SQLite file or a
//   postgresql:// URL)
#include <cstdio>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "common.h"
#include "crypto/crypto.h"
#include "entity/entity.h"
#include "products/products.h"
#include "products/public_trace.h"
#include "products/trace.h"
#include "region/region.h"
#include "storage/migrate.h"

using namespace ruralec;
using bench::Must;
using bench::MustOk;
namespace trace = ruralec::products::trace;

namespace {

const char* kSteps[] = {"planting", "processing", "packing", "inspecting", "shipping", "selling"};

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
  in.step = kSteps[i % 6];
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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: products_bench TARGET [EVENTS] [BATCHES]\n");
    return 2;
  }
  int events = argc > 2 ? std::atoi(argv[2]) : 100;
  int batches = argc > 3 ? std::atoi(argv[3]) : 1000;
  MustOk(crypto::Init());
  auto db = Must(storage::Open(argv[1], 2));
  Must(storage::Migrate(*db));
  SystemClock clock;
  crypto::FieldCipher cipher = crypto::FieldCipher::FromKey({});
  crypto::RecordMac mac = crypto::RecordMac::FromKey({7});
  audit::AuditLog audit(clock, crypto::RecordMac::FromKey({}));
  account::Principal staff;
  staff.region = *RegionCode::Parse("341302");
  staff.username = "bench";
  staff.permissions = {"products:read",  "products:edit", "products:review",
                       "products:trace", "entity:read",   "entity:edit"};
  auto t0 = std::chrono::steady_clock::now();
  int64_t product = 0;
  {
    auto conn = db->Acquire();
    Regions(*conn);
    entity::NewEntity e;
    e.uscc = "91341302MA2NAP9013";
    e.name = "符离集食品有限公司";
    e.region = *RegionCode::Parse("341302100201");
    int64_t ent = Must(entity::Insert(*conn, cipher, staff, e, clock.NowMs()));
    products::Deps pd{*db, audit, clock};
    products::ProductInput in;
    in.entity_id = ent;
    in.name = "符离集烧鸡";
    in.category = "农副加工品";
    in.gtin = "6901234567892";
    product = Must(products::Create(pd, staff, in)).product.id;
    for (auto [to, key] : {std::pair{products::Admission::kApplied, "a"},
                           std::pair{products::Admission::kAdmitted, "b"}}) {
      products::AdmissionCommand cmd;
      cmd.to = to;
      cmd.idempotency_key = key;
      if (to == products::Admission::kAdmitted)
        cmd.checklist = {"certification", "grade", "packaging", "business"};
      Must(products::Apply(pd, staff, product, cmd));
    }
  }
  trace::Deps td{*db, audit, clock, mac};
  std::string code;
  int64_t measured = 0;
  for (int b = 0; b < batches; ++b) {
    auto d = Must(trace::CreateBatch(td, staff, {product, "L" + std::to_string(b), "", "", {}}));
    if (b == batches / 2) {
      code = d.batch.public_code;
      measured = d.batch.id;
    }
  }
  for (int i = 0; i < events; ++i)
    Must(trace::RecordEvent(td, staff, measured, Event(i, clock.NowMs())));
  std::printf("generated %d batches, %d events on one, in %.1f s\n", batches, events,
              bench::Since(t0));
  WindowCounter misses(clock, trace::kPublicMisses, trace::kPublicWindowMs);
  trace::PublicView v;
  double ms =
      bench::Median([&] { v = Must(trace::PublicTrace(td, misses, "10.0.0.1", code)); }, 51);
  std::printf(
      "public trace page of a batch with %d events: %.1f ms median (chain %s, %zu events)\n",
      events, ms, v.chain_ok ? "verifies" : "BROKEN", v.events.size());
  return 0;
}
