// SQL of dashboard_summaries (the stored county figures, summary.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/db.h"

namespace ruralec::dashboard::store {

struct SummaryRow {
  std::string region, month, figure;
  bool ok = false;
  std::optional<int64_t> value, numerator, denominator, baseline;
  std::string source, reason;
  int64_t computed_at = 0;
};

// Upserts the rows (the caller holds a write transaction).
Status PutSummaries(storage::Connection& conn, const std::vector<SummaryRow>& rows);
// Rows of `months` for `regions` computed at or after `since`.
Result<std::vector<SummaryRow>> SummariesOf(storage::Connection& conn,
                                            const std::vector<std::string>& regions,
                                            const std::vector<std::string>& months, int64_t since);

// The figures stored for `region` by month, of `from_month` ("YYYY-MM") and later.
Result<std::map<std::string, std::vector<std::string>>> StoredKeys(storage::Connection& conn,
                                                                   const std::string& region,
                                                                   const std::string& from_month);

}  // namespace ruralec::dashboard::store
