#include "funds/ledger_store.h"

#include "funds/store_rows.h"

namespace ruralec::funds::store {
namespace rows {

using storage::Row;

CivilDate DateOf(const std::string& s) {
  auto d = CivilDate::Parse(s);
  return d.ok() ? *d : CivilDate();
}

const char* const kFundColumns =
    "id, county_code, programme_id, name, source, amount_fen, advance_pct, valid_from, valid_to, "
    "document, closed_through";

Fund FundOf(const Row& r) {
  Fund f;
  f.id = FundId{r.Int(0)};
  f.county_code = r.Text(1);
  f.programme_id = r.OptInt(2);
  f.name = r.Text(3);
  auto src = ParseSource(r.Text(4));
  f.source = src.ok() ? *src : Source::kOther;
  f.amount = Fen{r.Int(5)};
  f.advance_pct = static_cast<int>(r.Int(6));
  f.valid_from = DateOf(r.Text(7));
  f.valid_to = DateOf(r.Text(8));
  f.document = r.Text(9);
  if (!r.IsNull(10)) f.closed_through = DateOf(r.Text(10));
  return f;
}

const char* const kTransferColumns =
    "id, fund_id, seq, op, from_kind, from_category, from_project, to_kind, to_category, "
    "to_project, amount_fen, value_date, document, purpose, uplink_pct, reason, reverses, "
    "idem_key, prev_tag, tag, created_by, created_at, fingerprint";

Account AccountOf(const Row& r, size_t i) {
  auto k = ParseKind(r.Text(i));
  return {k.ok() ? *k : Kind::kTreasury, r.Text(i + 1), r.Text(i + 2)};
}

Transfer TransferOf(const Row& r) {
  Transfer t;
  t.id = TransferId{r.Int(0)};
  t.fund = FundId{r.Int(1)};
  t.seq = r.Int(2);
  auto op = ParseOp(r.Text(3));
  t.op = op.ok() ? *op : Op::kReverse;
  t.from = AccountOf(r, 4);
  t.to = AccountOf(r, 7);
  t.amount = Fen{r.Int(10)};
  t.value_date = DateOf(r.Text(11));
  t.document = r.Text(12);
  t.purpose = r.Text(13);
  t.uplink_pct = static_cast<int>(r.Int(14));
  t.reason = r.Text(15);
  if (!r.IsNull(16)) t.reverses = TransferId{r.Int(16)};
  t.idempotency_key = r.Text(17);
  t.prev_tag = r.Text(18);
  t.tag = r.Text(19);
  t.created_by = r.OptInt(20);
  t.created_at = r.Int(21);
  return t;
}

}  // namespace rows

using namespace rows;  // NOLINT(google-build-using-namespace): the module's own row helpers

namespace {

using storage::Null;
using storage::Params;
using storage::Row;
using storage::Value;

Value Opt(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(Null{}); }

Result<std::vector<Category>> LoadCategories(storage::Connection& conn, FundId id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT code, name, planned_fen FROM fund_categories "
                                         "WHERE fund_id = ? ORDER BY code",
                                         {id.value}));
  std::vector<Category> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), Fen{r.Int(2)}});
  return out;
}

}  // namespace

Result<FundId> InsertFund(storage::Connection& conn, const Fund& f, std::optional<int64_t> by,
                          int64_t now_ms) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("INSERT INTO funds (county_code, programme_id, name, source, amount_fen, "
                 "advance_pct, valid_from, valid_to, document, created_by, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {f.county_code, Opt(f.programme_id), f.name, std::string(SourceName(f.source)),
                  f.amount.value, int64_t{f.advance_pct}, f.valid_from.ToString(),
                  f.valid_to.ToString(), f.document, Opt(by), now_ms}));
  FundId id{rows.at(0).Int(0)};
  for (const auto& c : f.categories)
    RETURN_IF_ERROR(conn.Exec(
        "INSERT INTO fund_categories (fund_id, code, name, planned_fen) VALUES (?, ?, ?, ?)",
        {id.value, c.code, c.name, c.planned.value}));
  return id;
}

Result<Fund> LoadFund(storage::Connection& conn, FundId id, const std::string& county) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOne(std::string("SELECT ") + kFundColumns +
                                               " FROM funds WHERE id = ? AND (? = '' OR "
                                               "county_code = ?)",
                                           {id.value, county, county}, "资金不存在"));
  Fund f = FundOf(row);
  ASSIGN_OR_RETURN(f.categories, LoadCategories(conn, id));
  return f;
}

Result<bool> FundNamed(storage::Connection& conn, const std::string& county,
                       const std::string& name) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT id FROM funds WHERE county_code = ? AND "
                                                "name = ?",
                                                {county, name}));
  return row.has_value();
}

Result<std::vector<Fund>> ListFunds(storage::Connection& conn, const std::string& county) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string("SELECT ") + kFundColumns +
                                             " FROM funds WHERE ? = '' OR county_code = ? "
                                             "ORDER BY id",
                                         {county, county}));
  std::vector<Fund> out;
  for (const auto& r : rows) {
    out.push_back(FundOf(r));
    ASSIGN_OR_RETURN(out.back().categories, LoadCategories(conn, out.back().id));
  }
  return out;
}

Result<FundState> LoadState(storage::Connection& conn, FundId id) {
  FundState s;
  ASSIGN_OR_RETURN(s.fund, LoadFund(conn, id));
  ASSIGN_OR_RETURN(auto bal, conn.Query("SELECT kind, category, project, balance_fen FROM "
                                        "fund_balances WHERE fund_id = ?",
                                        {id.value}));
  for (const auto& r : bal) s.balances[AccountOf(r, 0)] = r.Int(3);
  ASSIGN_OR_RETURN(auto prj, conn.Query("SELECT project, name, status, status_on FROM "
                                        "fund_projects WHERE fund_id = ?",
                                        {id.value}));
  for (const auto& r : prj) {
    Project p{r.Text(0), r.Text(1)};
    auto st = ParseProjectStatus(r.Text(2));
    p.status = st.ok() ? *st : ProjectStatus::kOpen;
    if (!r.IsNull(3)) p.status_on = DateOf(r.Text(3));
    s.projects[p.key] = p;
  }
  return s;
}

Status PutProject(storage::Connection& conn, FundId fund, const Project& p) {
  Value on = p.status_on ? Value(p.status_on->ToString()) : Value(Null{});
  RETURN_IF_ERROR(
      conn.Exec("INSERT INTO fund_projects (fund_id, project, name, status, status_on) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (fund_id, project) DO UPDATE SET "
                "name = excluded.name, status = excluded.status, status_on = excluded.status_on",
                {fund.value, p.key, p.name, std::string(ProjectStatusName(p.status)), on}));
  return {};
}

Status PutPlanChange(storage::Connection& conn, FundId fund, const PlanChange& c) {
  RETURN_IF_ERROR(
      conn.Exec("UPDATE fund_categories SET planned_fen = ? WHERE fund_id = ? AND "
                "code = ?",
                {c.planned.value, fund.value, c.code}));
  RETURN_IF_ERROR(conn.Exec(
      "INSERT INTO fund_category_changes (fund_id, code, planned_fen, before_fen, document, "
      "reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {fund.value, c.code, c.planned.value, c.before.value, c.document, c.reason, Opt(c.changed_by),
       c.changed_at}));
  return {};
}

Status SetClosedThrough(storage::Connection& conn, FundId fund, CivilDate d) {
  RETURN_IF_ERROR(
      conn.Exec("UPDATE funds SET closed_through = ? WHERE id = ?", {d.ToString(), fund.value}));
  return {};
}

Result<std::optional<Transfer>> FindByKey(storage::Connection& conn, FundId fund,
                                          const std::string& key, std::string* fingerprint) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional(std::string("SELECT ") + kTransferColumns +
                                                    " FROM fund_transfers WHERE fund_id = ? "
                                                    "AND idem_key = ?",
                                                {fund.value, key}));
  if (!row) return std::optional<Transfer>();
  if (fingerprint) *fingerprint = row->Text(22);
  return std::optional<Transfer>(TransferOf(*row));
}

Result<std::optional<Transfer>> FindTransfer(storage::Connection& conn, FundId fund,
                                             TransferId id) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional(std::string("SELECT ") + kTransferColumns +
                                                    " FROM fund_transfers WHERE fund_id = ? "
                                                    "AND id = ?",
                                                {fund.value, id.value}));
  if (!row) return std::optional<Transfer>();
  return std::optional<Transfer>(TransferOf(*row));
}

Result<bool> IsReversed(storage::Connection& conn, TransferId id) {
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional("SELECT id FROM fund_transfers WHERE reverses = ?", {id.value}));
  return row.has_value();
}

Result<int64_t> LiveAmountOfKey(storage::Connection& conn, const std::string& key) {
  ASSIGN_OR_RETURN(auto row,
                   conn.QueryOne("SELECT COALESCE(SUM(t.amount_fen), 0) FROM fund_transfers t "
                                 "WHERE t.idem_key = ? AND NOT EXISTS (SELECT 1 FROM "
                                 "fund_transfers r WHERE r.reverses = t.id)",
                                 {key}, "transfer"));
  return row.Int(0);
}

Result<std::pair<int64_t, std::string>> Head(storage::Connection& conn, FundId fund) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT seq, tag FROM fund_transfers WHERE "
                                                "fund_id = ? ORDER BY seq DESC LIMIT 1",
                                                {fund.value}));
  if (!row) return std::pair<int64_t, std::string>{0, ""};
  return std::pair<int64_t, std::string>{row->Int(0), row->Text(1)};
}

Result<TransferId> InsertTransfer(storage::Connection& conn, const Transfer& t,
                                  const std::string& fingerprint) {
  Params p = {t.fund.value,
              t.seq,
              std::string(OpName(t.op)),
              std::string(KindName(t.from.kind)),
              t.from.category,
              t.from.project,
              std::string(KindName(t.to.kind)),
              t.to.category,
              t.to.project,
              t.amount.value,
              t.value_date.ToString(),
              t.document,
              t.purpose,
              int64_t{t.uplink_pct},
              t.reason,
              t.reverses ? Value(t.reverses->value) : Value(Null{}),
              t.idempotency_key,
              fingerprint,
              t.prev_tag,
              t.tag,
              Opt(t.created_by),
              t.created_at};
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("INSERT INTO fund_transfers (fund_id, seq, op, from_kind, from_category, "
                 "from_project, to_kind, to_category, to_project, amount_fen, value_date, "
                 "document, purpose, uplink_pct, reason, reverses, idem_key, fingerprint, "
                 "prev_tag, tag, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 p));
  return TransferId{rows.at(0).Int(0)};
}

Status AddToBalance(storage::Connection& conn, FundId fund, const Account& a, int64_t delta) {
  RETURN_IF_ERROR(conn.Exec(
      "INSERT INTO fund_balances (fund_id, kind, category, project, balance_fen) VALUES (?, ?, "
      "?, ?, ?) ON CONFLICT (fund_id, kind, category, project) DO UPDATE SET balance_fen = "
      "fund_balances.balance_fen + excluded.balance_fen",
      {fund.value, std::string(KindName(a.kind)), a.category, a.project, delta}));
  return {};
}

Status ScanTransfers(storage::Connection& conn, std::optional<FundId> fund,
                     const std::function<bool(const Transfer&)>& fn) {
  // Pages of 10,000 by (fund, seq): a million transfers never sit in memory at once.
  int64_t after_fund = 0, after_seq = 0;
  for (;;) {
    // A row-value bound and one query shape per case, so both backends walk the (fund_id,
    // seq) index from where the page ended (an OR here cost PostgreSQL a scan per page).
    auto rs = fund ? conn.Query(std::string("SELECT ") + kTransferColumns +
                                    " FROM fund_transfers WHERE fund_id = ? AND seq > ? "
                                    "ORDER BY seq LIMIT 10000",
                                {fund->value, after_seq})
                   : conn.Query(std::string("SELECT ") + kTransferColumns +
                                    " FROM fund_transfers WHERE (fund_id, seq) > (?, ?) "
                                    "ORDER BY fund_id, seq LIMIT 10000",
                                {after_fund, after_seq});
    ASSIGN_OR_RETURN(auto rows, std::move(rs));
    for (const auto& r : rows)
      if (!fn(TransferOf(r))) return {};
    if (rows.size() < 10000) return {};
    after_fund = rows.back().Int(1);
    after_seq = rows.back().Int(2);
  }
}

Result<std::vector<std::pair<FundId, Balance>>> StoredBalances(storage::Connection& conn,
                                                               std::optional<FundId> fund) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT fund_id, kind, category, project, balance_fen "
                                         "FROM fund_balances WHERE ? = 0 OR fund_id = ?",
                                         {fund ? fund->value : 0, fund ? fund->value : 0}));
  std::vector<std::pair<FundId, Balance>> out;
  for (const auto& r : rows) out.push_back({FundId{r.Int(0)}, {AccountOf(r, 1), Fen{r.Int(4)}}});
  return out;
}

}  // namespace ruralec::funds::store
