#include "households/help_store.h"

#include "storage/figure_changes.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::households::store {
namespace {

using storage::Null;
using storage::Value;

Value Opt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }
Value Opt(const std::optional<CivilDate>& d) { return d ? Value{d->ToString()} : Value{Null{}}; }

std::optional<CivilDate> OptDate(const std::optional<std::string>& t) {
  if (!t || t->empty()) return std::nullopt;
  auto d = CivilDate::Parse(*t);
  return d.ok() ? std::optional<CivilDate>(*d) : std::nullopt;
}

CivilDate Date(const std::string& t) { return OptDate(t).value_or(CivilDate{}); }

}  // namespace

// A household's employment or shop helps it from its first day to its last (the coverage
// figure: storage/figure_changes.h), so a new one marks its start month, an end its end month.
Result<int64_t> InsertEmployment(storage::Connection& conn, const NewEmployment& e) {
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, e.region, e.in.since.ToString(), e.now));
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO household_employments (household_id, county_code, region_code, "
                    "entity_id, member_name_enc, member_name_masked, position, since, until, "
                    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {e.household_id, e.region.county().str(), e.region.str(), e.in.entity_id,
                     e.name_enc, e.name_masked, e.in.position, e.in.since.ToString(),
                     Opt(e.in.until), Opt(e.created_by), e.now},
                    "insert employment"));
  return row.Int(0);
}

Result<std::vector<std::pair<Employment, std::string>>> EmploymentsOf(storage::Connection& conn,
                                                                      int64_t household_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, entity_id, member_name_masked, position, "
                                         "since, until, created_at, member_name_enc FROM "
                                         "household_employments WHERE household_id = ? ORDER "
                                         "BY since, id",
                                         {household_id}));
  std::vector<std::pair<Employment, std::string>> out;
  for (const auto& r : rows) {
    Employment e;
    e.id = r.Int(0);
    e.household_id = household_id;
    e.in.entity_id = r.Int(1);
    e.in.member_name = r.Text(2);
    e.in.position = r.Text(3);
    e.in.since = Date(r.Text(4));
    e.in.until = OptDate(r.OptText(5));
    e.created_at = r.Int(6);
    out.emplace_back(std::move(e), r.Text(7));
  }
  return out;
}

Result<int64_t> InsertShop(storage::Connection& conn, const NewShop& s) {
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, s.region, s.in.opened_on.ToString(), s.now));
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO household_shops (household_id, county_code, region_code, "
                    "platform, shop_name, shop_ref, entity_id, opened_on, closed_on, created_by, "
                    "created_at, entity_shop_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    {s.household_id, s.region.county().str(), s.region.str(), s.in.platform,
                     s.in.shop_name, s.in.shop_ref, Opt(s.in.entity_id), s.in.opened_on.ToString(),
                     Opt(s.in.closed_on), Opt(s.created_by), s.now, Opt(s.in.entity_shop_id)},
                    "insert shop"));
  return row.Int(0);
}

Result<std::vector<HouseholdShop>> ShopsOf(storage::Connection& conn, int64_t household_id) {
  ASSIGN_OR_RETURN(
      auto rows, conn.Query("SELECT id, platform, shop_name, shop_ref, entity_id, "
                            "opened_on, closed_on, created_at, entity_shop_id FROM household_shops "
                            "WHERE household_id = ? ORDER BY opened_on, id",
                            {household_id}));
  std::vector<HouseholdShop> out;
  for (const auto& r : rows) {
    HouseholdShop s;
    s.id = r.Int(0);
    s.household_id = household_id;
    s.in.platform = r.Text(1);
    s.in.shop_name = r.Text(2);
    s.in.shop_ref = r.Text(3);
    s.in.entity_id = r.OptInt(4);
    s.in.opened_on = Date(r.Text(5));
    s.in.closed_on = OptDate(r.OptText(6));
    s.created_at = r.Int(7);
    s.in.entity_shop_id = r.OptInt(8);
    out.push_back(std::move(s));
  }
  return out;
}

Result<bool> EndEmployment(storage::Connection& conn, int64_t id, CivilDate until, int64_t now_ms) {
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn, "SELECT region_code, CAST(? AS TEXT) FROM household_employments WHERE id = ?",
      {until.ToString(), id}, now_ms));
  ASSIGN_OR_RETURN(int64_t n, conn.Exec("UPDATE household_employments SET until = ? WHERE id = ? "
                                        "AND until IS NULL",
                                        {until.ToString(), id}));
  return n == 1;
}

Result<bool> CloseShop(storage::Connection& conn, int64_t id, CivilDate closed_on, int64_t now_ms) {
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn, "SELECT region_code, CAST(? AS TEXT) FROM household_shops WHERE id = ?",
      {closed_on.ToString(), id}, now_ms));
  ASSIGN_OR_RETURN(int64_t n, conn.Exec("UPDATE household_shops SET closed_on = ? WHERE id = ? AND "
                                        "closed_on IS NULL",
                                        {closed_on.ToString(), id}));
  return n == 1;
}

Result<std::pair<int64_t, int64_t>> PurchaseTotalsOf(storage::Connection& conn,
                                                     int64_t household_id) {
  ASSIGN_OR_RETURN(storage::Row r,
                   conn.QueryOne("SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM purchases "
                                 "WHERE household_id = ? AND is_current = 1",
                                 {household_id}, "purchase totals"));
  return std::make_pair(r.Int(0), r.Int(1));
}

Result<std::vector<std::pair<int64_t, RegionCode>>> WillingAndAble(storage::Connection& conn,
                                                                   const RegionCode& region,
                                                                   CivilDate to) {
  storage::Where w;
  w.InSubtree("region_code", region)
      .Eq("willing", int64_t{1})
      .Eq("able", int64_t{1})
      .Cmp("willing_on", "<=", to.ToString())
      .Cmp("able_on", "<=", to.ToString());
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, region_code FROM households" + w.Clause() +
                                             " ORDER BY region_code, id",
                                         w.params()));
  std::vector<std::pair<int64_t, RegionCode>> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.emplace_back(r.Int(0), *RegionCode::Parse(r.Text(1)));
  return out;
}

Result<std::set<int64_t>> Helped(storage::Connection& conn, const RegionCode& region,
                                 CivilDate from, CivilDate to) {
  std::string f = from.ToString(), t = to.ToString();
  std::set<int64_t> out;
  auto collect = [&](const std::string& sql, storage::Where w) -> Status {
    ASSIGN_OR_RETURN(auto rows, conn.Query(sql + w.Clause(), w.params()));
    for (const auto& r : rows) out.insert(r.Int(0));
    return {};
  };
  storage::Where p;
  p.InSubtree("region_code", region)
      .Eq("is_current", int64_t{1})
      .Cmp("purchased_on", ">=", f)
      .Cmp("purchased_on", "<=", t)
      .Sql("household_id IS NOT NULL");
  RETURN_IF_ERROR(collect("SELECT DISTINCT household_id FROM purchases", p));
  storage::Where e;
  e.InSubtree("region_code", region)
      .Cmp("since", "<=", t)
      .Sql("(until IS NULL OR until >= ?)", {f});
  RETURN_IF_ERROR(collect("SELECT DISTINCT household_id FROM household_employments", e));
  storage::Where s;
  s.InSubtree("region_code", region)
      .Cmp("opened_on", "<=", t)
      .Sql("(closed_on IS NULL OR closed_on >= ?)", {f});
  RETURN_IF_ERROR(collect("SELECT DISTINCT household_id FROM household_shops", s));
  return out;
}

}  // namespace ruralec::households::store
