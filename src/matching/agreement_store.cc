#include "matching/agreement_store.h"

#include <tuple>

#include "attachments/attachments.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::matching::store {
namespace {

Status Done(const Result<int64_t>& r) { return r.ok() ? Status() : Status(r.error()); }

using storage::OrNull;

const storage::Columns kAgreement(
    "a.id, a.entity_id, a.region_code, a.agreement_no, a.title, a.model, a.signed_on, "
    "a.valid_from, a.valid_to, a.note, a.created_at, a.updated_at, "
    "(SELECT COALESCE(SUM(s.amount_fen), 0) FROM agreement_sales s WHERE s.agreement_id = a.id) "
    "AS attributed_fen");

CivilDate DateOf(const std::string& text) {
  auto d = CivilDate::Parse(text);
  return d.ok() ? *d : CivilDate();
}

// File counts from the attachments module, one statement per 500 agreements.
Status FillFileCounts(storage::Connection& conn, std::vector<Agreement>& items) {
  std::vector<int64_t> ids;
  for (const auto& a : items) ids.push_back(a.id);
  ASSIGN_OR_RETURN(auto counts, attachments::Counts(conn, "matching", "agreement", ids));
  for (auto& a : items) a.file_count = counts.contains(a.id) ? counts[a.id] : 0;
  return {};
}

Agreement ToAgreement(const storage::Row& row) {
  storage::NamedRow r(row, kAgreement);
  Agreement a;
  a.id = r.Int("id");
  a.in.entity_id = r.Int("entity_id");
  a.region = *RegionCode::Parse(r.Text("region_code"));
  a.in.agreement_no = r.Text("agreement_no");
  a.in.title = r.Text("title");
  a.in.model = r.Text("model");
  a.in.signed_on = DateOf(r.Text("signed_on"));
  a.in.valid_from = DateOf(r.Text("valid_from"));
  a.in.valid_to = DateOf(r.Text("valid_to"));
  a.in.note = r.Text("note");
  a.created_at = r.Int("created_at");
  a.updated_at = r.Int("updated_at");
  a.attributed_fen = r.Int("attributed_fen");
  return a;
}

PartyKind KindOf(const std::string& s) {
  auto k = ParsePartyKind(s);
  return k.ok() ? *k : PartyKind::kCoop;
}

Status ReadParts(storage::Connection& conn, Agreement& a) {
  ASSIGN_OR_RETURN(auto ps, conn.Query("SELECT kind, name, household_id, party_entity_id FROM "
                                       "agreement_parties WHERE agreement_id = ? ORDER BY id",
                                       {a.id}));
  for (const auto& r : ps)
    a.in.parties.push_back({KindOf(r.Text(0)), r.Text(1), r.OptInt(2), r.OptInt(3)});
  ASSIGN_OR_RETURN(auto pr, conn.Query("SELECT product, unit, quantity, price_fen FROM "
                                       "agreement_products WHERE agreement_id = ? ORDER BY id",
                                       {a.id}));
  for (const auto& r : pr) a.in.products.push_back({r.Text(0), r.Text(1), r.Int(2), r.OptInt(3)});
  return {};
}

}  // namespace

Status InsertParts(storage::Connection& conn, int64_t id, const AgreementInput& in) {
  for (const Party& p : in.parties)
    RETURN_IF_ERROR(
        Done(conn.Exec("INSERT INTO agreement_parties (agreement_id, kind, name, household_id, "
                       "party_entity_id) VALUES (?, ?, ?, ?, ?)",
                       {id, std::string(PartyKindName(p.kind)), p.name, OrNull(p.household_id),
                        OrNull(p.entity_id)})));
  for (const AgreementProduct& p : in.products)
    RETURN_IF_ERROR(Done(conn.Exec(
        "INSERT INTO agreement_products (agreement_id, product, quantity, unit, price_fen) "
        "VALUES (?, ?, ?, ?, ?)",
        {id, p.product, p.quantity, p.unit, OrNull(p.price_fen)})));
  return {};
}

Result<int64_t> InsertAgreement(storage::Connection& conn, const AgreementInput& in,
                                const RegionCode& region, std::optional<int64_t> by, int64_t now) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO agreements (entity_id, county_code, region_code, agreement_no, "
                    "title, model, signed_on, valid_from, valid_to, note, created_by, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    {in.entity_id, region.county().str(), region.str(), in.agreement_no, in.title,
                     in.model, in.signed_on.ToString(), in.valid_from.ToString(),
                     in.valid_to.ToString(), in.note, OrNull(by), now, now},
                    "insert agreement"));
  int64_t id = row.Int(0);
  RETURN_IF_ERROR(InsertParts(conn, id, in));
  return id;
}

Result<std::optional<int64_t>> AgreementByNo(storage::Connection& conn, int64_t entity_id,
                                             const std::string& no) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT id FROM agreements WHERE entity_id = ? AND agreement_no = ?",
                              {entity_id, no}));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows[0].Int(0));
}

Result<std::optional<Agreement>> GetAgreement(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kAgreement.List() + " FROM agreements a WHERE a.id = ?", {id}));
  if (rows.empty()) return std::optional<Agreement>();
  std::vector<Agreement> one{ToAgreement(rows[0])};
  RETURN_IF_ERROR(FillFileCounts(conn, one));
  Agreement a = std::move(one[0]);
  RETURN_IF_ERROR(ReadParts(conn, a));
  return std::optional<Agreement>(std::move(a));
}

Result<Page<Agreement>> ListAgreements(storage::Connection& conn, const AgreementFilter& f,
                                       std::optional<int64_t> own_entity, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("a.region_code", f.region)
      .EqIf("a.entity_id", own_entity ? own_entity : f.entity_id)
      .EqIf("a.model", f.model)
      .CmpIf("a.valid_from", "<=", f.active_on ? f.active_on->ToString() : "")
      .CmpIf("a.valid_to", ">=", f.active_on ? f.active_on->ToString() : "");
  if (own_entity && f.entity_id && *f.entity_id != *own_entity) w.Sql("1 = 0");
  ASSIGN_OR_RETURN(auto out, storage::QueryPage<Agreement>(
                                 conn, kAgreement.List(), "FROM agreements a", w,
                                 " ORDER BY a.signed_on DESC, a.id DESC", page, ToAgreement));
  RETURN_IF_ERROR(FillFileCounts(conn, out.items));
  return out;
}

Result<int64_t> PutSales(storage::Connection& conn, const Agreement& a, const AttributedSales& s,
                         std::optional<int64_t> by) {
  RETURN_IF_ERROR(Done(conn.Exec("DELETE FROM agreement_sales WHERE agreement_id = ? AND month = ?",
                                 {a.id, s.month})));
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO agreement_sales (agreement_id, entity_id, region_code, month, amount_fen, "
          "evidence, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {a.id, a.in.entity_id, a.region.str(), s.month, s.amount_fen, s.evidence, OrNull(by),
           s.created_at},
          "insert agreement sales"));
  return row.Int(0);
}

Result<std::vector<AttributedSales>> Sales(storage::Connection& conn, int64_t agreement_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, month, amount_fen, evidence, created_at FROM "
                                         "agreement_sales WHERE agreement_id = ? ORDER BY month",
                                         {agreement_id}));
  std::vector<AttributedSales> out;
  for (const auto& r : rows) out.push_back({r.Text(1), r.Int(2), r.Text(3), r.Int(4), r.Int(0)});
  return out;
}

Result<std::vector<std::tuple<int64_t, int64_t, int64_t>>> SalesOfYear(storage::Connection& conn,
                                                                       const RegionCode& scope,
                                                                       int year) {
  storage::Where w;
  std::string y = std::to_string(year);
  w.InSubtree("region_code", scope).Cmp("month", ">=", y + "-01").Cmp("month", "<=", y + "-12");
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT entity_id, agreement_id, amount_fen FROM "
                                         "agreement_sales" +
                                             w.Clause() + " ORDER BY entity_id, agreement_id",
                                         w.params()));
  std::vector<std::tuple<int64_t, int64_t, int64_t>> out;
  for (const auto& r : rows) out.emplace_back(r.Int(0), r.Int(1), r.Int(2));
  return out;
}

Result<std::vector<CooperationMonth>> CooperationSalesOfYear(storage::Connection& conn,
                                                             const RegionCode& scope, int year) {
  storage::Where w;
  std::string y = std::to_string(year);
  w.InSubtree("s.region_code", scope)
      .Cmp("s.month", ">=", y + "-01")
      .Cmp("s.month", "<=", y + "-12")
      .Sql(
          "EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = s.agreement_id AND "
          "p.kind IN ('coop', 'base'))");
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT s.id, s.agreement_id, s.entity_id, s.month, "
                                         "s.amount_fen FROM agreement_sales s" +
                                             w.Clause() + " ORDER BY s.entity_id, s.month, s.id",
                                         w.params()));
  std::vector<CooperationMonth> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Int(4)});
  return out;
}

}  // namespace ruralec::matching::store
