// Households benchmark (issue 19 Measures; docs/PERFORMANCE.md "Households"): a province-sized
// register — 100 counties × 10 towns × 20 villages, 500,000 households (25 a village; 60%
// willing and able) and 2,000,000 purchases (2023, from households), 5% of households with an
// employment and 2% with a shop — generated straight into a fresh database, then:
//   - willing_poor_household_coverage_rate for one county and the year 2023 through the
//     indicator source (median of 21 runs; target < 200 ms);
//   - the uncovered list of that county, first page of 20 (median of 21 runs).
// Match proposals among 100,000 listings (the issue's second measure): bench/matching/.
//   households_bench TARGET [HOUSEHOLDS_PER_VILLAGE=25]   (TARGET: a new SQLite file or a
//   postgresql:// URL)
#include <cstdio>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "common.h"
#include "crypto/crypto.h"
#include "households/help.h"
#include "households/indicators.h"
#include "region/region.h"
#include "storage/migrate.h"

using namespace ruralec;
using bench::Must;
using bench::MustOk;
using storage::Null;
using storage::Value;

namespace {

constexpr int kCounties = 100, kTowns = 10, kVillages = 20, kPurchasesPerHousehold = 4;

std::string County(int c) {
  char b[8];
  std::snprintf(b, sizeof b, "34%02d%02d", c / 10 + 1, c % 10 + 1);
  return b;
}
std::string Village(int c, int t, int v) {
  return County(c) + std::to_string(100 + t) + std::to_string(201 + v);
}

Status Done(const Result<int64_t>& r) { return r.ok() ? Status() : Status(r.error()); }

void Regions(storage::Connection& c) {
  std::vector<region::Division> d{{*RegionCode::Parse("34"), "安徽省"}};
  for (int k = 0; k < kCounties; ++k) {
    if (k % 10 == 0) d.push_back({*RegionCode::Parse(County(k).substr(0, 4)), "市"});
    d.push_back({*RegionCode::Parse(County(k)), "县" + std::to_string(k)});
    for (int t = 0; t < kTowns; ++t) {
      d.push_back({*RegionCode::Parse(County(k) + std::to_string(100 + t)), "镇"});
      for (int v = 0; v < kVillages; ++v)
        d.push_back({*RegionCode::Parse(Village(k, t, v)), "第" + std::to_string(v) + "村委会"});
    }
  }
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite,
                                [&]() -> Status { return Done(region::UpsertDivisions(c, d)); }));
}

void Flush(storage::Connection& c, const char* table, const std::vector<std::string>& cols,
           std::vector<std::vector<Value>>& rows) {
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite,
                                [&]() -> Status { return Done(c.BulkInsert(table, cols, rows)); }));
  rows.clear();
}

// One county's households (ids from `id`), their purchases, employments and shops.
void GenerateCounty(storage::Connection& c, int k, int per_village, int64_t& id, int64_t& pid) {
  std::vector<std::vector<Value>> hs, ps, es, ss;
  for (int t = 0; t < kTowns; ++t) {
    for (int v = 0; v < kVillages; ++v) {
      std::string village = Village(k, t, v);
      for (int i = 0; i < per_village; ++i) {
        bool wa = (++id % 5) < 3;
        hs.push_back({id, County(k) + "000000", village, std::string("enc"), std::string("户*"),
                      std::string("enc"), "bidx" + std::to_string(id), std::string("masked"),
                      int64_t{3}, std::string("registered"), int64_t{wa}, std::string("2022-03-01"),
                      int64_t{wa}, std::string("2022-03-01"), std::string(",酥梨,"),
                      std::string("generated"), int64_t{0}, int64_t{0}});
        for (int p = 0; p < kPurchasesPerHousehold && id % 7 != 0; ++p) {
          static const char* const kDays[] = {"2023-03-15", "2023-06-15", "2023-09-15",
                                              "2023-12-15"};
          ps.push_back({++pid, id % 1000 + 1, County(k) + "000000", village,
                        std::string("household"), id, County(k) + "000000", village,
                        std::string("酥梨"), int64_t{10}, std::string("斤"), int64_t{5000 + p},
                        std::string(kDays[p]), std::string("receipt"), "R" + std::to_string(pid),
                        "k" + std::to_string(pid), std::string("generated"), int64_t{1},
                        int64_t{0}});
        }
        if (id % 20 == 1)
          es.push_back({id, County(k) + "000000", village, id % 1000 + 1, std::string("enc"),
                        std::string("员*"), std::string("2022-01-01"), int64_t{0}});
        if (id % 50 == 3)
          ss.push_back({id, County(k) + "000000", village, std::string("淘宝"), std::string("店"),
                        std::string("2021-05-01"), int64_t{0}});
      }
    }
  }
  Flush(c, "households",
        {"id", "county_code", "region_code", "head_name_enc", "head_name_masked", "id_enc",
         "id_bidx", "id_masked", "members", "status", "willing", "willing_on", "able", "able_on",
         "products", "source", "created_at", "updated_at"},
        hs);
  Flush(c, "purchases",
        {"id", "entity_id", "buyer_county_code", "buyer_region_code", "seller_kind", "household_id",
         "county_code", "region_code", "product", "quantity", "unit", "amount_fen", "purchased_on",
         "evidence_kind", "evidence_no", "natural_key", "source", "is_current", "created_at"},
        ps);
  Flush(c, "household_employments",
        {"household_id", "county_code", "region_code", "entity_id", "member_name_enc",
         "member_name_masked", "since", "created_at"},
        es);
  Flush(c, "household_shops",
        {"household_id", "county_code", "region_code", "platform", "shop_name", "opened_on",
         "created_at"},
        ss);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: households_bench TARGET [HOUSEHOLDS_PER_VILLAGE]\n");
    return 2;
  }
  int per_village = argc > 2 ? std::atoi(argv[2]) : 25;
  MustOk(crypto::Init());
  auto db = Must(storage::Open(argv[1], 2));
  Must(storage::Migrate(*db));
  auto conn = db->Acquire();
  auto t0 = std::chrono::steady_clock::now();
  Regions(*conn);
  int64_t id = 0, pid = 0;
  for (int k = 0; k < kCounties; ++k) GenerateCounty(*conn, k, per_village, id, pid);
  std::printf("generated %lld households, %lld purchases in %.1f s\n", static_cast<long long>(id),
              static_cast<long long>(pid), bench::Since(t0));

  RegionCode county = *RegionCode::Parse(County(42));
  runtime::IndicatorQuery q{"willing_poor_household_coverage_rate",
                            county,
                            *CivilDate::Parse("2023-01-01"),
                            *CivilDate::Parse("2023-12-31"),
                            {}};
  auto source = households::indicators::Sources().at(0);
  runtime::Measurement m;
  double cov = bench::Median([&] { m = Must(source.fn(*conn, q)); });
  std::printf("coverage county-year: %.1f ms median (%lld / %lld households)\n", cov,
              static_cast<long long>(m.numerator.value_or(0)),
              static_cast<long long>(m.denominator.value_or(0)));

  SystemClock clock;
  crypto::FieldCipher cipher = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit(clock, crypto::RecordMac::FromKey({}));
  households::Deps d{*db, audit, clock, cipher};
  account::Principal staff;
  staff.region = county;
  staff.permissions = {"household:read"};
  int64_t uncovered = 0;
  double list = bench::Median(
      [&] { uncovered = Must(households::Uncovered(d, staff, county, q.from, q.to, {})).total; });
  std::printf("uncovered list, first page: %.1f ms median (%lld uncovered)\n", list,
              static_cast<long long>(uncovered));
  return 0;
}
