#include "award/undo_check.h"

#include <set>

#include "award/award_json.h"
#include "station/undo.h"

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

// kConflict naming the first non-draft list with a line of `subject_kinds` whose metric
// (`cites` says which metrics' record ids are rows of the undone kind) explains with one of
// `record_ids`; `what` names the records in the message.
Status CheckUnused(storage::Connection& conn, const std::vector<int64_t>& record_ids,
                   const std::string& subject_kinds, bool (*cites)(const std::string&),
                   const std::string& what) {
  if (record_ids.empty()) return {};
  std::set<int64_t> ids(record_ids.begin(), record_ids.end());
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT l.period, l.version, l.status, ln.explanation "
                              "FROM award_lines ln JOIN award_lists l ON l.id = ln.list_id "
                              "WHERE l.status <> 'draft' AND ln.subject_kind IN (" +
                              subject_kinds + ") ORDER BY l.id, ln.line_no"));
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(Explanation e, ExplanationFromJson(r.Text(3)));
    for (const auto& m : e.metrics) {
      if (!cites(m.metric)) continue;
      for (int64_t id : m.record_ids) {
        if (!ids.count(id)) continue;
        return Error::Conflict(what + "已被 " + r.Text(0) + " 奖补清单第 " +
                               std::to_string(r.Int(1)) + " 版（" + StatusWord(r.Text(2)) +
                               "）引用，不能撤销");
      }
    }
  }
  return {};
}

// A station line's metrics cite service records, except the assessment score (its id).
bool IsStationRecordMetric(const std::string& m) { return m != "station_assessment_score"; }

}  // namespace

Status CheckSalesUnused(storage::Connection& conn, const std::vector<int64_t>& record_ids) {
  return CheckUnused(conn, record_ids, "'entity', 'brand', 'export'", IsSalesMetric,
                     "本批网络销售额");
}

Status CheckStationRecordsUnused(storage::Connection& conn,
                                 const std::vector<int64_t>& record_ids) {
  return CheckUnused(conn, record_ids, "'station'", IsStationRecordMetric, "本批站点服务记录");
}

Status CheckStationEventsUnused(storage::Connection& conn, const std::vector<int64_t>& event_ids) {
  ASSIGN_OR_RETURN(auto records, station::RecordsCountingEvents(conn, event_ids));
  return CheckUnused(conn, records, "'station'", IsStationRecordMetric,
                     "本批单笔记录所在月份的站点服务记录");
}

}  // namespace ruralec::award
