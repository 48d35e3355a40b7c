// Station service records (站点服务记录): per station, month and service item a count and an
// amount in fen — 代买 orders and amount, 代卖 (uplink) sales, bill payments, parcels received
// and sent, financial services, … (dictionary `station_record_items`, counties extend it).
//
// Contract:
//  - A record is (station, period YYYY-MM, item) → quantity (≥ 0, the item's unit: 单/件/笔…)
//    and amount_fen (≥ 0; 0 for items that carry no amount, e.g. parcels). The period is not
//    after the current month (Asia/Shanghai) nor before 2000-01.
//  - At most one current record per key. Changing a figure writes a new record superseding the
//    old one (the old one stays as history, with the reason); writing the same figures again
//    changes nothing. Every save writes one audit entry "station.records" naming the changes.
//  - Who: reads follow the station's visibility (station.h: town/county staff their subtree,
//    auditors read, an operator only the stations whose operator account they are). Writes
//    need station:record:edit and, for staff, the station's region in scope; an operator
//    (station:read:own only) writes only their own stations. A station outside the caller's
//    view is "not found".
//  - The import (records_import.h) runs the same rules row by row.
//  - Read side for other modules: YearFigures (award's station subject) and the indicators
//    station_uplink_sales / station_service_count (indicators.cc), current records only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "station/station.h"

namespace ruralec::station {

// The item of the records whose amount is the station's uplink (代卖 / 农产品上行) sales.
inline constexpr char kUplinkItem[] = "uplink";

struct RecordItem {
  std::string value, label;
  std::string unit;        // of the quantity: 单, 件, 笔, 张, 人次, 次
  bool has_amount = true;  // false: amount_fen must be 0
  bool builtin = true;
};
const std::vector<RecordItem>& BuiltinRecordItems();
// The built-in items and the county's additions (unit 次, with an amount).
Result<std::vector<RecordItem>> RecordItems(storage::Connection& conn, const RegionCode& county);

struct RecordFigure {
  std::string item;
  int64_t quantity = 0;
  int64_t amount_fen = 0;
};

struct ServiceRecord {
  int64_t id = 0, station_id = 0;
  std::string period, item;
  int64_t quantity = 0, amount_fen = 0;
  std::string source;  // form | import | generated
  std::optional<int64_t> batch_id, source_row, supersedes_id, created_by;
  std::optional<int64_t> voided_at;  // its import was undone (undo.h): history only
  bool current = true;
  std::string correction_reason, created_by_name;
  int64_t created_at = 0;
};

// One month of a station: every item of its county with the current figures (nullopt: none).
struct MonthItem {
  RecordItem item;
  std::optional<ServiceRecord> record;
};
struct StationMonth {
  int64_t station_id = 0;
  std::string station_name, period;
  bool editable = false;  // the caller may save figures for this station
  std::vector<MonthItem> items;
};

// "2024-05": a month in 2000-01 … the current month. kInvalidArgument naming `field`.
Status CheckPeriod(const std::string& period, CivilDate today, const std::string& field = "period");

Result<StationMonth> Month(const Deps& d, const account::Principal& who, int64_t station_id,
                           const std::string& period);
// Saves a month's figures (items not listed are left as they are). `reason` is kept on the
// corrections. Returns the month as saved.
Result<StationMonth> SaveMonth(const Deps& d, const account::Principal& who, int64_t station_id,
                               const std::string& period, const std::vector<RecordFigure>& figures,
                               const std::string& reason);

struct RecordFilter {
  std::string from, to;  // periods, inclusive; "" = open
  std::string item;      // "" = every item
  bool history = false;  // include superseded records
};
// The records of one station, newest period first (then item, then newest record first).
Result<Page<ServiceRecord>> Records(const Deps& d, const account::Principal& who,
                                    int64_t station_id, const RecordFilter& f,
                                    const PageRequest& page);

// ---- read side for other modules (no permission check: the caller scoped `scope`) ----

// A station's current records of one calendar year, summed per item.
struct ItemYear {
  int64_t quantity = 0, amount_fen = 0;
  std::vector<int64_t> record_ids;  // the current records summed
};
struct StationYear {
  int64_t station_id = 0;
  std::string name;
  RegionCode region;
  Level level = Level::kVillage;
  StationStatus status = StationStatus::kPlanned;
  std::optional<int64_t> operator_entity_id;
  std::vector<std::string> services;      // the services the station offers (registry)
  std::map<std::string, ItemYear> items;  // item → the year's sums (only items with records)
};
// Every station registered in `scope` (its subtree), with its records of `year`.
Result<std::vector<StationYear>> YearFigures(storage::Connection& conn, const RegionCode& scope,
                                             int year);

}  // namespace ruralec::station
