// Traceability's SQL, on its own tables (trace_batches, trace_events). Writes run in the
// caller's transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "products/trace.h"
#include "storage/stamp.h"

namespace ruralec::products::trace::store {

Result<int64_t> InsertBatch(storage::Connection& conn, const Batch& b, storage::Stamp by);
Result<std::optional<Batch>> GetBatch(storage::Connection& conn, int64_t id);
// The batch of a public code (the public trace page).
Result<std::optional<Batch>> BatchByCode(storage::Connection& conn, const std::string& code);
Result<bool> LotTaken(storage::Connection& conn, int64_t product_id, const std::string& lot);
Result<Page<Batch>> ListBatches(storage::Connection& conn, const BatchFilter& f,
                                std::optional<int64_t> owner, const PageRequest& page);
// Every batch (or one), by id: what Verify walks.
Result<std::vector<Batch>> BatchesToVerify(storage::Connection& conn, std::optional<int64_t> id);
Status SetHead(storage::Connection& conn, int64_t batch_id, int64_t count, const std::string& hash);

Result<int64_t> InsertEvent(storage::Connection& conn, const Event& e);
// A batch's rows in chain order.
Result<std::vector<Event>> EventsOf(storage::Connection& conn, int64_t batch_id);
Result<std::optional<Event>> FindEvent(storage::Connection& conn, const std::string& event_id,
                                       const std::string& kind);
Result<std::optional<Event>> GetEvent(storage::Connection& conn, int64_t id);

// A batch's rows after `seq`, in chain order (the part of the chain past its mark).
Result<std::vector<Event>> EventsAfter(storage::Connection& conn, int64_t batch_id, int64_t seq);
// The batch's row at `seq`, if any.
Result<std::optional<Event>> EventAt(storage::Connection& conn, int64_t batch_id, int64_t seq);
// How many rows of the batch have a seq from 1 to `seq`.
Result<int64_t> CountUpTo(storage::Connection& conn, int64_t batch_id, int64_t seq);
// The batch's events (kind "event") by event time then seq: `limit` of them from `offset`.
Result<std::vector<Event>> EventsByTime(storage::Connection& conn, int64_t batch_id, int64_t offset,
                                        int64_t limit);
// The batch's error declarations, in chain order.
Result<std::vector<Event>> DeclarationsOf(storage::Connection& conn, int64_t batch_id);

// The verified mark of a batch's chain (trace_chain_marks, migration 0061).
struct Mark {
  int64_t seq = 0;
  std::string hash, tag;
};
Result<std::optional<Mark>> MarkOf(storage::Connection& conn, int64_t batch_id);
// Sets the batch's mark, unless it already stands at `m.seq` or further.
Status SetMark(storage::Connection& conn, const Batch& b, const Mark& m, int64_t now_ms);

// ilmd as stored ("key=value" lines) and back.
std::string IlmdText(const std::vector<std::pair<std::string, std::string>>& ilmd);

}  // namespace ruralec::products::trace::store
