#include "award/undo_check.h"

#include <set>

#include "award/award_json.h"

namespace ruralec::award {
namespace {

const char* StatusWord(const std::string& s) {
  if (s == "proposed") return "待审核";
  if (s == "approved") return "已审核";
  return "已被新版本替代";
}

bool IsSalesMetric(const std::string& m) {
  return m == "online_sales" || m == "uplink_online_sales" || m == "online_export_sales";
}

}  // namespace

Status CheckSalesUnused(storage::Connection& conn, const std::vector<int64_t>& record_ids) {
  if (record_ids.empty()) return {};
  std::set<int64_t> ids(record_ids.begin(), record_ids.end());
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT l.period, l.version, l.status, ln.explanation "
                              "FROM award_lines ln JOIN award_lists l ON l.id = ln.list_id "
                              "WHERE l.status <> 'draft' AND ln.subject_kind IN "
                              "('entity', 'brand', 'export') ORDER BY l.id, ln.line_no"));
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(Explanation e, ExplanationFromJson(r.Text(3)));
    for (const auto& m : e.metrics) {
      if (!IsSalesMetric(m.metric)) continue;
      for (int64_t id : m.record_ids) {
        if (!ids.count(id)) continue;
        return Error::Conflict("本批网络销售额已被 " + r.Text(0) + " 奖补清单第 " +
                               std::to_string(r.Int(1)) + " 版（" + StatusWord(r.Text(2)) +
                               "）引用，不能撤销");
      }
    }
  }
  return {};
}

}  // namespace ruralec::award
