#include "programme/local_store.h"

#include <algorithm>

namespace ruralec::programme {
namespace {

using storage::Null;
using storage::Value;

constexpr const char* kColumns =
    "id, programme_key, base_programme_id, county_code, status, values_json, new_text, "
    "created_by, created_by_name, created_at, approved_by, approved_by_name, approved_at, "
    "result_programme_id";

LocalChange FromRow(const storage::Row& r) {
  LocalChange c;
  c.id = r.Int(0);
  c.programme_key = r.Text(1);
  c.base_programme_id = r.Int(2);
  c.county_code = r.Text(3);
  c.status = r.Text(4);
  c.values_json = r.Text(5);
  c.new_text = r.Text(6);
  c.created_by = r.Int(7);
  c.created_by_name = r.Text(8);
  c.created_at = r.Int(9);
  c.approved_by = r.OptInt(10);
  c.approved_by_name = r.Text(11);
  c.approved_at = r.OptInt(12);
  c.result_programme_id = r.OptInt(13);
  return c;
}

}  // namespace

Result<LocalChange> InsertLocalChange(storage::Connection& conn, LocalChange c,
                                      std::vector<int64_t>* superseded) {
  ASSIGN_OR_RETURN(auto old, conn.Query("SELECT id FROM programme_local_changes WHERE "
                                        "programme_key = ? AND status = 'pending'",
                                        {c.programme_key}));
  for (const auto& r : old) {
    if (superseded) superseded->push_back(r.Int(0));
  }
  ASSIGN_OR_RETURN(int64_t n, conn.Exec("UPDATE programme_local_changes SET status = "
                                        "'superseded' WHERE programme_key = ? AND status = "
                                        "'pending'",
                                        {c.programme_key}));
  (void)n;
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("INSERT INTO programme_local_changes (programme_key, base_programme_id, "
                 "county_code, status, values_json, new_text, created_by, created_by_name, "
                 "created_at) VALUES (?,?,?,'pending',?,?,?,?,?) RETURNING id",
                 {c.programme_key, c.base_programme_id, c.county_code, c.values_json, c.new_text,
                  c.created_by, c.created_by_name, c.created_at}));
  if (rows.empty()) return Error::Internal("insert returned no id");
  c.id = rows[0].Int(0);
  c.status = "pending";
  return c;
}

Result<LocalChange> GetLocalChange(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto r, conn.QueryOptional(std::string("SELECT ") + kColumns +
                                                  " FROM programme_local_changes WHERE id = ?",
                                              {id}));
  if (!r) return Error::NotFound("地方设定变更不存在: " + std::to_string(id));
  return FromRow(*r);
}

Result<std::vector<LocalChange>> ListLocalChanges(storage::Connection& conn,
                                                  const std::string& programme_key, int limit) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string("SELECT ") + kColumns +
                                             " FROM programme_local_changes WHERE programme_key "
                                             "= ? ORDER BY id DESC LIMIT ?",
                                         {programme_key, int64_t{limit}}));
  std::vector<LocalChange> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Status MarkLocalChangeApproved(storage::Connection& conn, int64_t id, int64_t approver_id,
                               const std::string& approver_name, int64_t now_ms,
                               int64_t result_programme_id) {
  ASSIGN_OR_RETURN(int64_t n,
                   conn.Exec("UPDATE programme_local_changes SET status = 'approved', "
                             "approved_by = ?, approved_by_name = ?, approved_at = ?, "
                             "result_programme_id = ? WHERE id = ? AND status = 'pending'",
                             {approver_id, approver_name, now_ms, result_programme_id, id}));
  if (n != 1) return Error::Conflict("地方设定变更 " + std::to_string(id) + " 已不是待审核状态");
  return {};
}

Result<LocalVersion> LocalVersionOf(storage::Connection& conn, int64_t programme_id, int version,
                                    const Programme& p) {
  LocalVersion v;
  v.programme_id = programme_id;
  v.version = version;
  auto add_ref = [&](const std::string& ref) {
    if (!ref.empty() &&
        std::find(v.references.begin(), v.references.end(), ref) == v.references.end())
      v.references.push_back(ref);
  };
  for (const auto& r : p.award_rules) {
    if (!r.local) continue;
    v.rules.push_back(r.id);
    add_ref(r.local->reference);
  }
  for (const auto& s : p.workflow.stages) {
    if (!s.local) continue;
    v.stages.push_back(s.stage);
    add_ref(s.local->reference);
  }
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT id, approved_by_name, approved_at FROM "
                                                "programme_local_changes WHERE "
                                                "result_programme_id = ? AND status = 'approved' "
                                                "ORDER BY id DESC LIMIT 1",
                                                {programme_id}));
  if (row) {
    v.change_id = row->Int(0);
    v.approved_by_name = row->Text(1);
    v.approved_at = row->OptInt(2);
  }
  return v;
}

std::string LocalVersionLabel(const LocalVersion& v) {
  std::string s = "第" + std::to_string(v.version) + "版（";
  if (v.rules.empty() && v.stages.empty()) return s + "无地方设定）";
  if (v.change_id) s += "地方设定变更 #" + std::to_string(*v.change_id) + "：";
  std::vector<std::string> items = v.rules;
  items.insert(items.end(), v.stages.begin(), v.stages.end());
  for (size_t i = 0; i < items.size(); ++i) s += (i ? "、" : "") + items[i];
  for (const auto& r : v.references) s += "，" + r;
  return s + "）";
}

}  // namespace ruralec::programme
