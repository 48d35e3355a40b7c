// Pieces of the service-record rules (records.cc) the import (records_import.cc) shares.
// Internal to the station module.
#pragma once

#include <string>
#include <vector>

#include "station/records.h"
#include "station/records_store.h"

namespace ruralec::station::internal {

inline constexpr int64_t kMaxQuantity = 1'000'000'000;       // 10亿 per item and month
inline constexpr int64_t kMaxAmountFen = 1'000'000'000'000;  // 100亿元 per item and month

// quantity and amount within bounds; no amount for an item without one. Fields "quantity" /
// "amount", the message naming the item.
Status CheckFigure(const RecordItem& item, int64_t quantity, int64_t amount_fen);
// The item whose value or label is `v`; nullptr when none.
const RecordItem* FindItem(const std::vector<RecordItem>& items, const std::string& v);
// Whether `who` may write the records of station `s` (records.h "Who").
bool CanWrite(const account::Principal& who, const store::StationRef& s);
// The station if the caller may see it (station.h view), else "not found".
Result<Station> Seen(storage::Connection& conn, const account::Principal& who, int64_t id);

}  // namespace ruralec::station::internal
