#include "audit/audit.h"

#include "core/types.h"
#include "crypto/crypto.h"
#include "storage/order_by.h"

namespace ruralec::audit {
namespace {

using storage::Params;
using storage::Row;

// Length-prefixed fields so that no choice of field contents can collide with another.
void Field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ';';
}

std::string RowHash(const std::string& prev_hash, int64_t seq, int64_t at,
                    const std::optional<int64_t>& user_id, const Record& r) {
  std::string c;
  Field(c, prev_hash);
  Field(c, std::to_string(seq));
  Field(c, std::to_string(at));
  Field(c, user_id ? std::to_string(*user_id) : "");
  for (const std::string* f : {&r.username, &r.role, &r.ip, &r.action, &r.object_type, &r.object_id,
                               &r.outcome, &r.detail, &r.region_code}) {
    Field(c, *f);
  }
  return crypto::Sha256Hex(c);
}

constexpr const char* kColumns =
    "seq, at, user_id, username, role, ip, action, object_type, object_id, outcome, detail, "
    "region_code";

Record ToRecord(const Row& row) {
  Record r;
  r.seq = row.Int(0);
  r.at = row.Int(1);
  r.user_id = row.OptInt(2);
  r.username = row.Text(3);
  r.role = row.Text(4);
  r.ip = row.Text(5);
  r.action = row.Text(6);
  r.object_type = row.Text(7);
  r.object_id = row.Text(8);
  r.outcome = row.Text(9);
  r.detail = row.Text(10);
  r.region_code = row.Text(11);
  return r;
}

// The county of the actor's region ("" when the actor has none, e.g. a failed login).
std::string CountyOf(const std::string& region_code) {
  auto code = RegionCode::Parse(region_code);
  return code.ok() ? code->county().str() : "";
}

}  // namespace

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kSuccess:
      return "success";
    case Outcome::kFailure:
      return "failure";
    case Outcome::kDenied:
      return "denied";
  }
  return "failure";
}

Status AuditLog::Append(storage::Connection& conn, const Entry& entry) const {
  if (conn.InTransaction()) return AppendLocked(conn, entry);
  return storage::InTransaction(conn, storage::TxMode::kWrite,
                                [&]() -> Status { return AppendLocked(conn, entry); });
}

Status AuditLog::AppendLocked(storage::Connection& conn, const Entry& e) const {
  // Bumping the head row first takes its row lock (PostgreSQL) / the write lock (SQLite), so
  // appends are serialised and seq stays gapless even when other transactions roll back.
  ASSIGN_OR_RETURN(Row head, conn.QueryOne("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 "
                                           "RETURNING seq, hash",
                                           {}, "audit_head 缺失"));
  int64_t seq = head.Int(0);
  std::string prev = head.Text(1);
  Record r;
  r.username = e.actor.username;
  r.role = e.actor.role;
  r.ip = e.actor.ip;
  r.action = e.action;
  r.object_type = e.object_type;
  r.object_id = e.object_id;
  r.outcome = OutcomeName(e.outcome);
  r.detail = e.detail.substr(0, kMaxDetail);
  r.region_code = e.actor.region_code;
  int64_t at = clock_.NowMs();
  std::string hash = RowHash(prev, seq, at, e.actor.user_id, r);
  storage::Value uid = e.actor.user_id ? storage::Value(*e.actor.user_id) : storage::Null{};
  RETURN_IF_ERROR(
      conn.Exec("INSERT INTO audit_log (seq, at, user_id, username, role, ip, action, object_type, "
                "object_id, outcome, detail, region_code, county_code, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {seq, at, uid, r.username, r.role, r.ip, r.action, r.object_type, r.object_id,
                 r.outcome, r.detail, r.region_code, CountyOf(r.region_code), prev, hash}));
  RETURN_IF_ERROR(conn.Exec("UPDATE audit_head SET hash = ? WHERE id = 1", {hash}));
  return {};
}

Result<Page<Record>> AuditLog::List(storage::Connection& conn, const Filter& f,
                                    const PageRequest& page) const {
  std::string where = " WHERE 1 = 1";
  Params params;
  auto eq = [&](const char* col, const std::string& v) {
    if (v.empty()) return;
    where += std::string(" AND ") + col + " = ?";
    params.emplace_back(v);
  };
  eq("username", f.username);
  eq("action", f.action);
  eq("object_type", f.object_type);
  eq("outcome", f.outcome);
  if (f.from_ms) {
    where += " AND at >= ?";
    params.emplace_back(*f.from_ms);
  }
  if (f.to_ms) {
    where += " AND at <= ?";
    params.emplace_back(*f.to_ms);
  }
  Page<Record> out;
  out.page = page.page;
  out.page_size = page.page_size;
  ASSIGN_OR_RETURN(auto count, conn.Query("SELECT COUNT(*) FROM audit_log" + where, params));
  out.total = count.at(0).Int(0);
  params.emplace_back(int64_t{page.page_size});
  params.emplace_back(page.offset());
  std::string order = " ORDER BY seq DESC";  // newest first unless asked otherwise
  if (!page.sort.empty()) {
    ASSIGN_OR_RETURN(order, storage::OrderBy(page,
                                             {{"seq", "seq"},
                                              {"at", "seq"},
                                              {"username", "username"},
                                              {"action", "action"},
                                              {"outcome", "outcome"}},
                                             "seq"));
  }
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string("SELECT ") + kColumns + " FROM audit_log" +
                                             where + order + " LIMIT ? OFFSET ?",
                                         params));
  for (const auto& row : rows) out.items.push_back(ToRecord(row));
  return out;
}

Result<VerifyReport> AuditLog::Verify(storage::Connection& conn) const {
  VerifyReport rep;
  std::string prev(64, '0');
  int64_t expected = 1;
  auto fail = [&](int64_t seq, std::string why) {
    rep.ok = false;
    rep.first_bad_seq = seq;
    rep.reason = std::move(why);
    return rep;
  };
  constexpr int64_t kChunk = 5000;
  for (;;) {
    ASSIGN_OR_RETURN(auto rows, conn.Query(std::string("SELECT ") + kColumns +
                                               ", prev_hash, hash FROM audit_log WHERE seq >= ? "
                                               "ORDER BY seq LIMIT ?",
                                           {expected, kChunk}));
    for (const auto& row : rows) {
      Record r = ToRecord(row);
      if (r.seq != expected)
        return fail(expected, "第" + std::to_string(expected) + "条记录缺失（被删除）");
      if (row.Text(12) != prev)
        return fail(r.seq,
                    "第" + std::to_string(r.seq) + "条记录的前序哈希不符（记录被删除或调换顺序）");
      std::string h = RowHash(prev, r.seq, r.at, r.user_id, r);
      if (h != row.Text(13)) return fail(r.seq, "第" + std::to_string(r.seq) + "条记录内容被修改");
      prev = h;
      ++expected;
      ++rep.checked;
    }
    if (static_cast<int64_t>(rows.size()) < kChunk) break;
  }
  ASSIGN_OR_RETURN(Row head, conn.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1", {},
                                           "audit_head 缺失"));
  if (head.Int(0) != expected - 1 || head.Text(1) != prev) {
    return fail(expected, "日志末尾记录缺失（链头为第" + std::to_string(head.Int(0)) + "条）");
  }
  return rep;
}

}  // namespace ruralec::audit
