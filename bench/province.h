// The province-sized region tree the module benchmarks generate their data in (stations,
// designations, training): 100 counties (34 + city 01..10 + county 01..10) × 10 towns × 20
// administrative villages, with the helpers that bulk-load rows into a fresh database.
#pragma once

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "account/account.h"
#include "common.h"
#include "region/region.h"
#include "runtime/module.h"
#include "storage/db.h"

namespace ruralec::bench {

constexpr int kCounties = 100, kTowns = 10, kVillages = 20;

inline std::string County(int c) {  // 34 + city 01..10 + county 01..10
  char b[16];
  std::snprintf(b, sizeof b, "34%02d%02d", c / 10 + 1, c % 10 + 1);
  return b;
}
inline std::string Town(int c, int t) { return County(c) + std::to_string(100 + t); }
inline std::string Village(int c, int t, int v) { return Town(c, t) + std::to_string(201 + v); }
// A code padded to the 12 digits stored in region_code columns.
inline std::string Pad(const std::string& code) {
  return code + std::string(12 - code.size(), '0');
}

template <typename T>
Status Done(Result<T> r) {
  if (!r.ok()) return r.take_error();
  return {};
}

// `rows` into `table` in one write transaction. Rows given explicit ids leave PostgreSQL's
// identity sequence behind them, so the next insert through the module would collide: the
// sequence is moved past the largest id (SQLite's AUTOINCREMENT follows by itself).
inline void Insert(storage::Connection& c, const char* table, const std::vector<std::string>& cols,
                   const std::vector<std::vector<storage::Value>>& rows) {
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(Done(c.BulkInsert(table, cols, rows)));
    if (c.Dialect() != "postgresql" || cols.empty() || cols[0] != "id") return {};
    const std::string t = table;
    return Done(c.Query("SELECT setval(pg_get_serial_sequence('" + t +
                        "', 'id'), (SELECT MAX(id) FROM " + t + "))"));
  }));
}

// 安徽省, its 10 cities, 100 counties, 1,000 towns and 20,000 villages (named 第N村委会, so
// they count as administrative villages).
inline void ProvinceRegions(storage::Connection& c) {
  std::vector<region::Division> d{{*RegionCode::Parse("34"), "安徽省"}};
  for (int k = 0; k < kCounties; ++k) {
    if (k % 10 == 0) d.push_back({*RegionCode::Parse(County(k).substr(0, 4)), "市"});
    d.push_back({*RegionCode::Parse(County(k)), "县" + std::to_string(k)});
    for (int t = 0; t < kTowns; ++t) {
      d.push_back({*RegionCode::Parse(Town(k, t)), "镇" + std::to_string(t)});
      for (int v = 0; v < kVillages; ++v)
        d.push_back({*RegionCode::Parse(Village(k, t, v)), "第" + std::to_string(v) + "村委会"});
    }
  }
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite,
                                [&]() -> Status { return Done(region::UpsertDivisions(c, d)); }));
}

// A county-staff principal of `region` holding `permissions` (the bench calls services as it).
inline account::Principal Staff(const std::string& region, std::set<std::string> permissions) {
  account::Principal p;
  p.id = UserId{0};
  p.username = "bench";
  p.region = *RegionCode::Parse(region);
  p.roles = {"county_staff"};
  p.permissions = std::move(permissions);
  return p;
}

// A module's indicator computation by id (from its `indicators::Sources()`); exits when absent.
inline runtime::ComputeFn IndicatorFn(const std::vector<runtime::IndicatorSource>& sources,
                                      const std::string& id) {
  for (const auto& s : sources)
    if (s.indicator == id) return s.fn;
  Die(Error::Internal(id + " is not registered"));
}

// One indicator of `region` over [from, to] with `params`.
inline runtime::Measurement Measure(storage::Connection& c, const runtime::ComputeFn& fn,
                                    const std::string& id, const std::string& region,
                                    CivilDate from, CivilDate to,
                                    std::map<std::string, std::string> params = {}) {
  return Must(fn(c, {id, *RegionCode::Parse(region), from, to, std::move(params)}));
}

}  // namespace ruralec::bench
