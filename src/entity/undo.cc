#include "entity/undo.h"

#include "storage/figure_changes.h"
#include "storage/in_list.h"

namespace ruralec::entity {
namespace {

// The entity's own dependants: a refusal naming the first one found.
Status CheckOwn(storage::Connection& conn, const std::vector<int64_t>& ids) {
  struct Own {
    const char* head;
    const char* reason;
  };
  const Own checks[] = {
      {"SELECT COUNT(*) FROM entities WHERE updated_at > created_at AND id",
       "个主体导入后又被修改过"},
      {"SELECT COUNT(*) FROM brands WHERE entity_id", "个品牌登记在本批主体名下"},
      {"SELECT COUNT(*) FROM entity_shops s WHERE s.created_at > (SELECT e.created_at FROM "
       "entities e WHERE e.id = s.entity_id) AND s.entity_id",
       "个网店是导入后添加的"},
  };
  for (const Own& c : checks) {
    ASSIGN_OR_RETURN(int64_t n, storage::CountWhereIn(conn, c.head, ids));
    if (n > 0)
      return Error::Conflict("本批有 " + std::to_string(n) + " " + c.reason + "，不能撤销");
  }
  return {};
}

}  // namespace

Result<std::vector<int64_t>> BatchEntityIds(storage::Connection& conn, int64_t batch_id) {
  ASSIGN_OR_RETURN(
      auto rows, conn.Query("SELECT id FROM entities WHERE batch_id = ? ORDER BY id", {batch_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<int64_t> RemoveBatch(storage::Connection& conn, int64_t batch_id,
                            const std::vector<int64_t>& ids, storage::Stamp stamp) {
  RETURN_IF_ERROR(CheckOwn(conn, ids));
  // The batch's entities leave `new_entities` of their registration months (figure_changes.h).
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn,
      "SELECT region_code, MIN(registered_on) FROM entities WHERE batch_id = ? GROUP BY "
      "region_code",
      {batch_id}, stamp.now_ms));
  RETURN_IF_ERROR(storage::ExecWhereIn(conn, "DELETE FROM entity_shops WHERE entity_id", ids));
  return storage::ExecWhereIn(conn, "DELETE FROM entities WHERE id", ids);
}

}  // namespace ruralec::entity
