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

// ilmd as stored ("key=value" lines) and back.
std::string IlmdText(const std::vector<std::pair<std::string, std::string>>& ilmd);

}  // namespace ruralec::products::trace::store
