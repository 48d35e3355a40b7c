// Monitoring screen benchmark (issue 25 item 3; docs/PERFORMANCE.md "Dashboard"): a province —
// 100 counties × 10 towns × 20 villages (bench/province.h), 30,000 entities with 24 months of
// online sales (720,000 ledger rows), 15,000 stations with their status history and 12 months ×
// 3 service items of records (540,000 rows) — in a fresh database opened with every module of
// the binary (app::Open, as `ruralec serve`), then for the province, one city and one county:
//   - the screen load: GET /dashboard/{region} (every panel) + …/ranking, as the screen makes
//     them (BuildScreen + BuildRanking), median and slowest of RUNS;
//   - each panel alone (BuildScreen with one panel; the ranking), median and slowest of RUNS
//     (the slowest of 25 stands for p99 at this sample size).
// With STORED=1 the county figures are first stored by the refresh job (`dashboard refresh
// --region 34`: every figure this month, the trend figures 12 months; timed), so the city and
// province screens roll up stored rows (docs/DASHBOARD.md "Precomputation and staleness").
//   dashboard_bench TARGET [RUNS=25] [STORED=0]   (TARGET: a new SQLite file or postgresql:// URL)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "common.h"
#include "dashboard/catalogue.h"
#include "dashboard/screen.h"
#include "dashboard/summary.h"
#include "province.h"

using namespace ruralec;
using namespace ruralec::bench;
using storage::Null;
using storage::Value;

namespace {

constexpr int kEntitiesPerCounty = 300, kStationsPerCounty = 150, kMonths = 24;

std::string Month(int m) {  // 0 → 2024-01
  char b[8];
  std::snprintf(b, sizeof b, "%04d-%02d", 2024 + m / 12, m % 12 + 1);
  return b;
}

void Entities(storage::Connection& c) {
  std::vector<std::vector<Value>> ents;
  int64_t id = 0;
  for (int k = 0; k < kCounties; ++k)
    for (int i = 0; i < kEntitiesPerCounty; ++i) {
      char uscc[19];
      std::snprintf(uscc, sizeof uscc, "9134%014lld", static_cast<long long>(++id));
      ents.push_back({id, Pad(County(k)), Pad(Town(k, i % kTowns)), std::string(uscc),
                      "企业" + std::to_string(id), std::string("enterprise"), int64_t{0},
                      int64_t{0}});
    }
  Insert(c, "entities",
         {"id", "county_code", "region_code", "uscc", "name", "kind", "created_at", "updated_at"},
         ents);
  int64_t row = 0;
  for (int m = 0; m < kMonths; ++m) {
    std::vector<std::vector<Value>> sales;
    for (int64_t e = 1; e <= id; ++e) {
      const int k = static_cast<int>((e - 1) / kEntitiesPerCounty);
      const int64_t fen = (e % 100 == 0) ? (e % 300 + 90) * 100000 : (e % 997) * 3000 + m * 100;
      sales.push_back({++row, Pad(County(k)), Pad(Town(k, static_cast<int>(e % kTowns))), e,
                       Value(Null{}), Month(m), std::string("淘宝"),
                       std::string(e % 4 ? "uplink" : "downlink"), fen, Value(Null{}),
                       std::string("import"), std::to_string(row), int64_t{1}, int64_t{0}});
    }
    Insert(c, "sales_records",
           {"id", "county_code", "region_code", "entity_id", "brand_id", "period", "platform",
            "direction", "amount_fen", "export_usd_cents", "source", "natural_key", "is_current",
            "created_at"},
           sales);
  }
}

void Stations(storage::Connection& c) {
  std::vector<std::vector<Value>> st, ch, rec;
  int64_t id = 0;
  for (int k = 0; k < kCounties; ++k)
    for (int i = 0; i < kStationsPerCounty; ++i) {
      const bool town = i < kTowns;
      const int t = i % kTowns, v = (i / kTowns) % kVillages;
      const std::string region = Pad(town ? Town(k, t) : Village(k, t, v));
      ++id;
      st.push_back({id, Pad(County(k)), region, std::string(town ? "town" : "village"),
                    "站点" + std::to_string(id), std::string("operating"),
                    std::string("2023-06-01"), std::string(",parcel_service,"), int64_t{0},
                    int64_t{0}});
      ch.push_back({id, id, Pad(County(k)), region, Value(Null{}), std::string("operating"),
                    std::string("2023-06-01"), int64_t{0}});
      for (int m = 12; m < kMonths; ++m)
        for (const char* item : {"uplink", "parcel_in", "purchase"})
          rec.push_back({id, Pad(County(k)), region, Month(m), std::string(item),
                         int64_t{(id * 7 + m) % 200}, int64_t{(id * 13 + m) % 200 * 1234},
                         std::string("generated"), int64_t{1}, int64_t{0}});
    }
  Insert(c, "stations",
         {"id", "county_code", "region_code", "level", "name", "status", "status_since", "services",
          "created_at", "updated_at"},
         st);
  Insert(c, "station_status_changes",
         {"id", "station_id", "county_code", "region_code", "from_status", "to_status",
          "changed_on", "recorded_at"},
         ch);
  Insert(c, "station_service_records",
         {"station_id", "county_code", "region_code", "period", "item", "quantity", "amount_fen",
          "source", "is_current", "created_at"},
         rec);
}

struct Timing {
  double median = 0, slowest = 0;
};

template <typename F>
Timing Time(F&& f, int runs) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t = std::chrono::steady_clock::now();
    f();
    ms.push_back(Since(t) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.back()};
}

void Report(const char* what, const std::string& region, const Timing& t) {
  std::printf("%-28s %-14s median %8.1f ms   slowest %8.1f ms\n", what, region.c_str(), t.median,
              t.slowest);
}

void Bench(const dashboard::Deps& d, const std::string& code, int runs) {
  const RegionCode region = *RegionCode::Parse(code);
  const account::Principal who =
      Staff(code, {"dashboard:read", "funds:read", "programme:read", "station:read"});
  const dashboard::Period month{2025, 11};
  Report("screen (all + ranking)", code,
         Time(
             [&] {
               Must(dashboard::BuildScreen(d, who, region, month, {}));
               Must(dashboard::BuildRanking(d, who, region, month, "sales_ytd"));
             },
             runs));
  std::vector<std::string> panels;
  for (const auto& p : dashboard::Panels()) panels.push_back(p.key);
  for (const char* extra : {"funds", "programme", "trends"}) panels.push_back(extra);
  for (const auto& p : panels)
    Report(("  panel " + p).c_str(), code,
           Time([&] { Must(dashboard::BuildScreen(d, who, region, month, {p})); }, runs));
  Report("  ranking", code,
         Time([&] { Must(dashboard::BuildRanking(d, who, region, month, "sales_ytd")); }, runs));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dashboard_bench TARGET [RUNS=25] [STORED=0]\n");
    return 2;
  }
  const int runs = argc > 2 ? std::atoi(argv[2]) : 25;
  FakeClock clock(1'764'000'000'000);  // 2025-11-24
  auto ctx = Must(app::Open(
      {argv[1],
       std::string(argv[1]).rfind("postgresql:", 0) == 0 ? "/tmp/dashboard_bench.key" : ""},
      clock));
  auto t0 = std::chrono::steady_clock::now();
  {
    auto c = ctx->db().Acquire();
    ProvinceRegions(*c);
    Entities(*c);
    Stations(*c);
  }
  std::printf(
      "generated in %.1f s: %d counties, %d villages, %d entities × %d months, %d stations\n",
      Since(t0), kCounties, kCounties * kTowns * kVillages, kCounties * kEntitiesPerCounty, kMonths,
      kCounties * kStationsPerCounty);
  if (argc > 3 && std::atoi(argv[3]) == 1) {
    auto t1 = std::chrono::steady_clock::now();
    auto c = ctx->db().Acquire();
    auto rep = Must(dashboard::RefreshSummaries(*c, ctx->indicators(), *RegionCode::Parse("34"),
                                                {2025, 11}, 1, 12, clock.NowMs()));
    std::printf("refresh (dashboard refresh --region 34): %.1f s, %lld counties, %lld figures\n",
                Since(t1), static_cast<long long>(rep.counties), static_cast<long long>(rep.rows));
    std::fflush(stdout);
  }
  dashboard::Deps d{ctx->db(),
                    ctx->indicators(),
                    ctx->clock(),
                    {ctx->db(), ctx->audit(), ctx->clock(), ctx->record_mac()}};
  for (const char* region : {"340101", "3401", "34"}) Bench(d, region, runs);
  return 0;
}
