// The reporting module's only SQL (table indicator_reports; migration 0027; evidence files through
// the attachments module). Plain reads and writes; the rules are in service.cc and rules.cc.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "reporting/reporting.h"

namespace ruralec::reporting::store {

// What makes reports versions of one another.
struct Key {
  std::string indicator, params, region, period;
};
Key KeyOf(const Report& r);

Result<Report> Get(storage::Connection& conn, int64_t id);
// The key's versions, newest first.
Result<std::vector<Report>> Versions(storage::Connection& conn, const Key& key);
// Inserts a new version (r.version set by the caller); returns its id.
Result<int64_t> Insert(storage::Connection& conn, const Report& r);
// Replaces a pending report's value, note and reporter.
Status Replace(storage::Connection& conn, const Report& r);
// Sets a pending report's decision; kConflict when it is no longer pending.
Status Decide(storage::Connection& conn, const Report& r);
// Marks the key's confirmed versions other than `keep` superseded.
Status Supersede(storage::Connection& conn, const Key& key, int64_t keep);

Result<Page<Report>> List(storage::Connection& conn, const Filter& f, const PageRequest& page);
// Confirmed reports of the indicator and params for exactly these regions.
Result<std::vector<Report>> Confirmed(storage::Connection& conn, const std::string& indicator,
                                      const std::string& params,
                                      const std::vector<std::string>& regions);

Result<int64_t> AddFile(storage::Connection& conn, const Report& r, const File& f,
                        const std::string& bytes, std::optional<int64_t> by);
Result<std::vector<File>> Files(storage::Connection& conn, int64_t report_id);
Result<std::pair<File, std::string>> ReadFile(storage::Connection& conn, int64_t report_id,
                                              int64_t file_id);

}  // namespace ruralec::reporting::store
