#include "audit/audit.h"

#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::audit {
namespace {

using storage::Params;
using storage::Row;

constexpr const char* kRowContext = "ruralec.audit.row.v2";
constexpr const char* kHeadContext = "ruralec.audit.head.v2";
const std::string kGenesis(64, '0');

// Length-prefixed fields so that no choice of field contents can collide with another.
void Field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ';';
}

// The bytes a row's hash covers: the previous hash and every stored column. Legacy (SHA-256)
// rows were hashed without county_code; keyed rows cover it too.
std::string Canonical(const std::string& prev, const Record& r, bool with_county) {
  std::string c;
  Field(c, prev);
  Field(c, std::to_string(r.seq));
  Field(c, std::to_string(r.at));
  Field(c, r.user_id ? std::to_string(*r.user_id) : "");
  for (const std::string* f : {&r.username, &r.role, &r.ip, &r.action, &r.object_type, &r.object_id,
                               &r.outcome, &r.detail, &r.region_code}) {
    Field(c, *f);
  }
  if (with_county) Field(c, r.county_code);
  return c;
}

const storage::RowDecoder<Record> kRecord{{"seq", &Record::seq},
                                          {"at", &Record::at},
                                          {"user_id", &Record::user_id},
                                          {"username", &Record::username},
                                          {"role", &Record::role},
                                          {"ip", &Record::ip},
                                          {"action", &Record::action},
                                          {"object_type", &Record::object_type},
                                          {"object_id", &Record::object_id},
                                          {"outcome", &Record::outcome},
                                          {"detail", &Record::detail},
                                          {"region_code", &Record::region_code},
                                          {"county_code", &Record::county_code}};

// The county of the actor's region ("" when the actor has none, e.g. a failed login).
std::string CountyOf(const std::string& region_code) {
  auto code = RegionCode::Parse(region_code);
  return code.ok() ? code->county().str() : "";
}

// The condition of InScope: the county_code test is implied by the region prefix but lets a
// database distributed by county_code prune shards.
void ScopeCondition(const RegionCode& scope, storage::Where& where) {
  if (scope.empty()) return;
  std::string sql = "((county_code LIKE ? AND region_code LIKE ?)";
  if (scope.level() <= RegionLevel::kCounty) sql += " OR region_code = ''";
  where.Sql(sql + ")",
            {std::string(scope.county().prefix()) + "%", std::string(scope.prefix()) + "%"});
}

// The bytes the head's tag covers: a truncated tail or a moved keyed_from needs the key.
std::string HeadBytes(int64_t seq, const std::string& hash, int64_t keyed_from) {
  std::string c;
  Field(c, std::to_string(seq));
  Field(c, hash);
  Field(c, std::to_string(keyed_from));
  return c;
}

std::string Nth(int64_t seq) { return "第" + std::to_string(seq) + "条"; }

}  // namespace

bool InScope(const RegionCode& scope, const Record& r) {
  if (scope.empty()) return true;
  if (r.region_code.empty()) return scope.level() <= RegionLevel::kCounty;
  auto code = RegionCode::Parse(r.region_code);
  return code.ok() && code->str() == r.region_code && scope.Contains(*code);
}

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

bool AuditLog::HeadIntact(int64_t seq, const std::string& hash, int64_t keyed_from,
                          const std::string& tag) const {
  if (keyed_from < 1 || keyed_from > seq + 1) return false;
  // The tag is '' only while no keyed row exists (migrated, nothing appended since).
  if (seq < keyed_from && tag.empty()) return true;
  return mac_.Check(kHeadContext, HeadBytes(seq, hash, keyed_from), tag);
}

bool AuditLog::RowIntact(const std::string& prev, const Record& r, const std::string& stored_hash,
                         bool legacy) const {
  if (legacy) return crypto::Sha256Hex(Canonical(prev, r, false)) == stored_hash;
  return mac_.Check(kRowContext, Canonical(prev, r, true), stored_hash);
}

Result<std::string> AuditLog::InsertRow(storage::Connection& conn, Record r,
                                        const std::string& prev) const {
  r.county_code = CountyOf(r.region_code);
  std::string hash = mac_.Tag(kRowContext, Canonical(prev, r, true));
  storage::Value uid = r.user_id ? storage::Value(*r.user_id) : storage::Null{};
  RETURN_IF_ERROR(
      conn.Exec("INSERT INTO audit_log (seq, at, user_id, username, role, ip, action, object_type, "
                "object_id, outcome, detail, region_code, county_code, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {r.seq, r.at, uid, r.username, r.role, r.ip, r.action, r.object_type, r.object_id,
                 r.outcome, r.detail, r.region_code, r.county_code, prev, hash}));
  return hash;
}

Result<int64_t> AuditLog::AnchorLegacy(storage::Connection& conn, int64_t seq,
                                       std::string& prev) const {
  Record a;
  a.seq = seq;
  a.at = clock_.NowMs();
  a.username = "system";
  a.role = "system";
  a.action = "audit.chain.keyed";
  a.object_type = "audit_log";
  a.object_id = "1-" + std::to_string(seq - 1);
  a.outcome = OutcomeName(Outcome::kSuccess);
  a.detail = "第1至" + std::to_string(seq - 1) +
             "条为启用密钥前的旧记录（SHA-256链），由本条的密钥标签锚定；此后每条均以密钥标签链接";
  ASSIGN_OR_RETURN(prev, InsertRow(conn, a, prev));
  ASSIGN_OR_RETURN(Row next, conn.QueryOne("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 "
                                           "RETURNING seq",
                                           {}, "audit_head 缺失"));
  return next.Int(0);
}

Status AuditLog::AppendLocked(storage::Connection& conn, const Entry& e) const {
  // Bumping the head row first takes its row lock (PostgreSQL) / the write lock (SQLite), so
  // appends are serialised and seq stays gapless even when other transactions roll back.
  ASSIGN_OR_RETURN(Row head, conn.QueryOne("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 "
                                           "RETURNING seq, hash, keyed_from",
                                           {}, "audit_head 缺失"));
  int64_t seq = head.Int(0);
  std::string prev = head.Text(1);
  const int64_t keyed_from = head.Int(2);
  if (seq == keyed_from && seq > 1) {
    ASSIGN_OR_RETURN(seq, AnchorLegacy(conn, seq, prev));
  }
  Record r;
  r.seq = seq;
  r.at = clock_.NowMs();
  r.user_id = e.actor.user_id;
  r.username = e.actor.username;
  r.role = e.actor.role;
  r.ip = e.actor.ip;
  r.action = e.action;
  r.object_type = e.object_type;
  r.object_id = e.object_id;
  r.outcome = OutcomeName(e.outcome);
  r.detail = e.detail.substr(0, kMaxDetail);
  r.region_code = e.actor.region_code;
  ASSIGN_OR_RETURN(std::string hash, InsertRow(conn, r, prev));
  RETURN_IF_ERROR(conn.Exec("UPDATE audit_head SET hash = ?, mac = ? WHERE id = 1",
                            {hash, mac_.Tag(kHeadContext, HeadBytes(seq, hash, keyed_from))}));
  return {};
}

Result<Page<Record>> AuditLog::List(storage::Connection& conn, const Filter& f,
                                    const PageRequest& page) const {
  storage::Where where;
  // "auth.*": every action of that prefix (the login log); otherwise the exact action.
  bool prefix = f.action.size() > 2 && f.action.ends_with(".*");
  if (prefix) where.StartsWith("action", f.action.substr(0, f.action.size() - 1));
  where.EqIf("username", f.username)
      .EqIf("action", prefix ? std::string() : f.action)
      .EqIf("object_type", f.object_type)
      .EqIf("outcome", f.outcome)
      .CmpIf("at", ">=", f.from_ms)
      .CmpIf("at", "<=", f.to_ms);
  ScopeCondition(f.scope, where);
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
  return storage::QueryPage<Record>(conn, kRecord.List(), "FROM audit_log", where, order, page,
                                    [](const Row& row) { return kRecord.Decode(row); });
}

Result<VerifyReport> AuditLog::Verify(storage::Connection& conn, const RegionCode& scope) const {
  VerifyReport rep;
  auto fail = [&](std::optional<int64_t> seq, std::string why) {
    rep.ok = false;
    rep.first_bad_seq = seq;
    rep.reason = std::move(why);
    return rep;
  };
  // The head is read first: rows appended while we walk have larger seqs and wait for next time.
  ASSIGN_OR_RETURN(
      Row head, conn.QueryOne("SELECT seq, hash, keyed_from, mac FROM audit_head WHERE id = 1", {},
                              "audit_head 缺失"));
  const int64_t last = head.Int(0);
  rep.keyed_from = head.Int(2);
  std::string prev = kGenesis;
  int64_t expected = 1;
  constexpr int64_t kChunk = 5000;
  while (expected <= last) {
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kRecord.List() +
                                               ", prev_hash, hash FROM audit_log WHERE seq >= ? "
                                               "AND seq <= ? ORDER BY seq LIMIT ?",
                                           {expected, last, kChunk}));
    if (rows.empty()) return fail(expected, Nth(expected) + "记录缺失（被删除）");
    for (const auto& row : rows) {
      Record r = kRecord.Decode(row);  // prev_hash and hash follow its 13 columns
      if (r.seq != expected) return fail(expected, Nth(expected) + "记录缺失（被删除）");
      if (row.Text(13) != prev)
        return fail(r.seq, Nth(r.seq) + "记录的前序哈希不符（记录被删除或调换顺序）");
      bool legacy = r.seq < rep.keyed_from;
      bool mine = InScope(scope, r);
      if (!RowIntact(prev, r, row.Text(14), legacy)) {
        if (!mine)
          return fail(std::nullopt, "您管辖范围之外的一条记录内容被修改，请上级审计管理员核查");
        return fail(r.seq, Nth(r.seq) + "记录内容被修改");
      }
      prev = row.Text(14);
      ++expected;
      if (mine) {
        ++rep.checked;
        if (legacy) ++rep.legacy;
      }
    }
  }
  if (prev != head.Text(1)) {
    return fail(last, "日志末尾记录缺失或被替换（链头为" + Nth(last) + "）");
  }
  // Last: it covers the tail and keyed_from, while a damaged row is better named by the walk.
  if (!HeadIntact(last, head.Text(1), rep.keyed_from, head.Text(3))) {
    return fail(std::nullopt,
                "链头（audit_head）被篡改（如末尾记录被截去），或密钥文件与写入日志时的不符");
  }
  return rep;
}

}  // namespace ruralec::audit
