// Scans of the public trace page (trace_scans, migration 0044): the count per batch and day,
// and the reads of the statistics and the indicator. Writes run in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "products/trace.h"
#include "storage/db.h"

namespace ruralec::products::trace::store {

// One more scan of batch `b` on `day`.
Status CountScan(storage::Connection& conn, const Batch& b, CivilDate day);

struct DayScans {
  CivilDate day;
  int64_t scans = 0;
};
// A batch's scans per day in [from, to], by day.
Result<std::vector<DayScans>> ScansOf(storage::Connection& conn, int64_t batch_id, CivilDate from,
                                      CivilDate to);

struct BatchScans {
  int64_t batch_id = 0;
  int64_t scans = 0;
  std::optional<CivilDate> last_day;
};
// The scans of the batches of `region`'s subtree (of `owner`'s batches only, when given) in
// [from, to], most scanned first; batches without a scan in the range are left out.
Result<Page<BatchScans>> ScanTotals(storage::Connection& conn, const RegionCode& region,
                                    std::optional<int64_t> owner, CivilDate from, CivilDate to,
                                    const PageRequest& page);
// The sum over `region`'s subtree in [from, to] (the trace_page_scans indicator).
Result<int64_t> ScanSum(storage::Connection& conn, const RegionCode& region, CivilDate from,
                        CivilDate to);

}  // namespace ruralec::products::trace::store
