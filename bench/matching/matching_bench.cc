// Matching benchmark (issue 19 Measures; docs/PERFORMANCE.md "Matching"): 100,000 open listings
// in one county (30 towns × 30 villages, a station point per village inside a ~60 km square,
// PRODUCTS products, periods spread over 2023) generated straight into a fresh database, one
// demand, then the first page of its proposals through the service (matching::Proposals: the
// candidates' index read, the ranking in C++, names of the page) — median of 21 runs; target
// < 100 ms. With PRODUCTS=1 every listing is a candidate (the worst case).
//   matching_bench TARGET [LISTINGS=100000] [PRODUCTS=20]   (TARGET: a new SQLite file or a
//   postgresql:// URL)
#include <cstdio>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "common.h"
#include "crypto/crypto.h"
#include "matching/matching.h"
#include "region/region.h"
#include "storage/migrate.h"

using namespace ruralec;
using bench::Must;
using bench::MustOk;
using storage::Null;
using storage::Value;

namespace {

constexpr int kTowns = 30, kVillages = 30;
const std::string kCounty = "341302";

std::string Village(int t, int v) {
  return kCounty + std::to_string(100 + t) + std::to_string(201 + v);
}

Status Done(const Result<int64_t>& r) { return r.ok() ? Status() : Status(r.error()); }

void Regions(storage::Connection& c) {
  std::vector<region::Division> d{{*RegionCode::Parse("34"), "安徽省"},
                                  {*RegionCode::Parse("3413"), "宿州市"},
                                  {*RegionCode::Parse(kCounty), "埇桥区"}};
  for (int t = 0; t < kTowns; ++t) {
    d.push_back({*RegionCode::Parse(kCounty + std::to_string(100 + t)), "镇"});
    for (int v = 0; v < kVillages; ++v)
      d.push_back({*RegionCode::Parse(Village(t, v)), "第" + std::to_string(v) + "村委会"});
  }
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite,
                                [&]() -> Status { return Done(region::UpsertDivisions(c, d)); }));
}

void Listings(storage::Connection& c, int n, int products) {
  std::vector<std::vector<Value>> rows;
  for (int i = 0; i < n; ++i) {
    int village = i % (kTowns * kVillages), t = village / kVillages, v = village % kVillages;
    int64_t lat = 33'400'000 + t * 18'000, lng = 116'700'000 + v * 20'000;  // ~2 km apart
    char from[11], to[11];
    std::snprintf(from, sizeof from, "2023-%02d-01", 1 + i % 12);
    std::snprintf(to, sizeof to, "2023-%02d-28", 1 + (i % 12 + 2) % 12);
    if (std::string(to) < from) std::snprintf(to, sizeof to, "2023-12-31");
    rows.push_back({kCounty + "000000", Village(t, v), int64_t{1 + village},
                    std::string("站点") + std::to_string(village), lat, lng, std::string("enc"),
                    std::string("李*"), std::string("enc"), std::string("138****8000"),
                    "产品" + std::to_string(i % products), int64_t{100 + i % 900},
                    std::string("斤"), int64_t{200 + i % 150}, std::string(from), std::string(to),
                    std::string("open"), int64_t{0}, int64_t{0}});
  }
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    return Done(
        c.BulkInsert("listings",
                     {"county_code", "region_code", "station_id", "station_name", "lat_e6",
                      "lng_e6", "seller_name_enc", "seller_name_masked", "contact_enc",
                      "contact_masked", "product", "quantity", "unit", "price_fen",
                      "available_from", "available_to", "status", "created_at", "updated_at"},
                     rows));
  }));
}

int64_t Demand(storage::Connection& c) {
  std::vector<std::vector<Value>> rows{
      {int64_t{1}, kCounty + "000000", kCounty + "000000", std::string("产品0"), int64_t{5000},
       std::string("斤"), int64_t{300}, std::string("2023-06-01"), std::string("2023-07-31"),
       int64_t{33'650'000}, int64_t{117'000'000}, std::string("open"), int64_t{0}, int64_t{0}}};
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    return Done(c.BulkInsert(
        "demands",
        {"entity_id", "county_code", "region_code", "product", "quantity", "unit", "price_max_fen",
         "wanted_from", "wanted_to", "lat_e6", "lng_e6", "status", "created_at", "updated_at"},
        rows));
  }));
  return c.QueryOne("SELECT MAX(id) FROM demands", {}, "demand")->Int(0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: matching_bench TARGET [LISTINGS] [PRODUCTS]\n");
    return 2;
  }
  int n = argc > 2 ? std::atoi(argv[2]) : 100'000;
  int products = argc > 3 ? std::atoi(argv[3]) : 20;
  MustOk(crypto::Init());
  auto db = Must(storage::Open(argv[1], 2));
  Must(storage::Migrate(*db));
  auto conn = db->Acquire();
  auto t0 = std::chrono::steady_clock::now();
  Regions(*conn);
  Listings(*conn, n, products);
  int64_t demand = Demand(*conn);
  std::printf("generated %d open listings of %d products in %.1f s\n", n, products,
              bench::Since(t0));

  SystemClock clock;
  crypto::FieldCipher cipher = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit(clock, crypto::RecordMac::FromKey({}));
  matching::Deps d{*db, audit, clock, cipher};
  account::Principal staff;
  staff.region = *RegionCode::Parse(kCounty);
  staff.permissions = {"demand:read", "listing:read"};
  Page<matching::ProposalView> p;
  double ms = bench::Median([&] { p = Must(matching::Proposals(d, staff, demand, {1, 20})); });
  std::printf(
      "proposals for one demand, first page of 20: %.1f ms median (%lld proposals, best "
      "score %d)\n",
      ms, static_cast<long long>(p.total), p.items.empty() ? 0 : p.items[0].proposal.score);
  return 0;
}
