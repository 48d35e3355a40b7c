#include "sales/undo.h"

#include "storage/figure_changes.h"
#include "storage/in_list.h"

namespace ruralec::sales {

Result<std::vector<int64_t>> BatchRecordIds(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id FROM sales_records WHERE batch_id = ? AND "
                                         "voided_at IS NULL ORDER BY id",
                                         {batch_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<int64_t> VoidBatch(storage::Connection& conn, int64_t batch_id,
                          const std::vector<int64_t>& ids, storage::Stamp stamp) {
  ASSIGN_OR_RETURN(int64_t corrected,
                   storage::CountWhereIn(conn,
                                         "SELECT COUNT(*) FROM sales_records WHERE "
                                         "supersedes_id",
                                         ids));
  if (corrected > 0)
    return Error::Conflict("本批有 " + std::to_string(corrected) +
                           " 行网络销售额已被更正，不能撤销；请在台账中处理更正记录");
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(conn,
                                                "SELECT county_code, MIN(period) FROM "
                                                "sales_records WHERE batch_id = ? AND voided_at "
                                                "IS NULL GROUP BY county_code",
                                                {batch_id}, stamp.now_ms));
  return storage::ExecWhereIn(conn,
                              "UPDATE sales_records SET is_current = 0, voided_at = ? WHERE "
                              "batch_id = ? AND voided_at IS NULL AND id",
                              ids, "", {stamp.now_ms, batch_id});
}

}  // namespace ruralec::sales
