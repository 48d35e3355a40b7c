// Coverage of a county month (issue 22 Measures: "county coverage for a month under 1 s"; on
// SQLite the county-sized case, 5M events a year ≈ 420,000 a month; docs/PERFORMANCE.md
// "Logistics"). A county of 25 towns × 16 administrative villages, a hub per town and a point
// per village, WAYBILLS waybills of November 2023 with 5 scans each (揽收 at the carrier's site,
// 到达 and 派送 at the town hub, 入柜 and 签收 at the village point; every seventh one uplink:
// 揽收 and 发往 at the point, 到达 and 发往 at the hub, 签收 outside), written straight into a
// fresh database; then logistics::ComputeCoverage of the county for November (what
// GET /logistics/coverage and the registry's indicators run) — median of 5 — and of one town.
//   logistics_coverage_bench TARGET [WAYBILLS=84000]   (a new SQLite file or a postgresql:// URL)
#include <cstdio>
#include <string>
#include <vector>

#include "common.h"
#include "logistics/coverage.h"
#include "region/region.h"
#include "storage/migrate.h"

using namespace ruralec;
using bench::Must;
using bench::MustOk;
using storage::Value;

namespace {

constexpr int kTowns = 25, kVillages = 16;
const std::string kCounty = "341302";
constexpr int64_t kNov1 = 1'698'768'000'000;  // 2023-11-01 00:00 Beijing

Status Done(const Result<int64_t>& r) { return r.ok() ? Status() : Status(r.error()); }

std::string Town(int t) { return kCounty + std::to_string(100 + t); }
std::string Village(int t, int v) { return Town(t) + std::to_string(201 + v); }

void Regions(storage::Connection& c) {
  std::vector<region::Division> d{{*RegionCode::Parse("34"), "安徽省"},
                                  {*RegionCode::Parse("3413"), "宿州市"},
                                  {*RegionCode::Parse(kCounty), "埇桥区"}};
  for (int t = 0; t < kTowns; ++t) {
    d.push_back({*RegionCode::Parse(Town(t)), "镇" + std::to_string(t)});
    for (int v = 0; v < kVillages; ++v)
      d.push_back({*RegionCode::Parse(Village(t, v)), "第" + std::to_string(v) + "村委会"});
  }
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite,
                                [&]() -> Status { return Done(region::UpsertDivisions(c, d)); }));
}

// Hubs get ids 1..25, points 26.. (a fresh database).
void Nodes(storage::Connection& c) {
  std::vector<std::vector<Value>> rows;
  auto node = [&](const std::string& region, const char* level, const std::string& code) {
    rows.push_back({kCounty + "000000", (*RegionCode::Parse(region)).str(), std::string(level),
                    code, code, std::string(",zto,yto,"), std::string("active"), int64_t{0},
                    int64_t{0}});
  };
  for (int t = 0; t < kTowns; ++t) node(Town(t), "town_hub", "H" + std::to_string(t));
  for (int t = 0; t < kTowns; ++t)
    for (int v = 0; v < kVillages; ++v)
      node(Village(t, v), "village_point", "P" + std::to_string(t * kVillages + v));
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    return Done(c.BulkInsert("logistics_nodes",
                             {"county_code", "region_code", "level", "code", "name", "carriers",
                              "status", "created_at", "updated_at"},
                             rows));
  }));
}

void Parcels(storage::Connection& c, int n) {
  std::vector<std::vector<Value>> waybills, events;
  const std::string county = kCounty + "000000";
  for (int i = 0; i < n; ++i) {
    const int point = i % (kTowns * kVillages), town = point / kVillages;
    const int64_t hub_id = 1 + town, point_id = 1 + kTowns + point;
    const bool up = i % 7 == 0;
    const int64_t t0 = kNov1 + static_cast<int64_t>(i) * 30 * 86'400'000LL / n;
    const std::string no = "75" + std::to_string(100'000'000 + i);
    waybills.push_back({county, county, std::string("zto"), no,
                        std::string(up ? "uplink" : "downlink"), std::string("signed"), t0,
                        int64_t{5}, t0, t0 + 30 * 3'600'000LL, int64_t{0}, int64_t{0}});
    struct Scan {
      const char* type;
      int64_t node, dt_h;
    };
    const Scan down[] = {{"accepted", 0, 0},
                         {"arrived", hub_id, 20},
                         {"out_for_delivery", hub_id, 22},
                         {"stored", point_id, 25},
                         {"signed", point_id, 30}};
    const Scan upl[] = {{"accepted", point_id, 0},
                        {"dispatched", point_id, 1},
                        {"arrived", hub_id, 4},
                        {"dispatched", hub_id, 6},
                        {"signed", 0, 48}};
    for (const Scan& s : up ? upl : down) {
      const int64_t at = t0 + s.dt_h * 3'600'000LL;
      events.push_back(
          {county, int64_t{i + 1}, no + "|" + s.type + "|" + std::to_string(at),
           std::string(s.type), at, int64_t{480}, s.node ? Value(s.node) : Value(storage::Null{}),
           std::string(s.node ? "" : "宿州转运中心"), std::string(up ? "uplink" : "downlink"),
           std::string("carrier_file"), int64_t{0}});
    }
  }
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(Done(
        c.BulkInsert("logistics_waybills",
                     {"county_code", "region_code", "carrier", "waybill_no", "direction", "state",
                      "state_at", "event_count", "first_at", "last_at", "created_at", "updated_at"},
                     waybills)));
    return Done(c.BulkInsert(
        "logistics_scan_events",
        {"county_code", "waybill_id", "dedupe_key", "scan_type", "scanned_at", "utc_offset_min",
         "node_id", "node_text", "direction", "source", "created_at"},
        events));
  }));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: logistics_coverage_bench TARGET [WAYBILLS]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 84'000;
  auto db = Must(storage::Open(argv[1], 2));
  Must(storage::Migrate(*db));
  auto conn = db->Acquire();
  auto t0 = std::chrono::steady_clock::now();
  Regions(*conn);
  Nodes(*conn);
  Parcels(*conn, n);
  std::printf("generated %d waybills, %d scan events in %.1f s\n", n, 5 * n, bench::Since(t0));
  const logistics::Period nov = Must(logistics::MonthPeriod("2023-11"));
  logistics::Coverage cov;
  double ms = bench::Median(
      [&] { cov = Must(logistics::ComputeCoverage(*conn, *RegionCode::Parse(kCounty), nov)); }, 5);
  const auto& f = cov.total;
  std::printf(
      "county coverage of November: %.1f ms median of 5 (%lld of %lld villages reached, %lld "
      "delivery days, %zu signed with a lead time, %lld uplink parcels)\n",
      ms, static_cast<long long>(f.reached), static_cast<long long>(f.villages),
      static_cast<long long>(f.delivery_days), f.lead_minutes.size(),
      static_cast<long long>(f.uplink_parcels));
  ms = bench::Median(
      [&] { cov = Must(logistics::ComputeCoverage(*conn, *RegionCode::Parse(Town(3)), nov)); }, 5);
  std::printf("one town's coverage of November: %.1f ms median of 5\n", ms);
  return 0;
}
