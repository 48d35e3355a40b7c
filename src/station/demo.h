// Generated demonstration data of the station module for `ruralec demo` (issue 17 item 9):
// stations in a realistic share of a county's administrative villages plus one comprehensive
// station per town, and a year of monthly service records, all labelled as generated
// (addresses and status reasons say 演示数据（生成）, agreement numbers start DEMO-, records
// carry source = generated). Deterministic for a given county and date. Meant for a fresh
// database (`ruralec demo` refuses one that has users).
#pragma once

#include <string>

#include "station/station.h"

namespace ruralec::station {

struct DemoOptions {
  RegionCode county;
  // The village whose station the demo's station_operator account runs (it is then operating
  // and its id is returned); empty: none.
  RegionCode operator_village;
  // 承办企业 of the village stations of that village's town (the demo's operator company).
  std::optional<int64_t> operator_entity_id;
  int village_share_percent = 65;  // of the administrative villages get a village point
};

struct DemoSummary {
  int64_t stations = 0, operating = 0, records = 0;
  std::optional<int64_t> operator_station;  // the station of operator_village
};

// Writes the stations and records in one transaction.
Result<DemoSummary> GenerateDemo(const Deps& d, const DemoOptions& o);

}  // namespace ruralec::station
