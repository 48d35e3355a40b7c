// Per-event service records (单笔服务记录, issue 17 item 2): a station that records its services
// one by one writes an event per service — the day, the item, a quantity and an amount in fen,
// for 代买/代卖 the products and the households served where known.
//
// Contract (docs/STATIONS.md "Per-event records"):
//  - A month's figure of a (station, period, item) is its current monthly record (records.h),
//    always. When the station records that item per event, the server keeps that record equal
//    to the sum of the month's events that are not voided (source "events"): each event written
//    or voided writes a new current record superseding the old one. So the indicators and the
//    award data, which read only the monthly records, count every event exactly once.
//  - A key is "per event" once its current record has source "events". A monthly figure cannot
//    be entered for it (form: kConflict field "item"; import: the row is rejected unless it
//    equals the sum). An event for a key whose current record is a monthly figure other than
//    zero is refused (kConflict field "item"): the two would count the same services twice.
//  - An event: date (not in the future, 2000 or later; its month is the period), an item of the
//    station's county, quantity 0 … 10亿 and amount 0 … 100亿元 (none for items without an
//    amount), up to 20 product names (≤ 50 characters), up to 50 households given by id or by
//    the head's ID number (households::FindById / FindByIdNumber; the household must be
//    registered in the station's county), a note (≤ 200). A month's sum stays within the
//    monthly bounds.
//  - Events are never edited: voiding one (with a reason) takes it out of the sum and keeps it.
//  - Who: as for the monthly records (records.h "Who"): staff with station:record:edit in
//    scope, a station operator on their own station. Reads follow the station's visibility.
//  - Audit: "station.event" per event written, "station.event.void" per voided event, in the
//    transaction of the change, naming the new month figure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "station/records.h"

namespace ruralec::station {

inline constexpr size_t kMaxEventProducts = 20;
inline constexpr size_t kMaxEventHouseholds = 50;

struct EventInput {
  std::string happened_on;  // YYYY-MM-DD
  std::string item;         // value or label
  int64_t quantity = 0, amount_fen = 0;
  std::vector<std::string> products;
  std::vector<int64_t> household_ids;
  std::vector<std::string> household_id_numbers;  // looked up, never stored
  std::string note;
};

struct ServiceEvent {
  int64_t id = 0, station_id = 0;
  std::string happened_on, period, item;
  int64_t quantity = 0, amount_fen = 0;
  std::vector<std::string> products;
  std::vector<int64_t> household_ids;
  std::string note, source;  // form | import
  std::optional<int64_t> batch_id, source_row, created_by, voided_at;
  std::string void_reason, created_by_name;
  int64_t created_at = 0;
};

// The event as written and the month's figure of its item after it.
struct EventResult {
  ServiceEvent event;
  ServiceRecord month;
};

Result<EventResult> RecordEvent(const Deps& d, const account::Principal& who, int64_t station_id,
                                const EventInput& in);
Result<EventResult> VoidEvent(const Deps& d, const account::Principal& who, int64_t station_id,
                              int64_t event_id, const std::string& reason);

struct EventFilter {
  std::string period;   // YYYY-MM, "" = every month
  std::string item;     // "" = every item
  bool voided = false;  // include voided events
};
// The events of one station, newest day first (then newest event first).
Result<Page<ServiceEvent>> Events(const Deps& d, const account::Principal& who, int64_t station_id,
                                  const EventFilter& f, const PageRequest& page);

}  // namespace ruralec::station
