// Station registry benchmark (issue 17 Measures; docs/PERFORMANCE.md "Stations"): a
// province-sized registry — 100 counties × 10 towns × 20 villages, 15,000 stations (a
// comprehensive station per town, 140 village points per county) with their status history,
// and 24 months × 10 service items of records (3,600,000 rows) — in a fresh database, then:
//   - the station list, one page of 20, filtered (county: operating stations offering parcel
//     service; province: operating village points, name contains 村), median of 21 runs;
//   - county coverage as of a date (village_station_coverage_rate), median of 21 runs;
//   - a 100,000-row service-record import (csv, 10,000 stations × 10 items of one new month)
//     through station::ImportRecords, rows/s.
//   station_bench TARGET [STATIONS_PER_COUNTY=150]   (TARGET: a new SQLite file or postgresql://
//   URL)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "common.h"
#include "crypto/crypto.h"
#include "imports/imports.h"
#include "province.h"
#include "region/region.h"
#include "station/indicators.h"
#include "station/records_import.h"
#include "station/station.h"
#include "storage/migrate.h"

using namespace ruralec;
using namespace ruralec::bench;
using storage::Null;
using storage::Value;

namespace {

const std::set<std::string> kPermissions = {"station:read", "station:edit", "station:record:edit",
                                            "station:record:import"};

constexpr int kMonths = 24, kItems = 10;
const char* const kItemNames[kItems] = {
    "purchase", "uplink",    "bill_payment", "parcel_in",    "parcel_out",
    "finance",  "ticketing", "group_buying", "mobile_topup", "information"};

std::string Period(int m) {  // m = 0 … : 2023-01 …
  char b[8];
  std::snprintf(b, sizeof b, "%04d-%02d", 2023 + m / 12, m % 12 + 1);
  return b;
}

struct Site {
  int64_t id;
  std::string region, name;
};

// Stations with their history, then 24 months × 10 items of records each.
std::vector<Site> Generate(storage::Connection& c, int per_county) {
  ProvinceRegions(c);
  std::vector<Site> sites;
  std::vector<std::vector<Value>> st, ch;
  int64_t id = 0, cid = 0;
  for (int k = 0; k < kCounties; ++k) {
    for (int i = 0; i < per_county; ++i) {
      bool town = i < kTowns;
      int t = town ? i : (i - kTowns) % kTowns, v = town ? 0 : (i - kTowns) / kTowns;
      std::string region = town ? Town(k, t) : Village(k, t, v % kVillages);
      std::string name = (town ? "综合服务站" : "服务点") + std::to_string(i);
      int roll = static_cast<int>(id % 20);
      const char* status = roll < 16 ? "operating" : roll < 18 ? "building" : "suspended";
      std::string services = id % 3 ? ",assisted_purchase,parcel_service," : ",bill_payment,";
      st.push_back({++id, County(k) + "000000", region + std::string(12 - region.size(), '0'),
                    std::string(town ? "town" : "village"), name, std::string(status),
                    std::string("2022-06-01"), services, int64_t{0}, int64_t{0}});
      sites.push_back({id, region + std::string(12 - region.size(), '0'), name});
      const char* path[] = {"planned", "building", "operating", "suspended"};
      int steps = roll < 16 ? 3 : roll < 18 ? 2 : 4;
      for (int s = 0; s < steps; ++s)
        ch.push_back({++cid, id, County(k) + "000000",
                      region + std::string(12 - region.size(), '0'),
                      s ? Value(std::string(path[s - 1])) : Value(Null{}), std::string(path[s]),
                      std::string(s < 3 ? "2022-0" + std::to_string(3 + s) + "-01" : "2022-06-01"),
                      int64_t{0}});
    }
  }
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(c.BulkInsert("stations",
                                 {"id", "county_code", "region_code", "level", "name", "status",
                                  "status_since", "services", "created_at", "updated_at"},
                                 st));
    return Done(c.BulkInsert("station_status_changes",
                             {"id", "station_id", "county_code", "region_code", "from_status",
                              "to_status", "changed_on", "recorded_at"},
                             ch));
  }));
  std::vector<std::vector<Value>> rows;
  for (int m = 0; m < kMonths; ++m) {
    rows.clear();
    for (const Site& s : sites) {
      for (int i = 0; i < kItems; ++i) {
        int64_t q = (s.id * 7 + m * 3 + i) % 200;
        rows.push_back({s.id, s.region.substr(0, 6) + "000000", s.region, Period(m),
                        std::string(kItemNames[i]), q, i == 3 || i == 4 || i == 9 ? 0 : q * 1234,
                        std::string("generated"), int64_t{1}, int64_t{0}});
      }
    }
    MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
      return Done(c.BulkInsert("station_service_records",
                               {"station_id", "county_code", "region_code", "period", "item",
                                "quantity", "amount_fen", "source", "is_current", "created_at"},
                               rows));
    }));
  }
  return sites;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: station_bench TARGET [STATIONS_PER_COUNTY]\n");
    return 2;
  }
  int per_county = argc > 2 ? std::atoi(argv[2]) : 150;
  MustOk(crypto::Init());
  auto db = Must(storage::Open(argv[1], 2));
  Must(storage::Migrate(*db));
  auto conn = db->Acquire();
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Site> sites = Generate(*conn, per_county);
  double gen = Since(t0);
  SystemClock clock;
  crypto::FieldCipher cipher = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit(clock, crypto::RecordMac::FromKey({}));
  station::Deps d{*db, audit, clock, cipher};
  account::Principal county = Staff(County(42), kPermissions), province = Staff("34", kPermissions);

  int64_t total = 0;
  double list_county = Median([&] {
    station::Filter f;
    f.status = station::StationStatus::kOperating;
    f.service = "parcel_service";
    total = Must(station::List(d, county, f, {1, 20})).total;
  });
  int64_t total_p = 0;
  double list_province = Median([&] {
    station::Filter f;
    f.status = station::StationStatus::kOperating;
    f.level = station::Level::kVillage;
    f.q = "服务点1";
    total_p = Must(station::List(d, province, f, {3, 20})).total;
  });
  auto sources = station::indicators::Sources();
  auto coverage = std::find_if(sources.begin(), sources.end(), [](const auto& s) {
    return s.indicator == "village_station_coverage_rate";
  });
  runtime::Measurement m;
  double cover = Median([&] {
    m = Must(coverage->fn(*conn, {"village_station_coverage_rate",
                                  *RegionCode::Parse(County(42)),
                                  CivilDate(2024, 1, 1),
                                  CivilDate(2024, 6, 30),
                                  {}}));
  });

  // 100,000 rows: the first 10,000 stations × 10 items of 2025-01.
  std::string csv = std::string(argv[1]).find("://") == std::string::npos
                        ? std::string(argv[1]) + ".records.csv"
                        : "/tmp/station_bench_records.csv";
  {
    std::ofstream out(csv);
    out << "区划代码,站点名称,月份,服务项目,数量,金额(元)\n";
    for (size_t i = 0; i < 10000 && i < sites.size(); ++i)
      for (int k = 0; k < kItems; ++k)
        out << sites[i].region << ',' << sites[i].name << ",2025-01," << kItemNames[k] << ','
            << (i + k) % 50 << ',' << (k == 3 || k == 4 || k == 9 ? "" : "12.34") << '\n';
  }
  imports::ImportContext ictx{*db, audit, clock, cipher};
  double c1 = Cpu();
  auto t1 = std::chrono::steady_clock::now();
  auto rep = Must(station::ImportRecords(ictx, province, csv, imports::Mode::kAllOrNothing));
  double imp = Since(t1), imp_cpu = Cpu() - c1;
  std::remove(csv.c_str());
  std::printf(
      "%s stations=%zu records=%lld generate_s=%.1f list_county_ms=%.2f (total %lld) "
      "list_province_ms=%.2f (total %lld) county_coverage_ms=%.2f (%lld/%lld) import_rows=%lld "
      "rejected=%lld import_s=%.2f import_cpu_s=%.2f rows_per_s=%.0f\n",
      std::string(db->Dialect()).c_str(), sites.size(),
      static_cast<long long>(sites.size()) * kMonths * kItems, gen, list_county,
      static_cast<long long>(total), list_province, static_cast<long long>(total_p), cover,
      static_cast<long long>(m.numerator.value_or(0)),
      static_cast<long long>(m.denominator.value_or(0)), static_cast<long long>(rep.rows_imported),
      static_cast<long long>(rep.rows_rejected), imp, imp_cpu, rep.rows_imported / imp);
  return rep.rows_rejected == 0 && rep.rows_imported == 100000 ? 0 : 1;
}
