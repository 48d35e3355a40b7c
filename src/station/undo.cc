#include "station/undo.h"

#include "station/events_internal.h"
#include "station/events_store.h"
#include "station/records_store.h"

namespace ruralec::station {

Result<std::vector<int64_t>> RecordBatchIds(storage::Connection& conn, int64_t batch_id) {
  return store::BatchRecordIds(conn, batch_id);
}

Result<int64_t> UndoRecordBatch(storage::Connection& conn, int64_t batch_id,
                                const std::vector<int64_t>& ids, storage::Stamp stamp) {
  ASSIGN_OR_RETURN(int64_t corrected, store::CountCorrectionsOf(conn, ids));
  if (corrected > 0)
    return Error::Conflict("本批有 " + std::to_string(corrected) +
                           " 条站点服务记录已被更正，不能撤销；请在站点服务记录中处理更正记录");
  return store::VoidBatchRecords(conn, batch_id, ids, stamp.by, stamp.now_ms);
}

Result<std::vector<int64_t>> EventBatchIds(storage::Connection& conn, int64_t batch_id) {
  return store::BatchEventIds(conn, batch_id);
}

Result<int64_t> UndoEventBatch(storage::Connection& conn, int64_t batch_id,
                               const std::vector<int64_t>& ids, storage::Stamp stamp) {
  std::string reason = "撤销导入批次 " + std::to_string(batch_id);
  ASSIGN_OR_RETURN(auto keys, store::KeysOfEvents(conn, ids));
  ASSIGN_OR_RETURN(int64_t n,
                   store::VoidBatchEvents(conn, batch_id, ids, stamp.by, stamp.now_ms, reason));
  for (const auto& k : keys) {
    ASSIGN_OR_RETURN(RegionCode region, RegionCode::Parse(k.region));
    auto month = internal::SyncMonth(conn, {k.station_id, region, k.period, k.item}, stamp.by,
                                     stamp.now_ms, reason);
    if (!month.ok()) return month.take_error();
  }
  return n;
}

Result<std::vector<int64_t>> RecordsCountingEvents(storage::Connection& conn,
                                                   const std::vector<int64_t>& event_ids) {
  ASSIGN_OR_RETURN(auto keys, store::KeysOfEvents(conn, event_ids));
  std::vector<int64_t> out;
  for (const auto& k : keys) {
    ASSIGN_OR_RETURN(auto current, store::CurrentOfMonth(conn, k.station_id, k.period));
    if (auto it = current.find(k.item); it != current.end()) out.push_back(it->second.id);
  }
  return out;
}

}  // namespace ruralec::station
