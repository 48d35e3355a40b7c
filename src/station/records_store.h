// SQL of the service records (station_service_records, records.h). No rules here: callers
// (records.cc, records_import.cc, indicators.cc) validated input and checked scope. Every
// function runs in the caller's connection and transaction.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "station/records.h"
#include "storage/db.h"

namespace ruralec::station::store {

struct NewRecord {
  int64_t station_id = 0;
  RegionCode region;
  std::string period, item;
  int64_t quantity = 0, amount_fen = 0;
  std::string source;  // form | import | generated
  std::optional<int64_t> batch_id, source_row, supersedes_id, created_by;
  std::string correction_reason;
  int64_t created_at = 0;
};

// The current records of one station and month, by item.
Result<std::map<std::string, ServiceRecord>> CurrentOfMonth(storage::Connection& conn,
                                                            int64_t station_id,
                                                            const std::string& period);
// Inserts `r` as the current record of its key, clearing `r.supersedes_id`'s is_current first.
Result<int64_t> PutRecord(storage::Connection& conn, const NewRecord& r);
// The columns BulkInsert writes and the row of `r` for them (the import writes in bulk).
const std::vector<std::string>& RecordColumns();

// Import undo (undo.h): the records batch `batch_id` wrote that are not voided; how many
// records supersede one of `ids` (corrections made since); voiding `ids` of the batch (no
// longer current, voided_at/voided_by set). Returns the rows voided.
Result<std::vector<int64_t>> BatchRecordIds(storage::Connection& conn, int64_t batch_id);
Result<int64_t> CountCorrectionsOf(storage::Connection& conn, const std::vector<int64_t>& ids);
Result<int64_t> VoidBatchRecords(storage::Connection& conn, int64_t batch_id,
                                 const std::vector<int64_t>& ids, std::optional<int64_t> by,
                                 int64_t at);
std::vector<storage::Value> RecordRow(const NewRecord& r);
Status ClearCurrent(storage::Connection& conn, const std::vector<int64_t>& ids);

Result<Page<ServiceRecord>> ListRecords(storage::Connection& conn, int64_t station_id,
                                        const RecordFilter& f, const PageRequest& page);

// The station registered under `name` in `region`: {id, region, 承办企业}; nullopt if none.
struct StationRef {
  int64_t id = 0;
  RegionCode region;
  std::optional<int64_t> operator_entity_id;
};
Result<std::optional<StationRef>> FindStation(storage::Connection& conn, const RegionCode& region,
                                              const std::string& name);

// Every station of the subtree (registry fields StationYear carries; items empty).
Result<std::vector<StationYear>> StationsIn(storage::Connection& conn, const RegionCode& scope);

// Sums of the current records of the subtree in [from, to] (periods), optionally one item.
struct Sums {
  int64_t quantity = 0, amount_fen = 0, records = 0;
};
Result<Sums> SumInSubtree(storage::Connection& conn, const RegionCode& scope,
                          const std::string& from, const std::string& to, const std::string& item);

// Calls `fn(station_id, item, quantity, amount_fen, record_id)` for every current record of the
// subtree in [from, to].
using RecordVisitor = std::function<void(int64_t, const std::string&, int64_t, int64_t, int64_t)>;
Status ScanCurrent(storage::Connection& conn, const RegionCode& scope, const std::string& from,
                   const std::string& to, const RecordVisitor& fn);

}  // namespace ruralec::station::store
