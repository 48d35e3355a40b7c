// SQL of the per-event service records (station_service_events, events.h). No rules here:
// callers (events.cc, events_import.cc) validated input and checked scope. Every function runs
// in the caller's connection and transaction.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "station/events.h"
#include "storage/db.h"

namespace ruralec::station::store {

struct NewEvent {
  int64_t station_id = 0;
  RegionCode region;
  std::string happened_on, item;
  int64_t quantity = 0, amount_fen = 0;
  std::vector<std::string> products;
  std::vector<int64_t> household_ids;
  std::string note, source;  // form | import
  std::optional<int64_t> batch_id, source_row, created_by;
  int64_t created_at = 0;
};

Result<int64_t> InsertEvent(storage::Connection& conn, const NewEvent& e);
// The columns BulkInsert writes and the row of `e` for them (the import writes in bulk).
const std::vector<std::string>& EventColumns();
std::vector<storage::Value> EventRow(const NewEvent& e);

Result<std::optional<ServiceEvent>> GetEvent(storage::Connection& conn, int64_t id);
Status MarkVoided(storage::Connection& conn, int64_t id, std::optional<int64_t> by, int64_t at,
                  const std::string& reason);

// Import undo (undo.h): the events batch `batch_id` wrote that are not voided; voiding `ids`
// of the batch with a reason (returns the rows voided); the distinct (station, region, period,
// item) keys of events `ids`, which the monthly records sum.
Result<std::vector<int64_t>> BatchEventIds(storage::Connection& conn, int64_t batch_id);
Result<int64_t> VoidBatchEvents(storage::Connection& conn, int64_t batch_id,
                                const std::vector<int64_t>& ids, std::optional<int64_t> by,
                                int64_t at, const std::string& reason);
struct EventKey {
  int64_t station_id = 0;
  std::string region, period, item;
  auto operator<=>(const EventKey&) const = default;
};
Result<std::set<EventKey>> KeysOfEvents(storage::Connection& conn, const std::vector<int64_t>& ids);

// The sum of the events of (station, period, item) that are not voided.
struct EventSum {
  int64_t quantity = 0, amount_fen = 0;
};
Result<EventSum> SumEvents(storage::Connection& conn, int64_t station_id, const std::string& period,
                           const std::string& item);

Result<Page<ServiceEvent>> ListEvents(storage::Connection& conn, int64_t station_id,
                                      const EventFilter& f, const PageRequest& page);

// The source rows the events of `batches` came from (an import's earlier batches of the file).
Result<std::set<int64_t>> ImportedRows(storage::Connection& conn,
                                       const std::vector<int64_t>& batches);

}  // namespace ruralec::station::store
